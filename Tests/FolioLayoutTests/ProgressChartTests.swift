import FolioLanguage
@testable import FolioLayout
import FolioModel
import XCTest

/// The progress chart's geometry with the fixed-advance measurer: marks at their values, labels
/// apart, 1 to 8 periods and indicators; its alternative text; and where it appears.
final class ProgressChartTests: XCTestCase {
    let measurer = Fixtures.measurer
    let style = Style.standard
    let labels = ["2008–09", "2010–11", "2012–13", "2014–15", "2016–17", "2018–19", "2020–21", "2022–23"]

    func indicator(_ id: String, baseline: Int? = 4, _ values: [(target: Int, result: Int)], current: Int? = nil) -> Indicator {
        let periods = values.enumerated().map { index, value in
            IndicatorPeriod(label: labels[labels.count - values.count + index], target: value.target, result: value.result)
        }
        return Indicator(id: id, description: "Number of member States with better statistics", baseline: baseline.map { Baseline(year: 2007, value: $0) },
                         periods: periods, currentPeriodIndex: current)
    }

    func outcome(_ indicators: [Indicator]) -> Outcome {
        Outcome(id: "1", title: "Better statistics", indicators: indicators)
    }

    func chart(_ outcome: Outcome, size: Size = Size(width: 800, height: 450), edition: Edition = .english) -> Frame {
        ChartKind.progress.layout(outcome: outcome, report: Fixtures.report, size: size, style: style, measurer: measurer, edition: edition)
    }

    /// Horizontal thick strokes in the target colour: the target ticks, less the legend's, drawn first.
    func targetTicks(_ frame: Frame) -> [(from: Point, to: Point)] {
        Array(frame.items.compactMap { item -> (from: Point, to: Point)? in
            if case .line(let from, let to, let stroke) = item, stroke.color == style.targetColor, from.x != to.x { return (from, to) }
            return nil
        }.dropFirst())
    }

    /// Dots (round-capped lines from a point to itself) in `color`, less the legend's, drawn first.
    func dots(_ frame: Frame, _ color: Color) -> [Point] {
        Array(frame.items.compactMap { item -> Point? in
            if case .line(let from, let to, let stroke) = item, from == to, stroke.cap == .round, stroke.color == color { return from }
            return nil
        }.dropFirst())
    }

    func testTheLegendShowsTheChartsOwnMarks() {
        let frame = chart(outcome([indicator("1.1", [(10, 5), (10, 12)])]))
        let legendTop = frame.items.compactMap { item -> Double? in
            if case .text(let text) = item, text.text == "Target" { return text.origin.y } else { return nil }
        }[0]
        let marks = frame.items.compactMap { item -> Stroke? in
            if case .line(let from, _, let stroke) = item, abs(from.y - legendTop) < 12 { return stroke } else { return nil }
        }
        XCTAssertEqual(marks.first?.color, style.targetColor)
        XCTAssertEqual(marks.first?.cap, .butt, "a tick for the target")
        XCTAssertTrue(marks.contains { $0.color == style.resultMetColor && $0.cap == .round }, "a dot for a met result")
        XCTAssertTrue(marks.contains { $0.color == style.resultShortColor && $0.cap == .round }, "a ring for a result short of target")
        XCTAssertFalse(frame.items.contains { if case .rect(_, let fill, _) = $0 { return fill == style.targetColor } else { return false } },
                       "no square swatches")
    }

    /// The y of the panels' axis lines (value 0).
    func axes(_ frame: Frame) -> [Double] {
        frame.items.compactMap {
            if case .line(let from, _, let stroke) = $0, stroke.color == style.axisColor { return from.y }
            return nil
        }
    }

    func texts(_ frame: Frame) -> [TextItem] {
        frame.items.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
    }

    // MARK: - Geometry

