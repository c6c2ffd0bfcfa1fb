/// A table whose rows flow over pages, repeating the header row on every page it reaches.
///
/// A piece of a table keeps the table's row list and running sums of row heights, and shows a slice
/// of them (after the lower part of a row cut at the foot of the page before, if any): cutting a
/// long table page by page costs the rows on each page, not the rows left.
public struct TableBlock: Flowable {
    public struct Row: Sendable, Equatable {
        public var cells: [LineStack]
        public var fill: Color?
        public init(cells: [LineStack], fill: Color? = nil) { self.cells = cells; self.fill = fill }
    }

    /// How a body row that does not fit the rest of a page is handled.
    public enum RowBreaking: Sendable, Equatable {
        /// The row moves whole to the next page; it is cut only if taller than a page.
        case keepRowsWhole
        /// The row may be cut between lines, at least two lines on each side (long prose rows).
        case betweenLines
    }

    public struct Look: Sendable, Equatable {
        public var padding: Insets
        public var headerFill: Color
        public var ruleColor: Color
        public var ruleWidth: Double
        public var captionFont: FontSpec
        public var captionColor: Color
        public init(padding: Insets, headerFill: Color, ruleColor: Color, ruleWidth: Double,
                    captionFont: FontSpec, captionColor: Color) {
            self.padding = padding; self.headerFill = headerFill; self.ruleColor = ruleColor
            self.ruleWidth = ruleWidth; self.captionFont = captionFont; self.captionColor = captionColor
        }
    }

    public var columnWidths: [Double]
    public var header: Row
    /// The body rows this piece of the table shows.
    public var rows: [Row] {
        get { (lead.map { [$0] } ?? []) + Array(bodyRows) }
        set {
            lead = nil
            bodyRows = newValue[...]
            rowTops = Self.tops(of: newValue, look: look)
        }
    }
    static let minimumRowsCarried = 3

    /// The lower part of a row cut at the foot of the previous page, shown before `bodyRows`.
    private var lead: Row?
    /// A slice of the table's row list (indices are the list's).
    private var bodyRows: ArraySlice<Row>
    /// `rowTops[i]`: height of the list's rows before row `i`; one more entry than rows.
    private var rowTops: [Double]
    public var look: Look
    public var rowBreaking: RowBreaking
    /// Shown above the repeated header on later pages, e.g. "Results, Outcome 4 (continued)".
    public var continuationCaption: String?
    public var isContinuation: Bool = false
    public var spaceBefore: Double
    /// Height of a full page body: rows taller than this must be cut whatever the policy.
    public var pageBodyHeight: Double
    var captionStack: LineStack

    public init(columnWidths: [Double], header: Row, rows: [Row], look: Look, rowBreaking: RowBreaking,
                continuationCaption: String?, spaceBefore: Double, pageBodyHeight: Double, measurer: TextMeasurer) {
        self.columnWidths = columnWidths
        self.header = header
        lead = nil
        bodyRows = rows[...]
        rowTops = Self.tops(of: rows, look: look)
        self.look = look
        self.rowBreaking = rowBreaking
        self.continuationCaption = continuationCaption
        self.spaceBefore = spaceBefore
        self.pageBodyHeight = pageBodyHeight
        var caption = LineStack()
        if let text = continuationCaption {
            caption.appendParagraph(text, font: look.captionFont, color: look.captionColor, x: 0,
                                    width: columnWidths.reduce(0, +), leading: look.captionFont.size * 1.6,
                                    measurer: measurer)
        }
        captionStack = caption
    }

    public var width: Double { columnWidths.reduce(0, +) }
    public var keepWithNext: Bool { false }

    func height(of row: Row) -> Double { Self.height(of: row, look: look) }

    static func height(of row: Row, look: Look) -> Double {
        (row.cells.map(\.height).max() ?? 0) + look.padding.top + look.padding.bottom
    }

    static func tops(of rows: [Row], look: Look) -> [Double] {
        var tops = [0.0]
        tops.reserveCapacity(rows.count + 1)
        for row in rows { tops.append(tops[tops.count - 1] + height(of: row, look: look)) }
        return tops
    }

    var headHeight: Double { (isContinuation ? captionStack.height : 0) + height(of: header) }

    /// Height of the shown body rows.
    var rowsHeight: Double {
        let slice = rowTops[bodyRows.endIndex] - rowTops[bodyRows.startIndex]
        guard let lead else { return slice }
        return bodyRows.isEmpty ? height(of: lead) : height(of: lead) + slice
    }

    public var height: Double { headHeight + rowsHeight }

    /// Number of shown body rows, and row `index` of them.
    var shownCount: Int { bodyRows.count + (lead == nil ? 0 : 1) }

    func shownRow(_ index: Int) -> Row {
        if let lead { return index == 0 ? lead : bodyRows[bodyRows.startIndex + index - 1] }
        return bodyRows[bodyRows.startIndex + index]
    }

    /// The shown rows from `index` on, as a piece's rows.
    private func showing(from index: Int, cutRow lower: Row?) -> (lead: Row?, rows: ArraySlice<Row>) {
        let offset = lead == nil ? 0 : 1
        if let lower { return (lower, bodyRows[(bodyRows.startIndex + index + 1 - offset)...]) }
        if index == 0 { return (lead, bodyRows) }
        return (nil, bodyRows[(bodyRows.startIndex + index - offset)...])
    }

