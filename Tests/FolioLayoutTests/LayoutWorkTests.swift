import FolioLayout
import FolioModel
import XCTest

/// Layout work grows in step with the input (counted, never timed), and limits stop a layout as
/// it goes instead of after it.
final class LayoutWorkTests: XCTestCase {
    /// A fixed-advance measurer that counts its calls.
    final class CountingMeasurer: TextMeasurer, @unchecked Sendable {
        let inner = FixedAdvanceMeasurer()
        var calls = 0
        func width(of text: String, font: FontSpec) -> Double { calls += 1; return inner.width(of: text, font: font) }
        func lines(of text: String, font: FontSpec, width: Double) -> [String] {
            calls += 1
            return inner.lines(of: text, font: font, width: width)
        }
        func metrics(of font: FontSpec) -> FontMetrics { inner.metrics(of: font) }
    }

    struct Work { var examined: Int; var splits: Int; var pages: Int; var measured: Int }

    /// A briefing whose one indicator lists `countries` countries in one region: one table cell that
    /// runs over many pages.
    func layOut(countries: Int) throws -> Work {
        let indicator = Fixtures.indicator("4.1", target: 10, result: countries, perRegion: ["Africa": countries])
        let report = Report(title: "Long list", outcomes: [Outcome(id: "4", title: "One long list", indicators: [indicator])])
        let measurer = CountingMeasurer()
        let counter = BreakingWork.Counter()
        let budget = LayoutBudget()
        let document = try BreakingWork.$counter.withValue(counter) {
            try BriefingLayout(style: .standard, measurer: measurer).document(for: report, budget: budget)
        }
        XCTAssertEqual(document.pages.count, budget.pages)
        return Work(examined: counter.lines, splits: budget.splits, pages: budget.pages, measured: measurer.calls)
    }

    /// Doubling the countries of one indicator at most doubles the work of breaking its cell over
    /// pages (plus a constant), where it used to grow with the cube.
    func testBreakingALongCellGrowsLinearly() throws {
        let small = try layOut(countries: 600)
        let large = try layOut(countries: 1200)
        XCTAssertGreaterThan(large.pages, small.pages)
        XCTAssertGreaterThan(small.splits, 3, "the cell runs over several pages")
        XCTAssertLessThanOrEqual(large.examined, 2 * small.examined + 2_000, "lines examined: \(small.examined) → \(large.examined)")
        XCTAssertLessThanOrEqual(large.splits, 2 * small.splits + 2)
        XCTAssertLessThanOrEqual(large.measured, 2 * small.measured + 200)
    }

    /// A long table of short rows: the same.
    func testBreakingALongTableGrowsLinearly() throws {
        func work(rows: Int) throws -> Int {
            var stack = LineStack()
            stack.append("x", font: FontSpec(family: "Test", size: 10), color: .black, x: 0, leading: 10,
                         metrics: FontMetrics(ascent: 8, descent: 2))
            let look = TableBlock.Look(padding: Insets(top: 2, left: 2, bottom: 2, right: 2), headerFill: .white,
                                       ruleColor: .black, ruleWidth: 1, captionFont: FontSpec(family: "Test", size: 8),
                                       captionColor: .black)
            let table = TableBlock(columnWidths: [100], header: TableBlock.Row(cells: [stack]),
                                   rows: Array(repeating: TableBlock.Row(cells: [stack]), count: rows), look: look,
                                   rowBreaking: .keepRowsWhole, continuationCaption: "(continued)", spaceBefore: 0,
                                   pageBodyHeight: 140, measurer: FixedAdvanceMeasurer())
            let counter = BreakingWork.Counter()
            let pages = try BreakingWork.$counter.withValue(counter) { try Paginator(bodyHeight: 140).paginate([table]) }
            XCTAssertGreaterThan(pages.count, rows / 10)
            return counter.lines
        }
        let small = try work(rows: 900)
        let large = try work(rows: 1800)
        XCTAssertLessThanOrEqual(large, 2 * small + 100, "\(small) → \(large)")
    }

    /// Over the page limit, the layout stops as the limit is passed: one page past it, and only a
    /// small part of the text of the whole report was set.
    func testPageLimitStopsTheLayoutAsItGoes() throws {
        let report = SyntheticReport.make(outcomes: 60)
        let whole = LayoutBudget()
        _ = try BriefingLayout(style: .standard, measurer: FixedAdvanceMeasurer()).document(for: report, budget: whole)
        XCTAssertGreaterThan(whole.pages, 100)

        let limited = LayoutBudget(maximumPages: 10)
        XCTAssertThrowsError(try BriefingLayout(style: .standard, measurer: FixedAdvanceMeasurer()).document(for: report, budget: limited)) {
            XCTAssertEqual($0 as? LayoutStop, .tooManyPages(limit: 10))
        }
        XCTAssertEqual(limited.pages, 11)
        XCTAssertLessThan(limited.lines, whole.lines / 4, "text set before stopping: \(limited.lines) of \(whole.lines)")
    }

    /// Content that expands far beyond its source (aliases repeating a country list) is refused by
    /// its line count before its table is built.
    func testExpandedContentIsRefusedByItsLineCount() throws {
        let indicator = Fixtures.indicator("1.1", target: 1, result: 1, perRegion: ["Africa": 1_000])
        let report = Report(title: "Expanded", outcomes: (1...20).map {
            Outcome(id: "\($0)", title: "Outcome \($0)", indicators: [indicator])
        })
        let whole = CountingMeasurer()
        _ = try BriefingLayout(style: .standard, measurer: whole).document(for: report, budget: LayoutBudget())
        let measurer = CountingMeasurer()
        let budget = LayoutBudget(maximumLines: 2_500)
        XCTAssertThrowsError(try BriefingLayout(style: .standard, measurer: measurer).document(for: report, budget: budget)) {
            XCTAssertEqual($0 as? LayoutStop, .tooMuchText(limit: 2_500))
        }
        XCTAssertLessThan(measurer.calls, whole.calls / 4, "stopped before setting the rest")
    }

    func testCancelledLayoutStops() throws {
        let budget = LayoutBudget()
        budget.cancellation.cancel()
        XCTAssertThrowsError(try BriefingLayout(style: .standard, measurer: FixedAdvanceMeasurer()).document(for: Fixtures.report, budget: budget)) {
            XCTAssertEqual($0 as? LayoutStop, .cancelled)
        }
    }
}
