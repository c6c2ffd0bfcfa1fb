import Foundation

/// Loads and validates report files: the `check` step behind the CLI and the HTTP service.
///
/// Every format takes the same path: `SourceDocument` (size, encoding, parse into positioned
/// nodes), then `ReportValidator` (the model read from the nodes, every rule checked). A CSV
/// folder's files go through `SourceDocument` one by one, and `CSVReportBuilder` joins them into
/// the one tree the validator reads (see `checkCSV`).
public enum ReportLoader {
    /// Never traps and never runs unbounded on any input: every problem comes back as a diagnostic.
    public static func check(data: Data, fileName: String, format: InputFormat,
                             options: LoadOptions = LoadOptions()) -> CheckResult {
        if format == .iati { return checkIATI(data: data, fileName: fileName, options: options) }
        if format == .xlsx { return checkWorkbook(data: data, fileName: fileName, options: options) }
        // Parsing, validation and freeing the trees all recurse as deep as the document nests.
        return LargeStack.run {
            let sink = DiagnosticSink(file: fileName)
            let root: SourceNode
            do throws(ParseFailure) {
                root = try readTree(data, format: format, options: options)
            } catch {
                sink.error(error.message, at: error.position)
                // Not readable as data at all: the validator never ran.
                return CheckResult(report: nil, diagnostics: sink.sorted, isUnreadable: true)
            }
            var validator = ReportValidator(sink: sink)
            let report = validator.report(from: root)
            return CheckResult(report: sink.errorCount == 0 ? report : nil, diagnostics: sink.sorted)
        }
    }

    private static func readTree(_ data: Data, format: InputFormat, options: LoadOptions) throws(ParseFailure) -> SourceNode {
        let syntax: SourceDocument.Syntax
        switch format {
        case .yaml: syntax = .yaml
        case .json: syntax = .json
        case .csv:
            throw ParseFailure(position: .start, message: "CSV data is a folder of files (indicators.csv, countries.csv, "
                               + "report.yaml), not one file; check it with checkCSV")
        case .iati:
            throw ParseFailure(position: .start, message: "IATI activity files are read by checkIATI")
        case .xlsx:
            throw ParseFailure(position: .start, message: "Excel workbooks are read by checkWorkbook")
        }
        let root = try SourceDocument.tree(data, syntax: syntax, file: 0, options: options)
        guard let root, !SourceDocument.isEmpty(root) else { throw ParseFailure(position: .start, message: "file is empty") }
        return root
    }
}
