import FolioLayout
import FolioModel
import FolioRender
import XCTest

/// A render whose cancellation is raised stops at its next check, whatever it is drawing.
final class CancellationTests: XCTestCase {
    func testRaisedCancellationStopsChartsBriefingsAndCountryBriefings() throws {
        let renderer = try Renderer()
        let report = try TestSupport.loadSample()
        let cancellation = Cancellation()
        renderer.cancellation = cancellation
        XCTAssertNoThrow(try renderer.chart(.targets, outcome: report.outcomes[0], report: report,
                                            options: ChartOptions(format: .svg)))
        cancellation.cancel()
        XCTAssertThrowsError(try renderer.chart(.targets, outcome: report.outcomes[0], report: report)) {
            XCTAssertEqual($0 as? LayoutStop, .cancelled)
        }
        XCTAssertThrowsError(try renderer.briefing(report)) { XCTAssertEqual($0 as? LayoutStop, .cancelled) }
        XCTAssertThrowsError(try renderer.countryBriefing("Chad", report: report)) {
            XCTAssertEqual($0 as? LayoutStop, .cancelled)
        }
        renderer.cancellation = nil
        XCTAssertNoThrow(try renderer.chart(.targets, outcome: report.outcomes[0], report: report,
                                            options: ChartOptions(format: .svg)))
    }

    /// Over the page limit, the briefing stops one page past it: the error counts the pages laid out.
    func testPageLimitStopsAtTheLimit() throws {
        let report = SyntheticReport.make(outcomes: 40)
        XCTAssertThrowsError(try TestSupport.renderer.briefing(report, maxPages: 5)) { error in
            XCTAssertEqual(error as? RenderError, .tooManyPages(count: 6, limit: 5))
        }
    }
}
