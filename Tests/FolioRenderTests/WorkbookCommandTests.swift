import Foundation
import XCTest

/// Excel workbooks on the command line: `folio convert -o data.xlsx` and back, workbooks as DATA,
/// and broken or hostile workbooks refused with exit 65 and nothing written.
final class WorkbookCommandTests: FolioCommandTestCase {
    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    func testSampleThroughAWorkbookAndBack() throws {
        let sample = TestSupport.sample.path
        let toWorkbook = try folio(["convert", sample, "-o", "data.xlsx"])
        XCTAssertEqual(toWorkbook.status, 0, toWorkbook.stderr)
        XCTAssertTrue(toWorkbook.stdout.hasPrefix("wrote data.xlsx ("), toWorkbook.stdout)
        XCTAssertEqual(try folio(["convert", sample, "-o", "direct.yaml"]).status, 0)
        let back = try folio(["convert", "data.xlsx", "-o", "back.yaml"])
        XCTAssertEqual(back.status, 0, back.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("back.yaml"))), try Data(contentsOf: URL(fileURLWithPath: path("direct.yaml"))))
        XCTAssertEqual(try folio(["convert", "data.xlsx", "-o", "again.xlsx"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("data.xlsx"))), try Data(contentsOf: URL(fileURLWithPath: path("again.xlsx"))),
                       "deterministic bytes")
        // A workbook without its extension is known by its contents; standard input by --input-format.
        try FileManager.default.copyItem(atPath: path("data.xlsx"), toPath: path("data"))
        let byContents = try folio(["check", "data"])
        XCTAssertEqual(byContents.status, 0, byContents.stderr)
        let stdin = try folio(["check", "-", "--input-format", "xlsx"], stdin: try Data(contentsOf: URL(fileURLWithPath: path("data.xlsx"))))
        XCTAssertEqual(stdin.status, 0, stdin.stderr)
    }

    func testBrokenWorkbooksExit65AndWriteNothing() throws {
        XCTAssertEqual(try folio(["convert", TestSupport.sample.path, "-o", "good.xlsx"]).status, 0)
        let good = try Data(contentsOf: URL(fileURLWithPath: path("good.xlsx")))
        try Data("title: not a workbook\n".utf8).write(to: URL(fileURLWithPath: path("text.xlsx")))
        try good.prefix(good.count / 2).write(to: URL(fileURLWithPath: path("truncated.xlsx")))
        for (name, message) in [("text.xlsx", "text.xlsx:1:1: not an Excel workbook"), ("truncated.xlsx", "truncated.xlsx:1:1: the ZIP archive is damaged")] {
            let run = try folio(["convert", name, "-o", "out.yaml"])
            XCTAssertEqual(run.status, 65, name)
            XCTAssertTrue(run.stderr.hasPrefix(message), run.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.yaml")), name)
        }
        let tooLarge = try folio(["render", "good.xlsx", "--max-input-size", "1", "-o", "b.pdf"])
        XCTAssertEqual(tooLarge.status, 0, "24 KB fits in 1 MiB: \(tooLarge.stderr)")
    }

    func testAnInvalidCellIsNamed() throws {
        XCTAssertEqual(try folio(["convert", TestSupport.sample.path, "-o", "good.xlsx"]).status, 0)
        let script = """
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            book["indicators"]["F3"] = "n/a"
            book.save(sys.argv[2])
            """
        let edit = try TestSupport.run("python3", ["-c", script, path("good.xlsx"), path("bad.xlsx")])
        XCTAssertEqual(edit.status, 0, "python3 with openpyxl is needed (Scripts/setup.sh): \(edit.stderr)")
        let run = try folio(["render", "bad.xlsx", "-o", "b.pdf"])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.hasPrefix("bad.xlsx: indicators!F3: target: expected a whole number >= 0, found \"n/a\"\n"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("b.pdf")))
    }
}
