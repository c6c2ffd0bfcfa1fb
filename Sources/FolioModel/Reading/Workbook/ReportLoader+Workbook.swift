import FolioWorkbook
import Foundation

extension ReportLoader {
    /// The sheets a workbook's data is in (names compared ignoring case): `indicators` and
    /// `countries` with the columns of indicators.csv and countries.csv, and `report` holding the
    /// lines of report.yaml in its column A, one line per row.
    public static let workbookSheets = ["indicators", "countries", "report"]

    /// Checks an `.xlsx` workbook as a CSV folder is checked, its sheets standing for the files
    /// (see `workbookSheets`). `WorkbookReader` reads it strictly, within `options.maxBytes` for the
    /// file and `options.maxNodes` cells; a workbook it refuses is unreadable data.
    ///
    /// Diagnostics name the file and the cell: `data.xlsx: indicators!C12: target: expected a
    /// number, found "n/a"` (`Diagnostic.cell`, with `line` and `column` the cell's row and column);
    /// a problem with a whole sheet names the sheet alone.
    /// - Parameter defaultTitle: the title when there is no report sheet (with a warning); nil for the
    ///   file's name without its extension, as a CSV folder's name is.
    public static func checkWorkbook(data: Data, fileName: String, defaultTitle: String? = nil,
                                     options: LoadOptions = LoadOptions()) -> CheckResult {
        var limits = WorkbookReader.Limits(maxFileBytes: options.maxBytes)
        limits.maxCells = options.maxNodes
        let sheets: [ReadSheet]
        do {
            sheets = try WorkbookReader(limits: limits).read(Array(data)) { workbookSheets.contains($0.lowercased()) }
        } catch {
            return CheckResult(report: nil, diagnostics: [diagnostic(error, fileName: fileName)], isUnreadable: true)
        }
        var chosen: [String: ReadSheet] = [:]
        var others: [String] = []
        for sheet in sheets {
            let key = sheet.name.lowercased()
            if workbookSheets.contains(key) { chosen[key] = sheet } else { others.append(sheet.name) }
        }
        do throws(ParseFailure) {
            var indicators: CSVTable?, countries: CSVTable?
            if let sheet = chosen["indicators"] { indicators = try table(sheet, file: CSVReportBuilder.indicatorsFile, maxCells: options.maxNodes) }
            if let sheet = chosen["countries"] { countries = try table(sheet, file: CSVReportBuilder.countriesFile, maxCells: options.maxNodes) }
            let report = chosen["report"].map(reportText)
            let names = [chosen["report"]?.name ?? "report", chosen["indicators"]?.name ?? "indicators",
                         chosen["countries"]?.name ?? "countries"] + others
            let title = defaultTitle ?? ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension
            var result = LargeStack.run { [indicators, countries] in
                CSVReportBuilder(options: options, container: .workbook)
                    .check(workbook: names, report: report, indicators: indicators, countries: countries, defaultTitle: title)
            }
            result.diagnostics = result.diagnostics.map { located($0, fileName: fileName, reportSheet: names[0]) }
            return result
        } catch {
            let sheet = error.position.file == CSVReportBuilder.indicatorsFile ? "indicators" : "countries"
            let cell = CellReference(row: error.position.line, column: error.position.column)
            return CheckResult(report: nil, diagnostics: [
                Diagnostic(severity: .error, file: fileName, line: cell.row, column: cell.column, path: "", message: error.message,
                           cell: "\(sheet)!\(cell)"),
            ], isUnreadable: true)
        }
    }

    /// A failure of the reader as a diagnostic: at its cell when it has one.
    private static func diagnostic(_ failure: WorkbookReader.Failure, fileName: String) -> Diagnostic {
        guard let (sheet, cell) = failure.location else {
            return Diagnostic(severity: .error, file: fileName, line: 1, column: 1, path: "", message: failure.description)
        }
        return Diagnostic(severity: .error, file: fileName, line: cell?.row ?? 1, column: cell?.column ?? 1, path: "",
                          message: failure.reason, cell: cell.map { "\(sheet)!\($0)" } ?? sheet)
    }

    /// The builder places a sheet's cells as a CSV file's fields (line = row, column = field); here
    /// they get their cell names. In the report sheet, a YAML position's line is the row in column A.
    private static func located(_ diagnostic: Diagnostic, fileName: String, reportSheet: String) -> Diagnostic {
        var located = diagnostic
        let sheet = diagnostic.file
        located.file = fileName
        if diagnostic.line == 0 {
            located.line = 1
            located.column = 1
            located.cell = sheet
        } else if sheet == reportSheet {
            located.column = 1
            located.cell = "\(sheet)!A\(diagnostic.line)"
        } else {
            located.cell = "\(sheet)!\(CellReference(row: diagnostic.line, column: max(1, diagnostic.column)))"
        }
        return located
    }

    /// A sheet as the builder's table: one record per row with values, each field at its column.
    private static func table(_ sheet: ReadSheet, file: Int, maxCells: Int) throws(ParseFailure) -> CSVTable {
        var records: [CSVRecord] = []
        var fields = 0
        for row in sheet.rows ?? [] {
            guard let last = row.last else { continue }
            fields += last.reference.column
            guard fields <= maxCells else {
                throw ParseFailure(position: SourcePosition(file: file, line: last.reference.row, column: last.reference.column),
                                   message: "the sheet has more than \(maxCells) cells")
            }
            var texts = [String](repeating: "", count: last.reference.column)
            for cell in row { texts[cell.reference.column - 1] = text(cell.value) }
            records.append(CSVRecord(line: last.reference.row, fields: texts))
        }
        return CSVTable(separator: CSVTable.comma, records: records)
    }

    /// report.yaml's text: row n of column A is line n (missing rows are blank lines).
    private static func reportText(_ sheet: ReadSheet) -> Data {
        var lines: [String] = []
        for row in sheet.rows ?? [] {
            guard let cell = row.first, cell.reference.column == 1 else { continue }
            while lines.count < cell.reference.row - 1 { lines.append("") }
            lines.append(text(cell.value))
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A cell as the text a CSV field would hold: numbers in the shortest form that reads back the
    /// same (`10`, `8.5`, `1e-05`), never with a locale's separators.
    static func text(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .text(let text): return text
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return String(number)
        }
    }
}