    func testMarksStandAtTheirValuesOnOneSharedAxis() {
        let frame = chart(outcome([
            indicator("1.1", [(10, 5), (10, 8), (10, 12)]),
            indicator("1.2", baseline: nil, [(20, 10), (20, 20), (24, 16)]),
        ]))
        let axis = axes(frame)
        XCTAssertEqual(axis.count, 2)
        XCTAssertEqual(axis[0], axis[1], accuracy: 1e-9, "panels in one row share the axis")
        let ticks = targetTicks(frame)
        XCTAssertEqual(ticks.count, 6, "one target tick per period")
        let zero = axis[0]
        // Heights above the axis are proportional to the values, across both panels.
        let unit = (zero - ticks[0].from.y) / 10
        for (tick, target) in zip(ticks, [10, 10, 10, 20, 20, 24]) {
            XCTAssertEqual(zero - tick.from.y, unit * Double(target), accuracy: 1e-6)
        }
        let met = dots(frame, style.resultMetColor), short = dots(frame, style.resultShortColor)
        XCTAssertEqual(met.count, 2, "12 of 10 and 20 of 20 meet their targets")
        XCTAssertEqual(short.count, 4)
        XCTAssertEqual(zero - met[0].y, unit * 12, accuracy: 1e-6)
        XCTAssertEqual(zero - short[0].y, unit * 5, accuracy: 1e-6)
        // Each period's result stands over its target tick, and time runs left to right.
        XCTAssertEqual(short[0].x, (ticks[0].from.x + ticks[0].to.x) / 2, accuracy: 1e-6)
        XCTAssertLessThan(short[0].x, short[1].x)
        XCTAssertLessThan(short[1].x, met[0].x)
    }

    func testBaselineIsADashedLineAtItsValueLabelledOnce() {
        let frame = chart(outcome([indicator("1.1", baseline: 4, [(10, 5), (10, 12)])]))
        let dashed = frame.items.compactMap { item -> (Point, Point)? in
            if case .line(let from, let to, let stroke) = item, stroke.dash != nil { return (from, to) }
            return nil
        }
        XCTAssertEqual(dashed.count, 1)
        let zero = axes(frame)[0]
        let tick = targetTicks(frame)[0]
        XCTAssertEqual((zero - dashed[0].0.y) / (zero - tick.from.y), 0.4, accuracy: 1e-6, "baseline 4 against target 10")
        XCTAssertEqual(dashed[0].0.y, dashed[0].1.y, "horizontal")
        XCTAssertEqual(texts(frame).filter { $0.text == "Baseline 2007: 4" }.count, 1)
    }

    func testFirstAndCurrentValuesAreLabelledBesideTheirPoints() {
        let frame = chart(outcome([indicator("1.1", [(10, 5), (10, 8), (10, 12)])]))
        let all = texts(frame)
        let first = all.first { $0.text == "5" }, last = all.first { $0.text == "12" }
        XCTAssertNotNil(first)
        XCTAssertNotNil(last)
        XCTAssertFalse(all.contains { $0.text == "8" }, "middle values are read off the axis")
        let short = dots(frame, style.resultShortColor), met = dots(frame, style.resultMetColor)
        XCTAssertLessThan(first!.bounds(measurer: measurer).maxX, short[0].x, "first value at the left of its point")
        XCTAssertGreaterThan(last!.origin.x, met[0].x, "current value at the right of its point")
        XCTAssertTrue(last!.font.weight == .bold, "the current value stands out")
    }

    func testLabelsStayApartFromOneToEightPeriodsAndIndicators() {
        for periods in [1, 2, 3, 8] {
            for count in [1, 2, 3, 5, 8] {
                let values = (0..<periods).map { (target: 10 + $0, result: 4 + 2 * $0) }
                let indicators = (1...count).map { indicator("1.\($0)", baseline: $0 % 2 == 0 ? nil : 4, values) }
                for size in [Size(width: 800, height: 450), Size(width: 1600, height: 900), Size(width: 480, height: 270)] {
                    assertLegible(chart(outcome(indicators), size: size))
                }
            }
        }
    }

    func testHugeValuesAndZeroTargetsDrawSensiblyInNarrowPanels() {
        let values = [(target: 0, result: 0), (target: 2_000_000_000, result: 2_340_000_000), (target: 2_100_000_000, result: 1_990_000_000)]
        let indicators = (1...8).map { indicator("9.\($0)", baseline: 1_500_000_000, values) }
        for size in [Size(width: 800, height: 450), Size(width: 480, height: 270)] {
            let frame = chart(outcome(indicators), size: size)
            for case .line(let from, let to, let stroke) in frame.items {
                XCTAssertTrue(from.x.isFinite && from.y.isFinite && to.x.isFinite && to.y.isFinite && stroke.width >= 0)
            }
            assertLegible(frame)
            XCTAssertTrue(texts(frame).contains { $0.text == "2B" }, "1,990,000,000 in its short form in a narrow panel")
        }
        XCTAssertTrue(alt([indicator("9.1", baseline: nil, [(0, 0), (0, 3)])]).hasSuffix("rose from 0 in 2020–21 to 3 member States in 2022–23, no target set."))
    }

    func testBaselineLabelMovesAwayFromTheCurrentValue() {
        // The baseline equals the current result: its label at the right end would sit on the value label.
        let frame = chart(outcome([indicator("1.1", baseline: 12, [(10, 5), (10, 12)])]))
        assertLegible(frame)
        XCTAssertTrue(texts(frame).contains { $0.text == "Baseline 2007: 12" })
    }

