/// A table whose rows flow over pages, repeating the header row on every page it reaches.
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
    public var rows: [Row]
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
        self.rows = rows
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

    func height(of row: Row) -> Double {
        (row.cells.map(\.height).max() ?? 0) + look.padding.top + look.padding.bottom
    }

    var headHeight: Double { (isContinuation ? captionStack.height : 0) + height(of: header) }

    public var height: Double { headHeight + rows.reduce(0) { $0 + height(of: $1) } }

    public var minimumHeadHeight: Double {
        guard let first = rows.first else { return headHeight }
        let cutAnyway = headHeight + height(of: first) > pageBodyHeight
        if rowBreaking == .betweenLines || cutAnyway, let cut = firstAcceptableCut(of: first) {
            return headHeight + cut + look.padding.top
        }
        return headHeight + height(of: first)
    }

    public func split(available: Double, force: Bool) -> (head: any Flowable, tail: any Flowable)? {
        var used = headHeight
        var index = 0
        while index < rows.count, used + height(of: rows[index]) <= available + 0.001 {
            used += height(of: rows[index])
            index += 1
        }
        guard index < rows.count else { return nil }
        var headRows = Array(rows[..<index])
        var tailRows = Array(rows[index...])
        let row = rows[index]
        let tooTallForAPage = headHeight + height(of: row) > pageBodyHeight
        let room = available - used - look.padding.top - look.padding.bottom
        if rowBreaking == .betweenLines || tooTallForAPage || force,
           let (upper, lower) = cut(row, within: room, strict: !(force || tooTallForAPage)) {
            headRows.append(upper)
            tailRows[0] = lower
        }
        guard !headRows.isEmpty else { return nil }
        var head = self
        head.rows = headRows
        var tail = self
        tail.rows = tailRows
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
            let positions = cell.breakPositions.filter { $0 <= room + 0.001 && $0 < cell.height - 0.001 }
            // Latest break that leaves enough lines on both sides, or none (the cell moves whole).
            return positions.last { y in
                cell.rows(above: y) >= minimum && cell.rowCount - cell.rows(above: y) >= minimum
            } ?? 0
        }
        let parts = zip(row.cells, breaks).map { cell, y in
            y >= cell.height ? (head: cell, tail: LineStack()) : cell.split(at: y)
        }
        guard parts.contains(where: { !$0.head.lines.isEmpty }), parts.contains(where: { !$0.tail.lines.isEmpty }) else {
            return nil
        }
        return (Row(cells: parts.map(\.head), fill: row.fill), Row(cells: parts.map(\.tail), fill: row.fill))
    }

    /// Height of the smallest acceptable head of a row (two lines of its tallest cell).
    func firstAcceptableCut(of row: Row) -> Double? {
        guard let tallest = row.cells.max(by: { $0.height < $1.height }) else { return nil }
        let positions = tallest.breakPositions.filter { $0 < tallest.height - 0.001 }
        return positions.count >= 2 ? positions[1] : nil
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
        for row in rows {
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
