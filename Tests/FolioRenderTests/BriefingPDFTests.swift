import FolioFiles
import FolioModel
import FolioRender
import Foundation
import XCTest

/// The sample briefing as a reader's tools see it: poppler and qpdf.
final class BriefingPDFTests: XCTestCase {
    var folder: URL!
    var pdf: URL!
    var report: Report!

    override func setUpWithError() throws {
        folder = try TestSupport.temporaryFolder()
        pdf = folder.appendingPathComponent("outcome4.pdf")
        report = try TestSupport.loadSample()
        let bytes = try TestSupport.renderer.briefing(report, options: PDFOptions(date: Date(timeIntervalSince1970: 1_456_790_400)))
        try AtomicFile.write(bytes, to: pdf)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testEveryCountryIndicatorAndResultIsSearchable() throws {
        let text = try TestSupport.pdfText(pdf)
        var names = Set<String>()
        for indicator in report.outcomes[0].indicators {
            XCTAssertTrue(text.contains("Indicator \(indicator.id)"), "indicator \(indicator.id)")
            for entries in indicator.countries.values { entries.forEach { names.insert($0.name) } }
        }
        XCTAssertGreaterThan(names.count, 35)
        for name in names.sorted() {
            XCTAssertTrue(text.contains(name), "\(name) not found in the PDF text")
        }
        XCTAssertTrue(text.contains("24 member States and 1 territory"))
        XCTAssertTrue(text.contains("16 member States and 1 territory"))
        XCTAssertTrue(text.contains("11 member States"))
        XCTAssertTrue(text.contains("Page 1 of "))
    }

    func testFontsAreEmbeddedAndSubset() throws {
        let run = try TestSupport.run("pdffonts", [pdf.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = run.stdout.split(separator: "\n").dropFirst(2)
        XCTAssertGreaterThanOrEqual(rows.count, 2, "regular and bold at least")
        for row in rows {
            let columns = row.split(separator: " ")
            // name type encoding emb sub uni object ID: "yes yes yes" before the object number.
            XCTAssertTrue(row.contains("NotoSans"), "unexpected font: \(row)")
            XCTAssertEqual(columns[columns.count - 5], "yes", "not embedded: \(row)")
            XCTAssertEqual(columns[columns.count - 4], "yes", "not subset: \(row)")
        }
    }

    func testQpdfFindsNoFaultAndTitleIsSet() throws {
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let info = try TestSupport.pdfInfo(pdf)
        XCTAssertEqual(info["Title"], "ILO programme implementation 2014–15: Outcome 4: Social security")
        XCTAssertEqual(info["Author"], "International Labour Office")
        XCTAssertEqual(info["Page size"], "595.276 x 841.89 pts (A4)")
        XCTAssertEqual(info["CreationDate"], "2016-03-01T00:00:00Z")
        XCTAssertEqual(info["ModDate"], "2016-03-01T00:00:00Z")
    }

    func testSameInputGivesIdenticalBytes() throws {
        let options = PDFOptions(date: Date(timeIntervalSince1970: 1_456_790_400))
        let first = try TestSupport.renderer.briefing(report, options: options)
        let second = try Renderer().briefing(report, options: options)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first, try Array(Data(contentsOf: pdf)))
    }

    func testNoTextLeavesThePage() throws {
        // pdftotext -bbox gives every word's box; all must lie on the A4 page.
        let run = try TestSupport.run("pdftotext", ["-bbox", pdf.path, "-"])
        var words = 0
        for line in run.stdout.split(separator: "\n") where line.contains("<word ") {
            words += 1
            func value(_ key: String) -> Double {
                let part = line.components(separatedBy: key + "=\"")[1]
                return Double(part.prefix { $0 != "\"" })!
            }
            XCTAssertGreaterThanOrEqual(value("xMin"), 0)
            XCTAssertGreaterThanOrEqual(value("yMin"), 0)
            XCTAssertLessThanOrEqual(value("xMax"), 595.3, String(line))
            XCTAssertLessThanOrEqual(value("yMax"), 841.9, String(line))
        }
        XCTAssertGreaterThan(words, 2000)
    }

    func testUserTextIsNeverMarkupAndMissingGlyphsFallBack() throws {
        var report = try XCTUnwrap(report)
        report.outcomes[0].indicators[0].countries["Africa"] = [CountryEntry(name: "<b>X</b> & Y"), CountryEntry(name: "中国")]
        let file = folder.appendingPathComponent("markup.pdf")
        try AtomicFile.write(try TestSupport.renderer.briefing(report), to: file)
        let text = try TestSupport.pdfText(file)
        XCTAssertTrue(text.contains("<b>X</b> & Y"), "markup must print literally")
        XCTAssertTrue(text.contains("中国"), "Chinese text must be kept")
        // The bundle has no Chinese glyphs: a system fallback font must be embedded for them.
        let fonts = try TestSupport.run("pdffonts", [file.path]).stdout
        XCTAssertTrue(fonts.split(separator: "\n").dropFirst(2).contains { !$0.contains("NotoSans-") && !$0.contains("NotoSans ") },
                      "expected a fallback font for 中国:\n\(fonts)")
    }
}