    func testBaselineLabelKeepsOffTheResultsLine() {
        // In four narrow panels the rise from 2 to 12 crosses the baseline (10) under the label's first
        // place, at the right end: the label moves to the left end, which the line leaves free.
        let indicators = (1...4).map { indicator("1.\($0)", baseline: 10, [(10, 2), (12, 12)]) }
        let frame = chart(outcome(indicators))
        let labels = texts(frame).filter { $0.text == "Baseline 2007: 10" }.map { $0.bounds(measurer: measurer) }
        XCTAssertEqual(labels.count, 4)
        let points = (dots(frame, style.resultMetColor) + dots(frame, style.resultShortColor)).sorted { $0.x < $1.x }
        XCTAssertEqual(points.count, 8)
        for (label, pair) in zip(labels, stride(from: 0, to: 8, by: 2)) {
            XCTAssertFalse(label.meets(from: points[pair], to: points[pair + 1]), "the results' line crosses \(label)")
            XCTAssertLessThan(label.minX, points[pair].x, "the label moved to the left end")
        }
        XCTAssertTrue(Rect(x: 0, y: 0, width: 10, height: 10).meets(from: Point(x: -5, y: 5), to: Point(x: 15, y: 5)))
        XCTAssertFalse(Rect(x: 0, y: 0, width: 10, height: 10).meets(from: Point(x: -5, y: -5), to: Point(x: 15, y: -1)))
        assertLegible(frame)
    }

    func testEightPeriodNamesThinOutKeepingFirstAndCurrent() {
        let values = (0..<8).map { (target: 10, result: $0 + 3) }
        let frame = chart(outcome((1...4).map { indicator("1.\($0)", values) }))
        let names = texts(frame).map(\.text).filter(labels.contains)
        XCTAssertTrue(names.contains("2008–09"))
        XCTAssertTrue(names.contains("2022–23"))
        XCTAssertLessThan(names.count, 8 * 4, "not every period is named in four narrow panels")
        let current = texts(frame).filter { $0.text == "2022–23" }
        XCTAssertTrue(current.allSatisfy { $0.font.weight == .bold }, "the current period is named in bold")
        assertLegible(frame)
    }

    func testPeriodsAfterTheCurrentOneShowOnlyTheirTarget() {
        let frame = chart(outcome([indicator("1.1", [(10, 5), (10, 12), (14, 0)], current: 1)]))
        XCTAssertEqual(targetTicks(frame).count, 3)
        XCTAssertEqual(dots(frame, style.resultMetColor).count + dots(frame, style.resultShortColor).count, 2)
        XCTAssertTrue(texts(frame).contains { $0.text == "12" })
    }

    func testAOnePeriodOutcomeStillDraws() {
        let frame = chart(Fixtures.outcome)
        XCTAssertEqual(targetTicks(frame).count, 3)
        XCTAssertEqual(dots(frame, style.resultMetColor).count, 2, "4.1 and 4.2 meet their targets")
        XCTAssertEqual(dots(frame, style.resultShortColor).count, 1)
        XCTAssertTrue(texts(frame).contains { $0.text == "2014–15" }, "the report's period names the only period")
        assertLegible(frame)
    }

    func testRightToLeftEditionsRunTimeFromTheRight() throws {
        let arabic = try CatalogueLibrary.bundled().edition("ar")
        let frame = chart(outcome([indicator("1.1", [(10, 5), (10, 8), (10, 12)])]), edition: arabic).mirrored(measurer: measurer)
        let short = dots(frame, style.resultShortColor), met = dots(frame, style.resultMetColor)
        XCTAssertGreaterThan(short[0].x, short[1].x, "the first period stands at the right")
        XCTAssertGreaterThan(short[1].x, met[0].x)
        let current = texts(frame).first { $0.text == "12" }!
        XCTAssertLessThan(current.bounds(measurer: measurer).maxX, met[0].x, "the current value reads after its point, on its left")
        XCTAssertTrue(texts(frame).contains { $0.text.contains("خط الأساس") })
        XCTAssertTrue(texts(frame).contains { $0.text == "\u{2068}2022–23\u{2069}" }, "period names keep their order as isolates")
        assertLegible(frame)
    }

    // MARK: - Where it appears

