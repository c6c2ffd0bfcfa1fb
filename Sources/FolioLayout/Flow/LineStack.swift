/// Lines of text placed one under another, the unit that pages and table cells break.
///
/// Keeping every line's box lets a paragraph, a bulleted list or a table cell be cut between two
/// lines without measuring again, which is what page breaking needs.
///
/// Lines are grouped in rows (a bullet and its text share one); a row starts where the stack's
/// height was, so no line reaches into the next row, and every row's lowest bottom is a place the
/// stack may be cut. Cutting is a view, not a copy: both pieces keep the same line storage and
/// differ in which rows they show and by how much they are moved up, so a cell that runs over
/// hundreds of pages is cut in constant time per page instead of being copied and rescanned.
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

    /// Every line as set, tops in the coordinates of the stack they were set in.
    private var storage: [Line] = []
    /// Index in `storage` of each row's first line; a last entry past the end closes the final row.
    private var rowStarts: [Int] = [0]
    /// The rows this stack shows.
    private var visibleRows: Range<Int> = 0..<0
    /// Subtracted from stored tops: the top of the first shown row, once the rows above were cut off.
    private var shift: Double = 0
    /// Height including trailing space below the last line.
    public private(set) var height: Double = 0

    public init() {}

    /// The shown lines, tops from the top of this stack.
    public var lines: [Line] {
        BreakingWork.counter?.add(lineRange.count)
        guard shift != 0 else { return Array(storage[lineRange]) }
        return storage[lineRange].map { var line = $0; line.top -= shift; return line }
    }

    private var lineRange: Range<Int> { rowStarts[visibleRows.lowerBound]..<rowStarts[visibleRows.upperBound] }

    /// Number of distinct line rows (a bullet and its text share a row).
    public var rowCount: Int { visibleRows.count }

    /// Whether the stack shows no line.
    public var isEmpty: Bool { visibleRows.isEmpty }

    public static func == (left: LineStack, right: LineStack) -> Bool {
        left.height == right.height && left.lines == right.lines
    }

    /// Adds one already-broken line at the bottom. `sharesRow` puts it beside the previous line (a bullet).
    public mutating func append(_ text: String, font: FontSpec, color: Color, x: Double, leading: Double,
                                metrics: FontMetrics, sharesRow: Bool = false) {
        makeWhole()
        let sharing = sharesRow && !storage.isEmpty
        let top = sharing ? storage[storage.count - 1].top : height
        let baseline = (leading - metrics.ascent - metrics.descent) / 2 + metrics.ascent
        storage.append(Line(text: text, font: font, color: color, x: x, top: top, leading: leading, baseline: baseline))
        if sharing {
            rowStarts[rowStarts.count - 1] = storage.count
        } else {
            rowStarts.append(storage.count)
        }
        visibleRows = 0..<(rowStarts.count - 1)
        height = max(height, top + leading)
    }

    /// Makes this stack the only owner of exactly its own lines, before lines are added to it.
    private mutating func makeWhole() {
        guard visibleRows != 0..<(rowStarts.count - 1) || shift != 0 else { return }
        let first = rowStarts[visibleRows.lowerBound]
        storage = lines
        rowStarts = rowStarts[visibleRows.lowerBound...visibleRows.upperBound].map { $0 - first }
        visibleRows = 0..<(rowStarts.count - 1)
        shift = 0
    }

    /// Breaks `text` to `width` and appends its lines.
    /// - Parameter maxLines: at most this many lines, the last one ending in an ellipsis when cut; nil for all.
    public mutating func appendParagraph(_ text: String, font: FontSpec, color: Color, x: Double, width: Double,
                                         leading: Double, measurer: TextMeasurer, maxLines: Int? = nil) {
        let metrics = measurer.metrics(of: font)
        let lines = maxLines.map { measurer.lines(of: text, font: font, width: width, maxLines: $0) }
            ?? measurer.lines(of: text, font: font, width: width)
        for line in lines {
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

    /// Bottom of shown row `row` (0 is the first shown): the lowest bottom of its lines.
    private func bottom(ofRow row: Int) -> Double {
        let absolute = visibleRows.lowerBound + row
        BreakingWork.counter?.add(rowStarts[absolute + 1] - rowStarts[absolute])
        var lowest = -Double.infinity
        for index in rowStarts[absolute]..<rowStarts[absolute + 1] {
            let line = storage[index]
            lowest = max(lowest, (line.top - shift) + line.leading)
        }
        return lowest
    }

    /// Offsets at which the stack may be cut: the bottom of every row.
    public var breakPositions: [Double] { (0..<rowCount).map(bottom(ofRow:)) }

    /// Number of rows whose bottom lies at or above `y` (rows' bottoms only grow, so a binary search).
    func rows(above y: Double) -> Int {
        var low = 0, high = rowCount
        while low < high {
            let middle = (low + high) / 2
            if bottom(ofRow: middle) <= y + 0.001 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Break position `index` (0: below the first row), as `breakPositions[index]` without making the list.
    func breakPosition(_ index: Int) -> Double { bottom(ofRow: index) }

    /// The lowest place to cut at or above `limit`, short of the stack's own bottom, where `accept`
    /// (given the number of rows above the cut) allows it; nil when there is none. Searches from the
    /// lowest candidate upwards and stops at the first accepted one or once fewer than `minimumAbove`
    /// rows would stay above, so the cost is a binary search and a few steps.
    func lastBreak(atMost limit: Double, minimumAbove: Int = 1, accept: (_ rowsAbove: Int) -> Bool) -> Double? {
        var above = rows(above: limit)
        while above > 0, bottom(ofRow: above - 1) >= height - 0.001 { above -= 1 }
        while above >= max(1, minimumAbove) {
            if accept(above) { return bottom(ofRow: above - 1) }
            above -= 1
        }
        return nil
    }

    /// Splits at `y` (a break position): lines above go to the head, the rest move up to the top of the tail.
    public func split(at y: Double) -> (head: LineStack, tail: LineStack) {
        let above = rows(above: y)
        var head = self, tail = self
        head.visibleRows = visibleRows.lowerBound..<(visibleRows.lowerBound + above)
        head.height = above > 0 ? bottom(ofRow: above - 1) : 0
        tail.visibleRows = (visibleRows.lowerBound + above)..<visibleRows.upperBound
        if tail.visibleRows.isEmpty {
            tail.storage = []
            tail.rowStarts = [0]
            tail.visibleRows = 0..<0
            tail.shift = 0
            tail.height = max(0, height)
        } else {
            let moved = storage[rowStarts[tail.visibleRows.lowerBound]].top - shift
            tail.shift = shift + moved
            tail.height = max(0, height - moved)
        }
        if head.visibleRows.isEmpty {
            head.storage = []
            head.rowStarts = [0]
            head.visibleRows = 0..<0
            head.shift = 0
        }
        return (head, tail)
    }

    /// Text items with the stack's top-left at `origin`.
    public func items(at origin: Point) -> [FrameItem] {
        lines.map {
            .text(TextItem($0.text, font: $0.font, color: $0.color,
                           origin: Point(x: origin.x + $0.x, y: origin.y + $0.top + $0.baseline)))
        }
    }
}
