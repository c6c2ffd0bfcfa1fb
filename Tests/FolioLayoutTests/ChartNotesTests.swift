import FolioLanguage
import FolioLayout
import FolioModel
import XCTest

/// Notes and the source under every kind of chart, with footnote markers at the indicators they belong to.
final class ChartNotesTests: XCTestCase {
    let measurer = Fixtures.measurer

    var report: Report {
        var report = Fixtures.report
        report.source = "Labour force surveys"
        report.notes = ["Figures are rounded."]
        report.outcomes[0].notes = ["Outcome caveat."]
        report.outcomes[0].indicators[1].notes = ["Provisional."]
        report.outcomes[0].indicators[0].notes = ["Revised.", "Second note."]
        return report
    }

    func texts(_ frame: Frame) -> [String] {
        frame.items.compactMap { if case .text(let text) = $0 { return text.text } else { return nil } }
    }

    func testEveryChartPrintsItsNotesAndSourceAndMarksTheIndicators() throws {
        let report = self.report
        let outcome = report.outcomes[0]
        let first = outcome.indicators[0].id, second = outcome.indicators[1].id
        for kind in ChartKind.allCases where kind != .map {
            let frame = kind.layout(outcome: outcome, report: report, size: Size(width: 1600, height: 900), style: .standard,
                                    measurer: measurer)
            let lines = texts(frame)
            XCTAssertTrue(lines.contains("Indicator \(first)*"), "\(kind): \(lines)")
            XCTAssertTrue(lines.contains("Indicator \(second)†"), "\(kind): \(lines)")
            for expected in ["* Revised.", "* Second note.", "† Provisional.", "Note: Outcome caveat.", "Note: Figures are rounded.",
                             "Source: Labour force surveys"] {
                XCTAssertTrue(lines.contains(expected), "\(kind) lacks \(expected): \(lines)")
            }
            XCTAssertLessThan(try XCTUnwrap(lines.firstIndex(of: "* Revised.")), try XCTUnwrap(lines.firstIndex(of: "Note: Figures are rounded.")),
                              "indicator notes come first")
            assertLegible(frame)
            let alt = kind.alternativeText(outcome: outcome, report: report, edition: .english)
            XCTAssertTrue(alt.hasSuffix(" * Revised. * Second note. † Provisional. Note: Outcome caveat. Note: Figures are rounded."), alt)
        }
    }

    /// A map has no indicator labels to mark: it prints the outcome's and the report's notes.
    func testTheMapPrintsTheOutcomeAndReportNotes() throws {
        let report = self.report
        let lines = texts(ChartKind.map.layout(outcome: report.outcomes[0], report: report, size: Size(width: 1600, height: 900),
                                               style: .standard, measurer: measurer))
        for expected in ["Note: Outcome caveat.", "Note: Figures are rounded.", "Source: Labour force surveys"] {
            XCTAssertTrue(lines.contains(expected), "map lacks \(expected): \(lines)")
        }
        let alt = ChartKind.map.alternativeText(outcome: report.outcomes[0], report: report)
        XCTAssertTrue(alt.hasSuffix(" Note: Outcome caveat. Note: Figures are rounded."), alt)
    }

    func testOverviewMarksItsRowsAndReportCharts() throws {
        let report = self.report
        let specs = ReportCharts.all(in: report, size: Size(width: 1600, height: 900), style: .standard, measurer: measurer)
        let overview = try XCTUnwrap(specs.first { $0.kind == .overview })
        let lines = texts(overview.layout(report: report, size: Size(width: 1600, height: 900), style: .standard, measurer: measurer))
        XCTAssertTrue(lines.contains(report.outcomes[0].indicators[0].id + "*"), "\(lines)")
        XCTAssertTrue(lines.contains("Note: Figures are rounded."), "\(lines)")
        XCTAssertFalse(lines.contains("Note: Outcome caveat."), "an outcome's notes stay on its own charts")
        XCTAssertTrue(overview.alternativeText.contains("† Provisional."), overview.alternativeText)
    }

    func testChartsWithoutNotesAreUnchanged() {
        let plain = ChartKind.targets.layout(outcome: Fixtures.outcome, report: Fixtures.report, size: Size(width: 800, height: 450),
                                             style: .standard, measurer: measurer)
        XCTAssertFalse(texts(plain).contains { $0.hasSuffix("*") || $0.hasPrefix("Note") })
        XCTAssertEqual(ChartNotes(report: Fixtures.report, outcome: Fixtures.outcome, edition: .english), .none)
    }

    func testMarkersDoubleAfterTheLastSymbol() {
        var report = Fixtures.report
        let outcome = Outcome(id: "9", title: "Many", indicators: (1...8).map {
            var indicator = Indicator(id: "9.\($0)", description: "d", target: 1, result: 1)
            indicator.notes = ["n\($0)"]
            return indicator
        })
        report.outcomes = [outcome]
        let notes = ChartNotes(report: report, outcome: outcome, edition: .english)
        XCTAssertEqual((1...8).map { notes.markers["9.\($0)"] }, ["*", "†", "‡", "§", "‖", "¶", "**", "††"])
    }
}
