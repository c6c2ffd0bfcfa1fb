/// One problem found in an input file, placed so that editors and terminals can jump to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The file cannot be turned into a report.
        case error
        /// The report loads, but probably not as the author meant.
        case warning
    }

    public var severity: Severity
    /// As given by the caller, so messages name the file the way the user typed it.
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based, counted in Unicode scalars (as libyaml counts).
    public var column: Int
    /// Field path such as `outcomes[0].indicators[0].target`; empty for problems with the file as a whole.
    public var path: String
    public var message: String
    /// In a workbook, the sheet and cell (`indicators!C12`), or the sheet alone for a problem with a
    /// whole sheet; then `line` and `column` are the cell's row and column numbers.
    public var cell: String?

    public init(severity: Severity, file: String, line: Int, column: Int, path: String, message: String, cell: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.cell = cell
    }

    /// The `file:line:column: ` form compilers use, which editors and CI logs already understand;
    /// in a workbook `file: sheet!C12: `, the way spreadsheet users name a cell.
    public var description: String {
        var text = cell.map { "\(file): \($0): " } ?? "\(file):\(line):\(column): "
        if severity == .warning { text += "warning: " }
        if !path.isEmpty { text += "\(path): " }
        return text + message
    }
}
