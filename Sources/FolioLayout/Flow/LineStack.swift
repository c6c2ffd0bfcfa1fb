/// Lines of text placed one under another, the unit that pages and table cells break.
///
/// Keeping every line's box lets a paragraph, a bulleted list or a table cell be cut between two
/// lines without measuring again, which is what page breaking needs.
public struct LineStack: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var text: String
        public var font: FontSpec
        public var color: Color
        public var x: Double
        /// Top of the line box, from the top of the stack.
        public var top: Double
        public var leading: Double
        /// Baseline below `top`.
        public var baseline: Double

        public var bottom: Double { top + leading }
    }

    public private(set) var lines: [Line] = []
    /// Height including trailing space below the last line.
    public private(set) var height: Double = 0

    public init() {}

    /// Number of distinct line rows (a bullet and its text share a row).
    public var rowCount: Int { Set(lines.map(\.top)).count }

    /// Adds one already-broken line at the bottom. `sharesRow` puts it beside the previous line (a bullet).
    public mutating func append(_ text: String, font: FontSpec, color: Color, x: Double, leading: Double,
                                metrics: FontMetrics, sharesRow: Bool = false) {
        let top = sharesRow ? (lines.last?.top ?? 0) : height
        let baseline = (leading - metrics.ascent - metrics.descent) / 2 + metrics.ascent
        lines.append(Line(text: text, font: font, color: color, x: x, top: top, leading: leading, baseline: baseline))
        height = max(height, top + leading)
    }

    /// Breaks `text` to `width` and appends its lines.
    public mutating func appendParagraph(_ text: String, font: FontSpec, color: Color, x: Double, width: Double,
                                         leading: Double, measurer: TextMeasurer) {
        let metrics = measurer.metrics(of: font)
        for line in measurer.lines(of: text, font: font, width: width) {
            append(line, font: font, color: color, x: x, leading: leading, metrics: metrics)
        }
    }

    /// A bulleted item: the bullet hangs left of the text, which wraps under itself.
    public mutating func appendBullet(_ text: String, font: FontSpec, color: Color, x: Double, indent: Double,
                                      width: Double, leading: Double, measurer: TextMeasurer) {
        let metrics = measurer.metrics(of: font)
        let broken = measurer.lines(of: text, font: font, width: width - indent)
        for (index, line) in broken.enumerated() {
            append(line, font: font, color: color, x: x + indent, leading: leading, metrics: metrics)
            if index == 0 {
                append("•", font: font, color: color, x: x, leading: leading, metrics: metrics, sharesRow: true)
            }
        }
    }

    /// Empty space, e.g. between paragraphs of a cell. Never left at the top of a continued piece.
    public mutating func appendSpace(_ amount: Double) {
        height += amount
    }

    /// Offsets at which the stack may be cut: bottoms of rows that no other line straddles.
    public var breakPositions: [Double] {
        let bottoms = Set(lines.map(\.bottom)).sorted()
        return bottoms.filter { y in !lines.contains { $0.top < y - 0.001 && $0.bottom > y + 0.001 } }
    }

    /// Splits at `y` (a break position): lines above go to the head, the rest move up to the top of the tail.
    public func split(at y: Double) -> (head: LineStack, tail: LineStack) {
        var head = LineStack(), tail = LineStack()
        head.lines = lines.filter { $0.bottom <= y + 0.001 }
        head.height = head.lines.map(\.bottom).max() ?? 0
        let rest = lines.filter { $0.bottom > y + 0.001 }
        let shift = rest.map(\.top).min() ?? 0
        tail.lines = rest.map { var line = $0; line.top -= shift; return line }
        tail.height = max(0, height - shift)
        return (head, tail)
    }

    /// Number of rows whose bottom lies at or above `y`.
    func rows(above y: Double) -> Int {
        Set(lines.filter { $0.bottom <= y + 0.001 }.map(\.top)).count
    }

    /// Text items with the stack's top-left at `origin`.
    public func items(at origin: Point) -> [FrameItem] {
        lines.map {
            .text(TextItem($0.text, font: $0.font, color: $0.color,
                           origin: Point(x: origin.x + $0.x, y: origin.y + $0.top + $0.baseline)))
        }
    }
}
