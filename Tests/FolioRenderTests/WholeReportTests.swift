import FolioLanguage
import FolioFiles
import FolioModel
import FolioRender
import Foundation
import XCTest

/// A several-outcome report as readers' tools see it: bookmarks, contents links, page labels, tags.
final class WholeReportTests: XCTestCase {
    var folder: URL!
    var pdf: URL!
    var report: Report!

    override func setUpWithError() throws {
        folder = try TestSupport.temporaryFolder()
        pdf = folder.appendingPathComponent("whole.pdf")
        report = SyntheticReport.make(outcomes: 4, indicatorsPerOutcome: 3, countries: 40)
        let bytes = try TestSupport.renderer.briefing(report, options: PDFOptions(date: Date(timeIntervalSince1970: 1_456_790_400)))
        try AtomicFile.write(bytes, to: pdf)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func qpdfJSON() throws -> [String: Any] {
        let run = try TestSupport.run("qpdf", ["--json=2", pdf.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func pageText(_ page: Int) throws -> String {
        let run = try TestSupport.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-raw", pdf.path, "-"])
        return run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func testBookmarksPointAtTheirOutcomes() throws {
        let json = try qpdfJSON()
        let outlines = try XCTUnwrap(json["outlines"] as? [[String: Any]])
        XCTAssertEqual(outlines.count, 1, "one root: the report")
        XCTAssertEqual(outlines[0]["destpageposfrom1"] as? Int, 1, "the report bookmark opens the cover")
        let kids = try XCTUnwrap(outlines[0]["kids"] as? [[String: Any]])
        XCTAssertEqual(kids.map { $0["title"] as? String }, ["Summary"] + report.outcomes.map { Edition.english.heading($0) })
        for (outcome, kid) in zip(report.outcomes, kids.dropFirst()) {
            let page = try XCTUnwrap(kid["destpageposfrom1"] as? Int)
            XCTAssertTrue(try pageText(page).contains("Outcome \(outcome.id):"), "bookmark of outcome \(outcome.id) → page \(page)")
            let sections = try XCTUnwrap(kid["kids"] as? [[String: Any]]).compactMap { $0["title"] as? String }
            XCTAssertEqual(sections.first, "Indicators, targets and results")
            XCTAssertEqual(sections.last, "Significant outputs")
        }
    }

    func testContentsEntriesLinkToTheRightPages() throws {
        let json = try qpdfJSON()
        let objects = try XCTUnwrap((json["qpdf"] as? [Any])?[1] as? [String: Any])
        func value(_ reference: String) -> [String: Any]? { (objects["obj:" + reference] as? [String: Any])?["value"] as? [String: Any] }
        let pages = try XCTUnwrap(json["pages"] as? [[String: Any]])
        let pageIndex = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($0.element["object"] as! String, $0.offset + 1) })
        let trailer = try XCTUnwrap((objects["trailer"] as? [String: Any])?["value"] as? [String: Any])
        let catalog = try XCTUnwrap(value(trailer["/Root"] as! String))
        let names = try XCTUnwrap(value(catalog["/Names"] as! String))
        let destsArray = try XCTUnwrap(value(names["/Dests"] as! String)?["/Names"] as? [Any])
        var destinations: [String: Int] = [:]
        for index in stride(from: 0, to: destsArray.count, by: 2) {
            let name = String((destsArray[index] as! String).dropFirst(2))
            destinations[name] = pageIndex[(destsArray[index + 1] as! [Any])[0] as! String]
        }
        let contents = try XCTUnwrap(value(pages[1]["object"] as! String))
        let annotations = try XCTUnwrap(contents["/Annots"] as? [String])
        XCTAssertGreaterThan(annotations.count, report.outcomes.count)
        var checked = 0
        for annotation in annotations {
            let link = try XCTUnwrap(value(annotation))
            XCTAssertEqual(link["/Subtype"] as? String, "/Link")
            let name = String(try XCTUnwrap(link["/Dest"] as? String).dropFirst(2))
            let target = try XCTUnwrap(destinations[name], "link to \(name) has no destination")
            if name.hasPrefix("outcome-"), !name.dropFirst(8).contains("-") {
                let number = Int(name.dropFirst(8))!
                XCTAssertTrue(try pageText(target).contains(Edition.english.heading(report.outcomes[number - 1]).prefix(20)), name)
                checked += 1
            }
        }
        XCTAssertEqual(checked, min(report.outcomes.count, annotations.count - 4), "links of the outcomes on the first contents page")
    }

    func testPageLabelsAreRomanThenArabic() throws {
        let json = try qpdfJSON()
        let labels = try XCTUnwrap(json["pagelabels"] as? [[String: Any]])
        let prefixes = labels.compactMap { ($0["label"] as? [String: Any])?["/P"] as? String }
        XCTAssertEqual(prefixes.first, "u:i")
        XCTAssertTrue(prefixes.contains("u:ii"))
        let body = try XCTUnwrap(labels.last?["label"] as? [String: Any])
        XCTAssertEqual(body["/S"] as? String, "/D", "body pages numbered 1, 2, …")
        XCTAssertTrue(try pageText(try XCTUnwrap(labels.last?["index"] as? Int) + 1).contains("Summary"))
    }

    func testStructureTreeLanguageAndFigures() throws {
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        XCTAssertEqual(check.status, 0, check.stdout)
        let structure = try TestSupport.run("pdfinfo", ["-struct", pdf.path])
        XCTAssertFalse(structure.stderr.contains("Warning"), structure.stderr)
        let lines = structure.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "Document")
        XCTAssertEqual(lines.filter { $0.trimmingCharacters(in: .whitespaces) == "Figure" }.count,
                       report.outcomes.count * 2 + 1, "two charts per outcome and the overview")
        XCTAssertTrue(lines.contains { $0.contains("TH") } && lines.contains { $0.contains("TD") })
        let json = try qpdfJSON()
        let text = String(data: try JSONSerialization.data(withJSONObject: json), encoding: .utf8)!
        XCTAssertTrue(text.contains("\"\\/Lang\":\"u:en\""), "catalog /Lang")
        XCTAssertTrue(text.contains("Bar chart of targets and results for Outcome 1: indicator 1.1"), "figure /Alt")
        XCTAssertEqual(try TestSupport.pdfInfo(pdf)["Tagged"], "yes")
    }

    func testReproducibleBytesAndFingerprint() throws {
        let options = PDFOptions(date: Date(timeIntervalSince1970: 1_456_790_400))
        let context = BriefingLayout.Context(dataDate: options.date, dataFingerprint: "abc123")
        let first = try TestSupport.renderer.briefing(report, options: options, context: context)
        let second = try Renderer().briefing(report, options: options, context: context)
        XCTAssertEqual(first, second)
        let file = folder.appendingPathComponent("fp.pdf")
        try AtomicFile.write(first, to: file)
        let info = try TestSupport.pdfInfo(file)
        XCTAssertEqual(info["Keywords"], "Outcome 1, Outcome 2, Outcome 3, Outcome 4; data SHA-256 abc123")
        XCTAssertEqual(info["Subject"], "2014–15")
    }

    func testPageLimitIsEnforcedBeforeDrawing() {
        XCTAssertThrowsError(try TestSupport.renderer.briefing(report, maxPages: 3)) { error in
            guard case RenderError.tooManyPages(let count, 3) = error else { return XCTFail("\(error)") }
            XCTAssertGreaterThan(count, 3)
        }
    }
}

import FolioLayout
