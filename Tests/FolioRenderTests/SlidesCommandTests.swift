import Foundation
import XCTest

/// `folio slides` as a user runs it: native charts by default, pictures on request, an
/// organisation's template, and templates it refuses before writing anything.
final class SlidesCommandTests: FolioCommandTestCase {
    static let chartScript = TestSupport.packageRoot.appendingPathComponent("Scripts/check-charts.py")
    static let templateMaker = TestSupport.packageRoot.appendingPathComponent("Tests/FolioSlidesTests/Fixtures/make-template.py")

    func charts(_ deck: String) throws -> [String: Any] {
        let read = try TestSupport.run("python3", [Self.chartScript.path, folder.appendingPathComponent(deck).path])
        XCTAssertEqual(read.status, 0, "python-pptx reads the deck: \(read.stderr)")
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: Any])
    }

    func slides(_ read: [String: Any]) -> [[String: Any]] { read["slides"] as? [[String: Any]] ?? [] }

    func testNativeChartsByDefaultWithTheReportsNumbers() throws {
        let run = try folio(["slides", TestSupport.sample.path, "-o", "deck.pptx"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let read = try charts("deck.pptx")
        let charts = slides(read).dropFirst().compactMap { ($0["charts"] as? [[String: Any]])?.first }
        XCTAssertEqual(charts.compactMap { $0["type"] as? String }, ["COLUMN_CLUSTERED", "BAR_STACKED", "BAR_STACKED"])
        XCTAssertFalse(charts.contains { ($0["workbook"] as? Bool) != true }, "every embedded workbook holds the chart's numbers")
        let report = try TestSupport.loadSample()
        let indicators = report.outcomes[0].indicators
        let targets = try XCTUnwrap(charts.first?["series"] as? [[String: Any]])
        XCTAssertEqual(targets.first?["values"] as? [Double], indicators.map { Double($0.target) })
        XCTAssertEqual(targets[1]["values"] as? [Double], indicators.map { Double($0.achieved) })
        XCTAssertFalse(try TestSupport.run("unzip", ["-l", folder.appendingPathComponent("deck.pptx").path]).stdout.contains("ppt/media/"))
    }

    func testPicturesOnRequest() throws {
        let run = try folio(["slides", TestSupport.sample.path, "--charts", "picture", "-o", "pictures.pptx"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let list = try TestSupport.run("unzip", ["-l", folder.appendingPathComponent("pictures.pptx").path]).stdout
        XCTAssertTrue(list.contains("ppt/media/image1.png"))
        XCTAssertFalse(list.contains("ppt/charts/"))
        let bad = try folio(["slides", TestSupport.sample.path, "--charts", "svg", "-o", "x.pptx"])
        XCTAssertNotEqual(bad.status, 0)
    }

    func testOnTheOrganisationsTemplateInArabic() throws {
        let template = folder.appendingPathComponent("org.potx")
        let made = try TestSupport.run("python3", [Self.templateMaker.path, template.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let run = try folio(["slides", TestSupport.sample.path, "--language", "ar", "--template", template.path, "-o", "ar.pptx"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let read = try charts("ar.pptx")
        XCTAssertEqual(read["size"] as? [Int], [9_144_000, 6_858_000])
        let layouts = slides(read).compactMap { $0["layout"] as? String }
        XCTAssertEqual(layouts.first, "Diapositive de titre")
        XCTAssertEqual(Set(layouts.dropFirst()), ["Titre et contenu"])
        let chart = try TestSupport.run("unzip", ["-p", folder.appendingPathComponent("ar.pptx").path, "ppt/charts/folio-chart1.xml"]).stdout
        XCTAssertTrue(chart.contains("<a:pPr rtl=\"1\">"), "Arabic chart text reads right to left")
        XCTAssertTrue(chart.contains("<c:orientation val=\"maxMin\"/>"), "the category axis runs from the right")
    }

    func testAnUnusableTemplateIsNamedAndNothingIsWritten() throws {
        let broken = folder.appendingPathComponent("broken.potx")
        try "not a deck".write(to: broken, atomically: true, encoding: .utf8)
        let run = try folio(["slides", TestSupport.sample.path, "--template", broken.path, "-o", "out.pptx"])
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(run.stderr.contains("broken.potx: not a usable PowerPoint deck or template: not a ZIP package"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.pptx").path))
        let missing = try folio(["slides", TestSupport.sample.path, "--template", "nowhere.potx", "-o", "out.pptx"])
        XCTAssertEqual(missing.status, 66, missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.pptx").path))
    }

    func testAStyleSheetNamesTheTemplate() throws {
        let template = folder.appendingPathComponent("brand/org.pptx")
        try FileManager.default.createDirectory(at: template.deletingLastPathComponent(), withIntermediateDirectories: true)
        XCTAssertEqual(try TestSupport.run("python3", [Self.templateMaker.path, template.path]).status, 0)
        try "extends: slides\ntemplate: org.pptx\n".write(to: folder.appendingPathComponent("brand/brand.yaml"), atomically: true, encoding: .utf8)
        let run = try folio(["slides", TestSupport.sample.path, "--style", folder.appendingPathComponent("brand/brand.yaml").path,
                             "-o", "branded.pptx"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(slides(try charts("branded.pptx")).first?["layout"] as? String, "Diapositive de titre")
    }
}
