import FolioWorkbook
import Foundation

/// Writes a report as an `.xlsx` workbook that loads back (with `ReportLoader.check(…, format: .xlsx)`)
/// to the same report: the sheets `indicators` and `countries` hold exactly the rows of
/// indicators.csv and countries.csv (`ReportCSVWriter`), and `report` holds report.yaml's lines in
/// column A, one line per row.
///
/// Targets, results and baselines are numbers, so a spreadsheet can sum and chart them; every other
/// cell is text (an indicator id `4.1` stays text). Same report, same bytes.
public enum ReportWorkbookWriter {
    /// Columns whose cells are numbers.
    static let numberColumns: Set<String> = ["target", "result", "baseline_year", "baseline_value"]

    public static func workbook(_ report: Report) -> Workbook {
        let reportLines = ReportCSVWriter.reportYAML(report).split(separator: "\n", omittingEmptySubsequences: false)
        var lines = reportLines.map { Cell.text(String($0)) }
        if lines.last == .text("") { lines.removeLast() }
        return Workbook(sheets: [
            Worksheet(name: "indicators", rows: typed(ReportCSVWriter.indicatorRows(report))),
            Worksheet(name: "countries", rows: typed(ReportCSVWriter.countryRows(report))),
            Worksheet(name: "report", rows: lines.map { $0 == .text("") ? [] : [$0] }, headerRows: 0, columnWidths: [100]),
        ])
    }

    /// The workbook's bytes; an error when a cell cannot be written (text over 32,767 characters).
    public static func xlsx(_ report: Report) throws(Workbook.Failure) -> [UInt8] {
        try workbook(report).xlsx()
    }

    private static func typed(_ rows: [[String]]) -> [[Cell]] {
        guard let header = rows.first else { return [] }
        let numeric = header.map(numberColumns.contains)
        return [header.map(Cell.text)] + rows.dropFirst().map { row in
            row.enumerated().map { column, text in
                if text.isEmpty { return .empty }
                if numeric[column], let number = Double(text), number.isFinite { return .number(number) }
                return .text(text)
            }
        }
    }
}