    public var minimumHeadHeight: Double {
        guard shownCount > 0 else { return headHeight }
        let first = shownRow(0)
        let cutAnyway = headHeight + height(of: first) > pageBodyHeight
        if rowBreaking == .betweenLines || cutAnyway, let cut = firstAcceptableCut(of: first) {
            return headHeight + cut + look.padding.top
        }
        if isKeptWhole { return height }
        return headHeight + height(of: first)
    }

    /// A short table of whole rows (a quarter of a page or less) is not cut at all: it moves to
    /// the next page with its heading, leaving little space behind.
    private var isKeptWhole: Bool {
        rowBreaking == .keepRowsWhole && lead == nil && !isContinuation && height <= pageBodyHeight / 4
    }

    public func split(available: Double, force: Bool) -> (head: any Flowable, tail: any Flowable)? {
        var used = headHeight
        var index = 0
        var headRows: [Row] = []
        while index < shownCount, used + height(of: shownRow(index)) <= available + 0.001 {
            headRows.append(shownRow(index))
            used += height(of: shownRow(index))
            index += 1
        }
        guard index < shownCount else { return nil }
        // No widows: a table of whole rows carries at least `minimumRowsCarried` rows to the next
        // page, or moves whole when that would leave fewer than two here; a short one is not cut.
        if isKeptWhole, !force { return nil }
        if rowBreaking == .keepRowsWhole, !force, lead == nil, index > 0, shownCount - index < Self.minimumRowsCarried {
            let moved = min(index, Self.minimumRowsCarried - (shownCount - index))
            guard index - moved >= 2 else { return nil }
            headRows.removeLast(moved)
            index -= moved
        }
        let row = shownRow(index)
        let tooTallForAPage = headHeight + height(of: row) > pageBodyHeight
        let room = available - used - look.padding.top - look.padding.bottom
        var lower: Row?
        if rowBreaking == .betweenLines || tooTallForAPage || force,
           let (upper, rest) = cut(row, within: room, strict: !(force || tooTallForAPage)) {
            headRows.append(upper)
            lower = rest
        }
        guard !headRows.isEmpty else { return nil }
        var head = self
        head.rows = headRows
        var tail = self
        (tail.lead, tail.bodyRows) = showing(from: index, cutRow: lower)
        tail.isContinuation = true
        tail.spaceBefore = 0
        return (head, tail)
    }

    /// Cuts a row so its head fits `room`: each cell breaks after its own last line that fits
    /// (cells space their lines differently, so one common height rarely exists).
    /// `strict` asks for two lines or more on each side of every cell that is cut.
    func cut(_ row: Row, within room: Double, strict: Bool) -> (Row, Row)? {
        let minimum = strict ? 2 : 1
        let breaks = row.cells.map { cell -> Double in
            guard cell.height > room + 0.001 else { return cell.height }
            // Latest break that leaves enough lines on both sides, or none (the cell moves whole).
            let total = cell.rowCount
            return cell.lastBreak(atMost: room, minimumAbove: minimum) { above in
                above >= minimum && total - above >= minimum
            } ?? 0
        }
        let parts = zip(row.cells, breaks).map { cell, y in
            y >= cell.height ? (head: cell, tail: LineStack()) : cell.split(at: y)
        }
        guard parts.contains(where: { !$0.head.isEmpty }), parts.contains(where: { !$0.tail.isEmpty }) else {
            return nil
        }
        return (Row(cells: parts.map(\.head), fill: row.fill), Row(cells: parts.map(\.tail), fill: row.fill))
    }

    /// Height of the smallest acceptable head of a row (two lines of its tallest cell).
    func firstAcceptableCut(of row: Row) -> Double? {
        guard let tallest = row.cells.max(by: { $0.height < $1.height }) else { return nil }
        // The second break, unless it is the cell's own bottom (a cell of two rows has no cut).
        guard tallest.rowCount >= 2, tallest.breakPosition(1) < tallest.height - 0.001 else { return nil }
        return tallest.breakPosition(1)
    }

    public func items(at origin: Point) -> [FrameItem] {
        var items: [FrameItem] = []
        var y = origin.y
        if isContinuation {
            items += captionStack.items(at: Point(x: origin.x, y: y)).tagged("Caption")
            y += captionStack.height
        }
        let rule = Stroke(color: look.ruleColor, width: look.ruleWidth)
        let headerHeight = height(of: header)
        items.append(.rect(Rect(x: origin.x, y: y, width: width, height: headerHeight), fill: look.headerFill, stroke: nil))
        items += cells(of: header, at: Point(x: origin.x, y: y), role: "TH")
        y += headerHeight
        for index in 0..<shownCount {
            let row = shownRow(index)
            let rowHeight = height(of: row)
            if let fill = row.fill {
                items.append(.rect(Rect(x: origin.x, y: y, width: width, height: rowHeight), fill: fill, stroke: nil))
            }
            items += cells(of: row, at: Point(x: origin.x, y: y), role: "TD")
            y += rowHeight
            items.append(.line(from: Point(x: origin.x, y: y), to: Point(x: origin.x + width, y: y), stroke: rule))
        }
        return items.tagged("Table")
    }

    /// One tagged table row: header cells are "TH" so a screen reader announces them with each cell.
    func cells(of row: Row, at origin: Point, role: String) -> [FrameItem] {
        var x = origin.x
        var items: [FrameItem] = []
        for (cell, width) in zip(row.cells, columnWidths) {
            items += cell.items(at: Point(x: x + look.padding.left, y: origin.y + look.padding.top)).tagged(role)
            x += width
        }
        return items.tagged("TR")
    }
}
