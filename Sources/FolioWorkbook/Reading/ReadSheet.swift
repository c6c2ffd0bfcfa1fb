/// One sheet of a workbook as `WorkbookReader` found it: its name and its non-empty cells, row by
/// row, each with the address a user sees in Excel, so that every later message can point at it.
public struct ReadSheet: Sendable, Equatable {
    public var name: String
    /// Rows in ascending order, cells in ascending column order; rows without any value are left out.
    /// `nil` when the sheet was not asked for (see `WorkbookReader.read(_:sheets:)`).
    public var rows: [[SheetCell]]?

    public init(name: String, rows: [[SheetCell]]?) {
        self.name = name
        self.rows = rows
    }
}

/// A cell's value and where it is.
public struct SheetCell: Sendable, Equatable {
    public var reference: CellReference
    public var value: Cell

    public init(_ reference: CellReference, _ value: Cell) {
        self.reference = reference
        self.value = value
    }
}