    func testOnlyOutcomesWithHistoryGetAProgressChart() {
        XCTAssertEqual(ChartKind.kinds(for: Fixtures.outcome), [.targets, .regions])
        XCTAssertEqual(ChartKind.kinds(for: outcome([indicator("1.1", [(10, 5), (10, 12)])])), [.targets, .regions, .progress])
        let baselineOnly = outcome([Indicator(id: "1.1", description: "d", target: 10, result: 5, baseline: Baseline(year: 2017, value: 2))])
        XCTAssertEqual(ChartKind.kinds(for: baselineOnly), [.targets, .regions, .progress])

        var report = Fixtures.report
        XCTAssertFalse(ReportCharts.all(in: report, size: Size(width: 800, height: 450), style: style, measurer: measurer)
            .contains { $0.kind == .progress })
        report.outcomes.append(outcome([indicator("1.1", [(10, 5), (10, 12)])]))
        let specs = ReportCharts.all(in: report, size: Size(width: 800, height: 450), style: style, measurer: measurer)
        XCTAssertEqual(specs.filter { $0.kind == .progress }.map { $0.outcome?.id }, ["1"])
        XCTAssertEqual(specs.first { $0.kind == .progress }?.title, "Outcome 1: results and targets over time")
    }

    func testTwoRowsOfPanelsGetATallerFigureInTheBriefing() {
        let six = outcome((1...6).map { indicator("1.\($0)", [(10, 5), (10, 12)]) })
        let four = outcome((1...4).map { indicator("1.\($0)", [(10, 5), (10, 12)]) })
        XCTAssertEqual(ChartKind.progress.briefingHeight(base: 250, outcome: six), 400)
        XCTAssertEqual(ChartKind.progress.briefingHeight(base: 250, outcome: four), 250)
        XCTAssertEqual(ChartKind.targets.briefingHeight(base: 250, outcome: six), 250, "the other charts keep their height")
    }

    func testBriefingAddsTheProgressFigureOnlyWithHistory() throws {
        let plain = try BriefingLayout(style: style, measurer: measurer).document(for: Fixtures.report)
        var report = Fixtures.report
        report.outcomes.append(outcome([indicator("1.1", [(10, 5), (10, 12)])]))
        let tracked = try BriefingLayout(style: style, measurer: measurer).document(for: report)
        XCTAssertFalse(plain.figureAlternatives.contains { $0.hasPrefix("Line chart") })
        XCTAssertEqual(tracked.figureAlternatives.filter { $0.hasPrefix("Line chart of results over time for Outcome 1") }.count, 1)
    }

    // MARK: - Alternative text

    func alt(_ indicators: [Indicator], edition: Edition = .english) -> String {
        ChartKind.progress.alternativeText(outcome: outcome(indicators), report: Fixtures.report, edition: edition)
    }

    func testAlternativeTextSaysTheTrendInWords() {
        XCTAssertEqual(alt([indicator("1.1", baseline: nil, [(10, 5), (10, 8), (10, 12)])]),
                       "Line chart of results over time for Outcome 1, one panel per indicator: "
                       + "indicator 1.1 rose from 5 in 2018–19 to 12 member States in 2022–23, above its target of 10.")
        XCTAssertEqual(alt([indicator("1.2", [(10, 9), (12, 7)])]).split(separator: ":", maxSplits: 1)[1],
                       " indicator 1.2 (baseline 4 in 2007) fell from 9 in 2020–21 to 7 member States in 2022–23, below its target of 12.")
        XCTAssertTrue(alt([indicator("1.3", [(1, 1), (1, 1)])]).hasSuffix(
            "indicator 1.3 (baseline 4 in 2007) stayed at 1 member State from 2020–21 to 2022–23, meeting its target of 1."))
        XCTAssertTrue(alt([indicator("1.4", baseline: nil, [(0, 3)])]).hasSuffix("indicator 1.4: 3 member States in 2022–23, no target set."))
        XCTAssertTrue(alt([Fixtures.outcome.indicators[0]]).hasSuffix("indicator 4.1: 11 member States in 2014–15, above its target of 10."),
                      "a one-period indicator is named by the report's period")
    }

    func testAlternativeTextIsTranslatedWithPluralForms() throws {
        let library = try CatalogueLibrary.bundled()
        let french = alt([indicator("1.1", baseline: nil, [(10, 5), (10, 12)])], edition: try library.edition("fr"))
        XCTAssertTrue(french.contains("en hausse, de 5 en 2020–21 à 12 États Membres en 2022–23, au-dessus de sa cible de 10"), french)
        let russian = alt([indicator("1.1", baseline: nil, [(10, 5), (10, 3)])], edition: try library.edition("ru"))
        XCTAssertTrue(russian.contains("снизился: 3 государства-члена в 2022–23 против 5 в 2020–21"), russian)
    }
}
