/// Where a node or a problem is: the file (an index into the check's file names, so CSV data
/// spread over indicators.csv, countries.csv and report.yaml places every cell in its own file),
/// and a 1-based line and column (columns in Unicode scalars, as libyaml counts them; in a CSV
/// file the field number). Line 0 stands for the file as a whole.
struct SourcePosition: Equatable, Comparable, Sendable {
    /// Index into `DiagnosticSink.files`; 0 when one file is checked.
    var file = 0
    var line: Int
    var column: Int

    static let start = SourcePosition(line: 1, column: 1)

    static func start(of file: Int) -> SourcePosition {
        SourcePosition(file: file, line: 1, column: 1)
    }

    static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// "first at line 12" for messages about repeats in one file; adds the column when both are on
    /// one line. `DiagnosticSink.firstAt` also names the file when the repeat is in another.
    func firstAt(seenFrom other: SourcePosition) -> String {
        line == other.line ? "first at line \(line), column \(column)" : "first at line \(line)"
    }
}
