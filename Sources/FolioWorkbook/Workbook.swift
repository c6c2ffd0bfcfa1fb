import Foundation

/// A workbook of named sheets of cells: what Folio writes as `.xlsx` (the tables of a report, the
/// data behind a native PowerPoint chart).
public struct Workbook: Sendable, Equatable {
    public var sheets: [Worksheet]

    public init(sheets: [Worksheet]) {
        self.sheets = sheets
    }

    /// Why a workbook cannot be written.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A sheet name Excel refuses: empty, longer than 31 characters, with one of `[ ] : * ? / \`,
        /// starting or ending with an apostrophe, or the same as another (letter case ignored).
        case invalidSheetName(String)
        /// A workbook needs at least one sheet.
        case noSheets
        /// A cell's text is longer than Excel's 32,767 characters.
        case textTooLong(sheet: String, cell: CellReference)
        /// A number that is not finite (NaN, infinity), which a spreadsheet cannot hold.
        case notFinite(sheet: String, cell: CellReference)
        /// More rows or columns than Excel has.
        case tooLarge(sheet: String)
        /// The ZIP container could not be written.
        case archive(String)

        public var description: String {
            switch self {
            case .invalidSheetName(let name): return "\"\(name)\" cannot be a sheet name (1 to 31 characters, none of [ ] : * ? / \\, unique)"
            case .noSheets: return "a workbook needs at least one sheet"
            case .textTooLong(let sheet, let cell): return "\(sheet)!\(cell): text longer than 32,767 characters"
            case .notFinite(let sheet, let cell): return "\(sheet)!\(cell): a number that is not finite"
            case .tooLarge(let sheet): return "sheet \(sheet) has more rows or columns than a spreadsheet can hold"
            case .archive(let message): return "could not write the workbook's ZIP container: \(message)"
            }
        }
    }

    /// A complete `.xlsx` (Office Open XML SpreadsheetML) in memory: byte-identical for the same
    /// cells and date, on any machine.
    /// - Parameter modified: the date of every ZIP entry (the workbook itself holds no date).
    public func xlsx(modified: Date = Date(timeIntervalSince1970: 946_684_800)) throws(Failure) -> [UInt8] {
        try WorkbookParts(workbook: self).archive(date: modified)
    }
}

/// One sheet: rows of cells from A1, the first `headerRows` rows set in bold and kept in view.
public struct Worksheet: Sendable, Equatable {
    public var name: String
    public var rows: [[Cell]]
    /// Rows at the top that label the columns: bold, and frozen so they stay visible when scrolling.
    public var headerRows: Int
    /// Width of each column in characters (Excel's unit); missing or nil columns get a width that
    /// fits their longest text, within 8 to 60 characters.
    public var columnWidths: [Double?]

    public init(name: String, rows: [[Cell]], headerRows: Int = 1, columnWidths: [Double?] = []) {
        self.name = name
        self.rows = rows
        self.headerRows = headerRows
        self.columnWidths = columnWidths
    }

    /// Excel's rules for a sheet name (a workbook adds: unique, letter case ignored).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 31 && !name.hasPrefix("'") && !name.hasSuffix("'")
            && !name.contains(where: { "[]:*?/\\".contains($0) })
            && !name.unicodeScalars.contains(where: { $0.value < 0x20 })
    }
}
