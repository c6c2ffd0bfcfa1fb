import FolioModel
import FolioRender
import Foundation
import XCTest

/// `folio chart --kind progress` as a user runs it, the files read back with poppler.
final class ProgressChartCommandTests: FolioCommandTestCase {
    func testAOnePeriodOutcomeStillDrawsItsProgressChart() throws {
        let sample = TestSupport.sample.path
        let png = try folio(["chart", sample, "--kind", "progress", "--width", "800", "--height", "450", "-o", "p.png"])
        XCTAssertEqual(png.status, 0, png.stderr)
        let info = try TestSupport.run("file", [folder.appendingPathComponent("p.png").path]).stdout
        XCTAssertTrue(info.contains("800 x 450"), info)
        let pdf = try folio(["chart", sample, "--kind", "progress", "-o", "p.pdf"])
        XCTAssertEqual(pdf.status, 0, pdf.stderr)
        let text = try TestSupport.run("pdftotext", ["-raw", folder.appendingPathComponent("p.pdf").path, "-"]).stdout
        for expected in ["Results and targets over time", "Indicator 4.1", "Indicator 4.3", "2014–15"] {
            XCTAssertTrue(text.contains(expected), "\(expected) in \(text)")
        }
        let arabic = try folio(["chart", sample, "--kind", "progress", "--language", "ar", "-o", "p-ar.svg"])
        XCTAssertEqual(arabic.status, 0, arabic.stderr)
    }

    /// Two indicators over three biennia, made up for the test.
    static let threeBiennia = """
        title: Programme results (made-up data)
        organization: Folio
        period: "2022–23"
        outcomes:
          - id: "1"
            title: Better statistics
            indicators:
              - id: "1.1"
                description: Number of member States with a labour force survey
                baseline: {year: 2017, value: 4}
                periods:
                  - {period: "2018–19", target: 10, result: 5}
                  - {period: "2020–21", target: 10, result: 8}
                  - {period: "2022–23", target: 10, result: 12}
              - id: "1.2"
                description: Number of member States publishing wage statistics
                periods:
                  - {period: "2018–19", target: 8, result: 9}
                  - {period: "2020–21", target: 10, result: 9}
                  - {period: "2022–23", target: 12, result: 7}
          - id: "2"
            title: One period only
            indicators:
              - {id: "2.1", description: Number of member States with a plan, target: 5, result: 6}

        """

    func testChartsOfAReportOverTimeAddTheProgressChartWhereThereIsHistory() throws {
        let data = folder.appendingPathComponent("over-time.yaml")
        try Self.threeBiennia.write(to: data, atomically: true, encoding: .utf8)
        let pdf = try folio(["chart", data.path, "--kind", "progress", "-o", "p.pdf"])
        XCTAssertEqual(pdf.status, 0, pdf.stderr)
        let text = try TestSupport.run("pdftotext", ["-raw", folder.appendingPathComponent("p.pdf").path, "-"]).stdout
        for expected in ["Results and targets over time", "Indicator 1.1", "Baseline 2017: 4", "2018–19", "2022–23", "12"] {
            XCTAssertTrue(text.contains(expected), "\(expected) in \(text)")
        }
        let charts = try folio(["charts", data.path, "--formats", "svg", "-o", "set"])
        XCTAssertEqual(charts.status, 0, charts.stderr)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("set/charts.json")))
        let listed = try XCTUnwrap((manifest as? [String: Any])?["charts"] as? [[String: Any]])
        let progress = listed.filter { $0["kind"] as? String == "progress" }
        XCTAssertEqual(progress.compactMap { $0["outcome"] as? String }, ["1"], "outcome 2 has one period and no baseline")
        let alt = try XCTUnwrap(progress.first?["alt"] as? String)
        XCTAssertTrue(alt.contains("indicator 1.1 (baseline 4 in 2017) rose from 5 in 2018–19 to 12 member States in 2022–23, above its target of 10"), alt)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("set/outcome-1-progress.svg").path))
        let deck = try folio(["slides", data.path, "-o", "deck.pptx"])
        XCTAssertEqual(deck.status, 0, deck.stderr)
        let slides = try TestSupport.run("unzip", ["-p", folder.appendingPathComponent("deck.pptx").path, "ppt/slides/slide*.xml"]).stdout
        XCTAssertEqual(slides.components(separatedBy: "<a:t>Outcome 1: results and targets over time</a:t>").count - 1, 1, "one progress slide")
        XCTAssertFalse(slides.contains("Outcome 2: results and targets over time"))
        XCTAssertTrue(slides.contains("Line chart of results over time for Outcome 1"), "the slide's alternative text")
        let briefing = try folio(["render", data.path, "-o", "b.pdf"])
        XCTAssertEqual(briefing.status, 0, briefing.stderr)
        let pages = try TestSupport.run("pdftotext", ["-raw", folder.appendingPathComponent("b.pdf").path, "-"]).stdout
        XCTAssertEqual(pages.components(separatedBy: "Results and targets over time").count - 1, 1, "one progress chart, for outcome 1")
    }
}
