@testable import FolioWorkbook
import FolioTestSupport
import Foundation
import XCTest

/// The writer's files as openpyxl, a real reader, sees them.
final class WorkbookWriterTests: XCTestCase {
    static let sample = Workbook(sheets: [
        Worksheet(name: "indicators", rows: [
            ["id", "target", "result", "note"],
            ["1.1", 10, 8.5, " Chad & co "],
            ["1.2", 1e-5, -3, "Côte d'Ivoire <b>"],
            [.empty, .empty, 2.5e20, "_x0041_ stays"],
        ]),
        Worksheet(name: "countries", rows: [["region", "country"], ["Africa", "Côte d'Ivoire"], ["Africa", "Mali"]]),
    ])

    /// Reads every sheet back with openpyxl: each cell's Python type name and value, as JSON.
    func readWithOpenpyxl(_ bytes: [UInt8]) throws -> [String: [[[String]]]] {
        let file = temporaryFile("workbook.xlsx")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps({s.title: [[[type(c.value).__name__, str(c.value)] for c in row] for row in s.iter_rows()] for s in book.worksheets}))
        """
        let data = try runPython(script, [file.path])
        return try JSONDecoder().decode([String: [[[String]]]].self, from: data)
    }

    func testOpenpyxlReadsNumbersAsNumbersAndTextIntact() throws {
        let sheets = try readWithOpenpyxl(try Self.sample.xlsx())
        XCTAssertEqual(Array(sheets.keys).sorted(), ["countries", "indicators"])
        let rows = try XCTUnwrap(sheets["indicators"])
        XCTAssertEqual(rows[0].map { $0[1] }, ["id", "target", "result", "note"])
        XCTAssertEqual(rows[1], [["str", "1.1"], ["int", "10"], ["float", "8.5"], ["str", " Chad & co "]])
        XCTAssertEqual(rows[2], [["str", "1.2"], ["float", "1e-05"], ["int", "-3"], ["str", "Côte d'Ivoire <b>"]])
        XCTAssertEqual(rows[3], [["NoneType", "None"], ["NoneType", "None"], ["float", "2.5e+20"], ["str", "_x0041_ stays"]])
        XCTAssertEqual(sheets["countries"]?[1].map { $0[1] }, ["Africa", "Côte d'Ivoire"])
    }

    func testSameCellsGiveTheSameBytes() throws {
        XCTAssertEqual(try Self.sample.xlsx(), try Self.sample.xlsx())
        var other = Self.sample
        other.sheets[1].rows[2][1] = "Niger"
        XCTAssertNotEqual(try Self.sample.xlsx(), try other.xlsx())
    }

    func testRefusesWhatExcelCannotHold() {
        func failure(_ workbook: Workbook) -> Workbook.Failure? {
            do { _ = try workbook.xlsx(); return nil } catch { return error }
        }
        XCTAssertEqual(failure(Workbook(sheets: [])), .noSheets)
        XCTAssertEqual(failure(Workbook(sheets: [Worksheet(name: "a/b", rows: [])])), .invalidSheetName("a/b"))
        XCTAssertEqual(failure(Workbook(sheets: [Worksheet(name: "Data", rows: []), Worksheet(name: "data", rows: [])])),
                       .invalidSheetName("data"))
        XCTAssertEqual(failure(Workbook(sheets: [Worksheet(name: "s", rows: [["a", .number(.nan)]])])),
                       .notFinite(sheet: "s", cell: CellReference(row: 1, column: 2)))
        XCTAssertEqual(failure(Workbook(sheets: [Worksheet(name: "s", rows: [[.text(String(repeating: "x", count: 32_768))]])])),
                       .textTooLong(sheet: "s", cell: CellReference(row: 1, column: 1)))
    }

    func testCellReferences() {
        XCTAssertEqual(CellReference(row: 12, column: 3).description, "C12")
        XCTAssertEqual(CellReference(row: 1, column: 27).description, "AA1")
        XCTAssertEqual(CellReference(row: 1, column: 16_384).description, "XFD1")
        XCTAssertEqual(CellReference("AB7"), CellReference(row: 7, column: 28))
        for bad in ["", "A", "7", "A0", "a1", "1A", "XFE1", "A1048577", "$A$1", "A1B"] {
            XCTAssertNil(CellReference(bad), bad)
        }
    }
}
