/// Where a value sits in the document, written the way a reader would look it up:
/// `outcomes[0].indicators[1].countries["Arab States"][0]`.
struct FieldPath: CustomStringConvertible, Sendable {
    private enum Segment: Sendable {
        case key(String)
        case index(Int)
    }

    private var segments: [Segment] = []

    static let root = FieldPath()

    func appending(_ key: String) -> FieldPath {
        var copy = self
        copy.segments.append(.key(key))
        return copy
    }

    func appending(_ index: Int) -> FieldPath {
        var copy = self
        copy.segments.append(.index(index))
        return copy
    }

    var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case let .index(index):
                text += "[\(index)]"
            case let .key(key) where Self.isIdentifier(key):
                text += text.isEmpty ? key : "." + key
            case let .key(key):
                text += "[" + Quoting.quoted(key) + "]"
            }
        }
        return text
    }

    /// Keys like `Arab States` need brackets so the path stays unambiguous.
    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
