@testable import FolioWorkbook
import FolioTestSupport
import Foundation
import XCTest

/// The reader on workbooks openpyxl wrote (and then edited the way Excel writes: a shared string
/// with rich text runs, a formula with its stored value), and on broken and hostile ones.
final class WorkbookReaderTests: XCTestCase {
    /// openpyxl writes inline strings and formulas without stored values; the script adds a shared
    /// string table (rich text runs and a phonetic run) and a stored value, as Excel would.
    static let openpyxlScript = #"""
    import datetime, sys, zipfile, openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "indicators"
    ws.append(["name", "target", "double", "start", "done", "share"])
    ws.append(["SHARED", 10, "=B2*2", datetime.date(2024, 3, 31), True, 8.5])
    ws.append(["_x0041_ stays", None, None, datetime.datetime(2024, 3, 31, 8, 30), False, 1e-5])
    ws.append([])
    ws.append(["after a blank row"])
    wb.create_sheet("countries").append(["region", "country"])
    wb.save(sys.argv[1] + ".tmp")
    src = zipfile.ZipFile(sys.argv[1] + ".tmp")
    out = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
    mode = sys.argv[2]
    for item in src.infolist():
        data = src.read(item.filename).decode("utf-8")
        if item.filename == "xl/worksheets/sheet1.xml":
            data = data.replace('<c r="A2" t="inlineStr"><is><t>SHARED</t></is></c>', '<c r="A2" t="s"><v>0</v></c>')
            if mode == "cached":
                data = data.replace("<f>B2*2</f><v></v>", "<f>B2*2</f><v>20</v>")
        if item.filename == "[Content_Types].xml":
            data = data.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        if item.filename == "xl/_rels/workbook.xml.rels":
            data = data.replace("</Relationships>", '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>')
        out.writestr(item, data)
    out.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><r><t>C\u00f4te </t></r><r><rPr><b/></rPr><t>d\'Ivoire</t></r><rPh sb="0" eb="1"><t>KOTO</t></rPh></si></sst>')
    out.close()
    """#

    func openpyxlWorkbook(cached: Bool = true) throws -> [UInt8] {
        let file = temporaryFile("openpyxl.xlsx")
        defer { try? FileManager.default.removeItem(at: file); try? FileManager.default.removeItem(atPath: file.path + ".tmp") }
        _ = try runPython(Self.openpyxlScript, [file.path, cached ? "cached" : "raw"])
        return Array(try Data(contentsOf: file))
    }

    func failure(_ bytes: [UInt8], limits: WorkbookReader.Limits = .init()) -> WorkbookReader.Failure? {
        do { _ = try WorkbookReader(limits: limits).read(bytes); return nil } catch { return error }
    }

    func testReadsWhatOpenpyxlWrote() throws {
        let sheets = try WorkbookReader().read(try openpyxlWorkbook())
        XCTAssertEqual(sheets.map(\.name), ["indicators", "countries"])
        let rows = try XCTUnwrap(sheets[0].rows)
        XCTAssertEqual(rows.count, 4, "the blank row is left out")
        XCTAssertEqual(rows[0].map(\.value), ["name", "target", "double", "start", "done", "share"])
        XCTAssertEqual(rows[1].map(\.value), [.text("Côte d'Ivoire"), .number(10), .number(20), .text("2024-03-31"), .text("true"), .number(8.5)])
        XCTAssertEqual(rows[1].map(\.reference.description), ["A2", "B2", "C2", "D2", "E2", "F2"])
        // openpyxl writes "_x0041_" unescaped, so it reads as the escape Excel (and openpyxl itself) decode.
        XCTAssertEqual(rows[2].map(\.value), [.text("A stays"), .text("2024-03-31T08:30:00"), .text("false"), .number(1e-5)])
        XCTAssertEqual(rows[2].map(\.reference.description), ["A3", "D3", "E3", "F3"])
        XCTAssertEqual(rows[3], [SheetCell(CellReference(row: 5, column: 1), "after a blank row")])
        XCTAssertEqual(sheets[1].rows?.first?.map(\.value), ["region", "country"])
    }

    func testOnlyTheSheetsAskedForAreRead() throws {
        let sheets = try WorkbookReader().read(try openpyxlWorkbook(), sheets: { $0 == "countries" })
        XCTAssertNil(sheets[0].rows)
        XCTAssertEqual(sheets[1].rows?.count, 1)
    }

    func testAFormulaWithoutAStoredValueIsLocated() throws {
        let failure = try XCTUnwrap(failure(try openpyxlWorkbook(cached: false)))
        XCTAssertEqual(failure.location?.sheet, "indicators")
        XCTAssertEqual(failure.location?.cell, CellReference("C2"))
        XCTAssertTrue(failure.description.hasPrefix("indicators!C2: a formula without a stored value"), failure.description)
    }

    func testReadsWhatItsWriterWrote() throws {
        let bytes = try WorkbookWriterTests.sample.xlsx()
        let sheets = try WorkbookReader().read(bytes)
        let cells = sheets[0].rows!.map { $0.map(\.value) }
        XCTAssertEqual(cells[1], ["1.1", 10, 8.5, " Chad & co "])
        XCTAssertEqual(cells[2], ["1.2", 1e-5, -3, "Côte d'Ivoire <b>"])
        XCTAssertEqual(cells[3], [2.5e20, "_x0041_ stays"])
    }

    func testNotAWorkbook() throws {
        guard case .notAnArchive? = failure(Array("title: x\n".utf8)) else { return XCTFail("plain text read as a workbook") }
        guard case .notAnArchive(let reason)? = failure([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)) else {
            return XCTFail("an OLE2 file read as a workbook")
        }
        XCTAssertTrue(reason.contains("encrypted"), reason)
        let good = try openpyxlWorkbook()
        guard case .damaged? = failure(Array(good.prefix(good.count / 2))) else { return XCTFail("a truncated archive was read") }
        let pptx = try edited(good, replacing: ["[Content_Types].xml": ("spreadsheetml.sheet.main+xml", "presentationml.presentation.main+xml")])
        XCTAssertEqual(failure(pptx), .notAWorkbook("it is a PowerPoint file"))
        let xlsm = try edited(good, replacing: ["[Content_Types].xml": ("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml")])
        guard case .macros? = failure(xlsm) else { return XCTFail("a macro-enabled workbook was read") }
    }

    func testBadXMLAndDoctypeNameThePart() throws {
        let good = try openpyxlWorkbook()
        let broken = try edited(good, replacing: ["xl/worksheets/sheet1.xml": ("</sheetData>", "</sheetDat>")])
        guard case .xml(let part, _, _)? = failure(broken) else { return XCTFail("malformed XML was read") }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        let entities = try edited(good, replacing: ["xl/worksheets/sheet1.xml": ("<worksheet ", "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><worksheet ")])
        guard case .xml(let doctypePart, _, let message)? = failure(entities) else { return XCTFail("a DOCTYPE was accepted") }
        XCTAssertEqual(doctypePart, "xl/worksheets/sheet1.xml")
        XCTAssertTrue(message.contains("DOCTYPE"), message)
    }

    func testExternalReferencesAreRefused() throws {
        let good = try openpyxlWorkbook()
        let linked = try edited(good, replacing: ["xl/_rels/workbook.xml.rels": ("</Relationships>",
            "<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" Target=\"externalLinks/externalLink1.xml\"/></Relationships>")])
        guard case .externalReference(let part, let what)? = failure(linked) else { return XCTFail("an external link was accepted") }
        XCTAssertEqual(part, "xl/_rels/workbook.xml.rels")
        XCTAssertEqual(what, "a link to another workbook")
        let web = try edited(good, replacing: ["xl/_rels/workbook.xml.rels": ("</Relationships>",
            "<Relationship Id=\"rIdW\" Type=\"http://example.com/x\" Target=\"http://example.com/data.xml\" TargetMode=\"External\"/></Relationships>")])
        guard case .externalReference? = failure(web) else { return XCTFail("an external target was accepted") }
        let traversal = try edited(good, replacing: ["xl/_rels/workbook.xml.rels": ("worksheets/sheet1.xml", "../../../etc/passwd")])
        XCTAssertEqual(failure(traversal), .unsafePartName("/xl/../../../etc/passwd"))
    }

    func testArchiveEntriesAreBoundedAndStayInside() throws {
        let script = #"""
        import sys, zipfile
        src = zipfile.ZipFile(sys.argv[1])
        out = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
        for item in src.infolist():
            out.writestr(item.filename, src.read(item.filename))
        if sys.argv[3] == "traversal":
            out.writestr("../../evil.xml", "<x/>")
        else:
            for i in range(1001):
                out.writestr("xl/media/empty%d.bin" % i, "")
        out.close()
        """#
        let source = temporaryFile("source.xlsx"), result = temporaryFile("result.xlsx")
        defer { try? FileManager.default.removeItem(at: source); try? FileManager.default.removeItem(at: result) }
        try Data(try openpyxlWorkbook()).write(to: source)
        _ = try runPython(script, [source.path, result.path, "traversal"])
        XCTAssertEqual(failure(Array(try Data(contentsOf: result))), .unsafePartName("../../evil.xml"))
        _ = try runPython(script, [source.path, result.path, "many"])
        XCTAssertEqual(failure(Array(try Data(contentsOf: result))), .tooManyEntries(limit: 1000))
    }

    func testZipBombsStopBeforeOrWhileInflating() throws {
        // 30 MB of rows deflate to about 30 KB: refused from the headers, before inflating.
        let script = #"""
        import sys, zipfile, struct
        rows = "<row><c><v>1</v></c></row>" * 1200000
        sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows + '</sheetData></worksheet>'
        src = zipfile.ZipFile(sys.argv[1])
        out = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED, compresslevel=9)
        for item in src.infolist():
            out.writestr(item.filename, sheet if item.filename == "xl/worksheets/sheet1.xml" else src.read(item.filename))
        out.close()
        if sys.argv[3] == "lie":
            data = bytearray(open(sys.argv[2], "rb").read())
            name = b"xl/worksheets/sheet1.xml"
            for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
                at = data.find(signature)
                while at >= 0:
                    name_offset = 30 if signature == b"PK\x03\x04" else 46
                    length = struct.unpack("<H", data[at + (26 if signature == b"PK\x03\x04" else 28):][:2])[0]
                    if data[at + name_offset:at + name_offset + length] == name:
                        data[at + size_offset:at + size_offset + 4] = struct.pack("<I", 1000)
                    at = data.find(signature, at + 4)
            open(sys.argv[2], "wb").write(bytes(data))
        """#
        let source = temporaryFile("source.xlsx"), bomb = temporaryFile("bomb.xlsx")
        defer { try? FileManager.default.removeItem(at: source); try? FileManager.default.removeItem(at: bomb) }
        try Data(try openpyxlWorkbook()).write(to: source)
        for mode in ["honest", "lie"] {
            _ = try runPython(script, [source.path, bomb.path, mode])
            let bytes = Array(try Data(contentsOf: bomb))
            XCTAssertLessThan(bytes.count, 200_000)
            guard case .compressionRatio(let part, let ratio, let limit)? = failure(bytes) else {
                return XCTFail("\(mode): a zip bomb was inflated: \(String(describing: failure(bytes)))")
            }
            XCTAssertEqual(part, "xl/worksheets/sheet1.xml", mode)
            XCTAssertGreaterThan(ratio, limit, mode)
        }
    }

    func testHugeWorkbooksAreRefused() throws {
        let good = try openpyxlWorkbook()
        XCTAssertEqual(failure(good, limits: .init(maxFileBytes: 1000)), .fileTooLarge(bytes: good.count, limit: 1000))
        var limits = WorkbookReader.Limits()
        limits.maxRows = 2
        let tooMany = try XCTUnwrap(failure(good, limits: limits))
        XCTAssertEqual(tooMany.location?.sheet, "indicators")
        XCTAssertEqual(tooMany.location?.cell, CellReference("A3"))
        limits = WorkbookReader.Limits()
        limits.maxCells = 5
        XCTAssertEqual(failure(good, limits: limits)?.location?.cell, CellReference("F1"), "the sixth cell")
    }

    func testExcelDatesAndEscapes() {
        XCTAssertEqual(ExcelDate.iso(serial: 45382, date1904: false), "2024-03-31")
        XCTAssertEqual(ExcelDate.iso(serial: 1, date1904: false), "1900-01-01")
        XCTAssertEqual(ExcelDate.iso(serial: 59, date1904: false), "1900-02-28")
        XCTAssertNil(ExcelDate.iso(serial: 60, date1904: false))
        XCTAssertEqual(ExcelDate.iso(serial: 61, date1904: false), "1900-03-01")
        XCTAssertEqual(ExcelDate.iso(serial: 0, date1904: true), "1904-01-01")
        XCTAssertEqual(ExcelDate.iso(serial: 45382.75, date1904: false), "2024-03-31T18:00:00")
        XCTAssertTrue(DateFormats.isDateCode("yyyy-mm-dd"))
        XCTAssertTrue(DateFormats.isDateCode("[$-409]d-mmm-yy;@"))
        XCTAssertFalse(DateFormats.isDateCode("[Red]0.00"))
        XCTAssertFalse(DateFormats.isDateCode("\"days\" 0"))
        XCTAssertFalse(DateFormats.isDateCode("General"))
        XCTAssertEqual(ExcelEscapes.decode("a_x0009_b_x005F_x0041_"), "a\tb_x0041_")
    }

    /// The workbook with text replaced in some of its parts (each replacement must apply).
    func edited(_ bytes: [UInt8], replacing: [String: (String, String)]) throws -> [UInt8] {
        let script = #"""
        import json, sys, zipfile
        edits = json.loads(sys.argv[3])
        src = zipfile.ZipFile(sys.argv[1])
        out = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
        for item in src.infolist():
            data = src.read(item.filename).decode("utf-8")
            if item.filename in edits:
                old, new = edits[item.filename]
                assert old in data, (item.filename, old)
                data = data.replace(old, new)
            out.writestr(item, data)
        out.close()
        """#
        let source = temporaryFile("in.xlsx"), result = temporaryFile("out.xlsx")
        defer { try? FileManager.default.removeItem(at: source); try? FileManager.default.removeItem(at: result) }
        try Data(bytes).write(to: source)
        let edits = String(decoding: try JSONSerialization.data(withJSONObject: replacing.mapValues { [$0.0, $0.1] }), as: UTF8.self)
        _ = try runPython(script, [source.path, result.path, edits])
        return Array(try Data(contentsOf: result))
    }
}
