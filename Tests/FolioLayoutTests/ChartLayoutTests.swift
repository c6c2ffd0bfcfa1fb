import FolioLayout
import FolioModel
import XCTest

final class ChartLayoutTests: XCTestCase {
    let measurer = Fixtures.measurer
    let size = Size(width: 800, height: 450)

    func chart(_ kind: ChartKind, _ outcome: Outcome = Fixtures.outcome, size: Size? = nil) -> Frame {
        kind.layout(outcome: outcome, report: Fixtures.report, size: size ?? self.size, style: .standard, measurer: measurer)
    }

    /// Rectangles of one colour, less the first: the legend swatch is drawn before the bars.
    func bars(_ frame: Frame, color: Color) -> [Rect] {
        Array(frame.items.compactMap { if case .rect(let r, let fill, _) = $0, fill == color { return r } else { return nil } }
            .dropFirst())
    }

    func testTargetAndResultBarsAreProportional() {
        let frame = chart(.targets)
        let style = Style.standard
        let targets = bars(frame, color: style.targetColor)
        XCTAssertEqual(targets.count, 3)
        // Targets 10, 12, 8.
        XCTAssertEqual(targets[1].height / targets[0].height, 1.2, accuracy: 1e-6)
        XCTAssertEqual(targets[2].height / targets[0].height, 0.8, accuracy: 1e-6)
        let met = bars(frame, color: style.resultMetColor)
        let short = bars(frame, color: style.resultShortColor)
        XCTAssertEqual(met.count, 2, "4.1 and 4.2 meet their targets")
        XCTAssertEqual(short.count, 1, "4.3 falls short")
        XCTAssertEqual(met[1].height / targets[1].height, 25.0 / 12.0, accuracy: 1e-6)
        XCTAssertEqual(targets[0].maxY, met[0].maxY, accuracy: 1e-9, "bars share the baseline")
    }

    func testTargetsChartShowsShareOfTarget() {
        let texts = chart(.targets).items.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } }
        XCTAssertTrue(texts.contains("208% of target"))
        XCTAssertTrue(texts.contains("110% of target"))
        XCTAssertTrue(texts.contains("Result: below target"))
    }

    func testChartsKeepLabelsApartAndOnTheCanvas() {
        for kind in ChartKind.allCases {
            assertLegible(chart(kind))
            assertLegible(chart(kind, size: Size(width: 1600, height: 900)))
            assertLegible(chart(kind, size: Size(width: 480, height: 270)))
        }
    }

    func testZeroTargetAndHugeValuesDrawSensibly() {
        var outcome = Fixtures.outcome
        outcome.indicators = [
            Fixtures.indicator("9.1", target: 0, result: 0, perRegion: [:]),
            Fixtures.indicator("9.2", target: 2_000_000_000, result: 2_340_000_000, perRegion: ["Africa": 1]),
        ]
        let frame = chart(.targets, outcome)
        for case .rect(let rect, _, _) in frame.items {
            XCTAssertTrue(rect.height.isFinite && rect.width.isFinite && rect.height >= 0)
        }
        let texts = frame.items.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } }
        XCTAssertTrue(texts.contains("no target set"))
        XCTAssertTrue(texts.contains("2.5B"), "top tick of a 2.34 billion axis")
        assertLegible(frame)
        assertLegible(chart(.regions, outcome))
    }

    func testLongLabelsWrapInsideTheirGroup() {
        var outcome = Fixtures.outcome
        outcome.indicators = (1...8).map {
            Fixtures.indicator("4.\($0)", target: $0 * 3, result: $0 * 4, perRegion: ["Africa": $0, "Americas": 2],
                               description: String(repeating: "a very long indicator description ", count: 6))
        }
        assertLegible(chart(.targets, outcome))
        assertLegible(chart(.regions, outcome))
    }

    func testRegionSegmentsUseTheRegionColoursInReportOrder() {
        let frame = chart(.regions)
        let style = Style.standard
        for (index, _) in Report.defaultRegions.enumerated() {
            XCTAssertFalse(bars(frame, color: style.regionColor(at: index)).isEmpty)
        }
        // 4.1 has 3 entries in Africa and 4 in the Americas: segment widths follow.
        let africa = bars(frame, color: style.regionColor(at: 0))
        let americas = bars(frame, color: style.regionColor(at: 1))
        XCTAssertEqual(americas[0].width / africa[0].width, 4.0 / 3.0, accuracy: 1e-6)
        XCTAssertEqual(americas[0].minX, africa[0].maxX, accuracy: 1e-6, "Americas follows Africa")
    }
}
