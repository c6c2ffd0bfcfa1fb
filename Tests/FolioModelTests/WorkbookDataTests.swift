@testable import FolioModel
import FolioTestSupport
import FolioWorkbook
import Foundation
import XCTest

/// Excel workbooks as data: what Folio writes loads back to the same report and reads right in
/// openpyxl; what openpyxl writes (dates, formulas with stored values, shared and inline strings)
/// loads; every problem is placed at its sheet and cell.
final class WorkbookDataTests: XCTestCase {
    func checkWorkbook(_ bytes: [UInt8], options: LoadOptions = LoadOptions()) -> CheckResult {
        ReportLoader.check(data: Data(bytes), fileName: "data.xlsx", format: .xlsx, options: options)
    }

    func python(_ script: String, _ arguments: [String]) throws -> Data {
        let run = try Python.run(script, arguments)
        XCTAssertEqual(run.status, 0, "python3 with openpyxl failed (Scripts/setup.sh installs it): \(run.errors)")
        return run.output
    }

    func testSamplesRoundTripThroughAWorkbook() throws {
        for name in ["outcome4.yaml", "results-over-time.yaml"] {
            let report = try sampleReport(name)
            let bytes = try ReportWorkbookWriter.xlsx(report)
            XCTAssertEqual(bytes, try ReportWorkbookWriter.xlsx(report), "\(name): same report, same bytes")
            XCTAssertTrue(InputFormat(contents: bytes) == .xlsx, name)
            let result = checkWorkbook(bytes)
            XCTAssertEqual(result.diagnostics, [], name)
            XCTAssertEqual(result.report, report, name)
        }
    }

    func testOpenpyxlReadsNumbersAsNumbersAndNamesIntact() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try ReportWorkbookWriter.xlsx(try sampleReport("results-over-time.yaml"))).write(to: file)
        let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps({s.title: [[[type(c.value).__name__, str(c.value)] for c in row] for row in s.iter_rows()] for s in book.worksheets}))
        """
        let sheets = try JSONDecoder().decode([String: [[[String]]]].self, from: try python(script, [file.path]))
        XCTAssertEqual(Set(sheets.keys), ["indicators", "countries", "report"])
        let indicators = try XCTUnwrap(sheets["indicators"])
        let header = indicators[0].map { $0[1] }
        let target = try XCTUnwrap(header.firstIndex(of: "target")), baseline = try XCTUnwrap(header.firstIndex(of: "baseline_year"))
        XCTAssertEqual(indicators[1][target], ["int", "6"])
        XCTAssertEqual(indicators[1][baseline], ["int", "2017"])
        XCTAssertEqual(indicators[1][2], ["str", "1.1"], "an indicator id stays text")
        XCTAssertTrue(sheets["countries"]!.contains { $0.contains(["str", "Côte d’Ivoire"]) })
        XCTAssertEqual(sheets["report"]?[0][0], ["str", "title: Results over time — a Folio sample"])
    }

    /// A workbook as a data officer's spreadsheet program leaves it: dates typed as dates, a target
    /// computed by a formula (its stored value), a shared string with rich text runs, inline strings.
    static let officerScript = #"""
    import datetime, sys, zipfile, openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Indicators"
    ws.append(["outcome", "outcome_title", "indicator", "description", "unit", "target", "result", "period", "start", "end"])
    ws.append(["1", "Better jobs", "1.1", "Countries with a policy", "countries", "=2*3", 5, "2022", datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)])
    ws.append(["1", "Better jobs", "1.1", None, None, 8, sys.argv[2], "2023", datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)])
    countries = wb.create_sheet("countries")
    countries.append(["indicator", "region", "country", "territory", "period"])
    countries.append(["1.1", "Africa", "IVORY", False, "2023"])
    report = wb.create_sheet("report")
    report.append(["title: Jobs report"])
    wb.save(sys.argv[1] + ".tmp")
    src = zipfile.ZipFile(sys.argv[1] + ".tmp")
    out = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
    for item in src.infolist():
        data = src.read(item.filename).decode("utf-8")
        data = data.replace("<f>2*3</f><v></v>", "<f>2*3</f><v>6</v>")
        data = data.replace('t="inlineStr"><is><t>IVORY</t></is>', 't="s"><v>0</v>')
        if item.filename == "[Content_Types].xml":
            data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        out.writestr(item, data)
    out.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>C\u00f4te </t></r><r><rPr><i/></rPr><t>d\'Ivoire</t></r></si></sst>')
    out.close()
    """#

    func officerWorkbook(result: String = "7") throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file); try? FileManager.default.removeItem(atPath: file.path + ".tmp") }
        _ = try python(Self.officerScript, [file.path, result])
        return Array(try Data(contentsOf: file))
    }

    func testAWorkbookOpenpyxlWroteLoads() throws {
        let result = checkWorkbook(try officerWorkbook())
        XCTAssertEqual(result.errors, [])
        let report = try XCTUnwrap(result.report)
        XCTAssertEqual(report.title, "Jobs report")
        let indicator = report.outcomes[0].indicators[0]
        XCTAssertEqual(indicator.periods.map(\.start), ["2022-01-01", "2023-01-01"], "dates typed as dates read as ISO dates")
        XCTAssertEqual(indicator.periods.map(\.end), ["2022-12-31", "2023-12-31"])
        XCTAssertEqual(indicator.periods.map(\.target), [6, 8], "the formula's stored value")
        XCTAssertEqual(indicator.periods[1].countries["Africa"]?.first?.name, "Côte d'Ivoire")
    }

    func testAnInvalidCellIsNamedBySheetAndCell() throws {
        let result = checkWorkbook(try officerWorkbook(result: "n/a"))
        XCTAssertNil(result.report)
        XCTAssertFalse(result.isUnreadable)
        XCTAssertEqual(result.errors.map(\.description), ["data.xlsx: Indicators!G3: result: expected a whole number >= 0, found \"n/a\""])
        XCTAssertEqual(result.errors.first?.cell, "Indicators!G3")
        XCTAssertEqual(result.errors.first.map { [$0.line, $0.column] }, [3, 7])
    }

    func testAMissingSheetIsNamed() throws {
        let only = Workbook(sheets: [Worksheet(name: "countries", rows: [["indicator", "region", "country"]])])
        let result = checkWorkbook(try only.xlsx())
        XCTAssertEqual(result.errors.first?.description,
                       "data.xlsx: indicators: sheet not found: a workbook needs a sheet named indicators (columns outcome, outcome_title, "
                       + "indicator, description, unit, target, result)")
    }

    func testUnreadableWorkbooksAreSyntaxErrors() throws {
        let text = checkWorkbook(Array("title: x\n".utf8))
        XCTAssertTrue(text.isUnreadable)
        XCTAssertEqual(text.errors.map(\.description), ["data.xlsx:1:1: not an Excel workbook: an .xlsx file is a ZIP archive, and this file is not one"])
        let good = try officerWorkbook()
        let small = checkWorkbook(good, options: LoadOptions(maxBytes: 1000))
        XCTAssertTrue(small.isUnreadable)
        XCTAssertTrue(small.errors.first?.message.contains("larger than the limit") == true, "\(small.errors)")
        let cells = checkWorkbook(good, options: LoadOptions(maxNodes: 10))
        XCTAssertTrue(cells.isUnreadable)
        XCTAssertEqual(cells.errors.first?.cell, "Indicators!A2", "\(cells.errors)")
        XCTAssertNil(InputFormat(contents: Array("PK\u{3}\u{4} not a workbook".utf8)))
    }
}
