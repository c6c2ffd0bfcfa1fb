import FolioConcurrency
import FolioLayout
import FolioModel
import Synchronization
import XCTest

/// Parts of a briefing laid out on several threads, and a long body laid out again as it is drawn
/// (with a thread setting parts ahead), give exactly the pages of one thread holding everything.
final class ParallelLayoutTests: XCTestCase {
    /// A fixed-advance measurer that notes the parts it is told about and any use by two threads at once.
    final class WatchedMeasurer: TextMeasurer, @unchecked Sendable {
        let inner = FixedAdvanceMeasurer()
        private let inUse = Atomic<Int>(0)
        private let overlaps = Atomic<Int>(0)
        private let events = Guarded<[String]>([])

        var overlapCount: Int { overlaps.load(ordering: .relaxed) }
        var log: [String] { events.withLock { $0 } }

        private func using<T>(_ body: () -> T) -> T {
            if inUse.add(1, ordering: .acquiring).newValue > 1 { overlaps.add(1, ordering: .relaxed) }
            defer { inUse.subtract(1, ordering: .releasing) }
            return body()
        }

        func width(of text: String, font: FontSpec) -> Double { using { inner.width(of: text, font: font) } }
        func lines(of text: String, font: FontSpec, width: Double) -> [String] {
            using { inner.lines(of: text, font: font, width: width) }
        }
        func metrics(of font: FontSpec) -> FontMetrics { using { inner.metrics(of: font) } }
        func beginPart(_ part: Int) { events.withLock { $0.append("begin \(part)") } }
        func endPart(_ part: Int) { events.withLock { $0.append("end \(part)") } }
    }

    let report = SyntheticReport.make(outcomes: 12)

    func layout(measurers: Int, retainedPages: Int = .max) -> (BriefingLayout, [WatchedMeasurer]) {
        let watched = (0..<measurers).map { _ in WatchedMeasurer() }
        var layout = BriefingLayout(style: .standard, measurer: watched[0])
        layout.otherMeasurers = Array(watched.dropFirst())
        layout.retainedPages = retainedPages
        return (layout, watched)
    }

    func testThreadsAndLayingOutAgainGiveTheSamePages() throws {
        let one = try BriefingLayout(style: .standard, measurer: FixedAdvanceMeasurer()).document(for: report)
        XCTAssertGreaterThan(one.pages.count, 40)
        for (measurers, retained) in [(3, Int.max), (1, 5), (2, 5), (2, 0)] {
            let (layout, watched) = layout(measurers: measurers, retainedPages: retained)
            let document = try layout.document(for: report)
            XCTAssertEqual(document, one, "\(measurers) measurers, \(retained) pages kept")
            for measurer in watched { XCTAssertEqual(measurer.overlapCount, 0, "a measurer was used by two threads at once") }
        }
    }

    /// Every part is set by some measurer; in a long body each part's measurer hears it is drawn,
    /// so the shaped text it keeps goes part by part; in a short one nothing is let go before the end.
    func testMeasurersHearWhenPartsAreDone() throws {
        let parts = report.outcomes.count + 1
        let (short, shortMeasurers) = layout(measurers: 2)
        _ = try short.document(for: report)
        let shortLog = shortMeasurers.flatMap(\.log)
        XCTAssertEqual(Set(shortLog.filter { $0.hasPrefix("begin") && $0 != "begin -1" }).count, parts)
        XCTAssertFalse(shortLog.contains { $0.hasPrefix("end") }, "a short body's shaped text is kept to the end")

        // A body sure to be long (more outcomes than kept pages) is only ever laid out to be counted.
        let (long, longMeasurers) = layout(measurers: 2, retainedPages: 5)
        _ = try long.document(for: report)
        let longLog = longMeasurers.flatMap(\.log)
        XCTAssertEqual(Set(longLog.filter { $0.hasPrefix("begin") }), ["begin \(DocumentPart.countedOnly)"])
        XCTAssertEqual(longLog.filter { $0 == "begin \(DocumentPart.countedOnly)" }.count, 2 * parts + 1, "counted, drawn, front")

        // A body found long only once laid out lets go of what it kept for its parts.
        let (late, lateMeasurers) = layout(measurers: 2, retainedPages: 20)
        _ = try late.document(for: report)
        let ended = lateMeasurers.flatMap(\.log).filter { $0.hasPrefix("end") }
        for part in 0..<parts { XCTAssertEqual(ended.filter { $0 == "end \(part)" }.count, 1, "part \(part): \(ended)") }
    }

    func testALimitStopsEveryThread() throws {
        let (layout, _) = layout(measurers: 3)
        let budget = LayoutBudget(maximumPages: 10)
        XCTAssertThrowsError(try layout.document(for: report, budget: budget)) {
            XCTAssertEqual($0 as? LayoutStop, .tooManyPages(limit: 10))
        }
        XCTAssertLessThan(budget.pages, 20, "threads went on after the limit")
    }

    func testCancellationStopsTheThreadSettingPartsAhead() throws {
        let (layout, _) = layout(measurers: 2, retainedPages: 0)
        let cancellation = Cancellation()
        let pages = try layout.pages(for: report, budget: LayoutBudget(cancellation: cancellation))
        _ = try pages.next()
        cancellation.cancel()
        XCTAssertThrowsError(try { while try pages.next() != nil {} }()) { XCTAssertEqual($0 as? LayoutStop, .cancelled) }
        pages.finish()
    }
}
