/// A font request: family, size and face. Families name fonts bundled in `Assets/fonts`.
public struct FontSpec: Sendable, Equatable, Hashable {
    public enum Weight: Sendable, Hashable { case regular, bold }

    public var family: String
    public var size: Double
    public var weight: Weight
    public var italic: Bool

    public init(family: String, size: Double, weight: Weight = .regular, italic: Bool = false) {
        self.family = family; self.size = size; self.weight = weight; self.italic = italic
    }

    public func sized(_ newSize: Double) -> FontSpec {
        var copy = self; copy.size = newSize; return copy
    }
    public var bold: FontSpec { var copy = self; copy.weight = .bold; return copy }
    public var italicized: FontSpec { var copy = self; copy.italic = true; return copy }
}

/// Vertical metrics of a font at its size.
public struct FontMetrics: Sendable, Equatable {
    public var ascent: Double
    public var descent: Double
    public init(ascent: Double, descent: Double) { self.ascent = ascent; self.descent = descent }
}
