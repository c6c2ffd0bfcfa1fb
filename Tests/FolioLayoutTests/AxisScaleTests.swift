import FolioLanguage
import FolioLayout
import XCTest

final class AxisScaleTests: XCTestCase {
    func testNiceStepsForSmallCounts() {
        let scale = AxisScale(maxValue: 25)
        XCTAssertEqual(scale.step, 5)
        XCTAssertEqual(scale.maximum, 25)
        XCTAssertEqual(scale.ticks, [0, 5, 10, 15, 20, 25])
    }

    func testWholeNumberAxesNeverGetFractionalTicks() {
        for value in [1.0, 2, 3, 7] {
            let scale = AxisScale(maxValue: value)
            XCTAssertEqual(scale.step, scale.step.rounded(), "max \(value)")
            XCTAssertGreaterThanOrEqual(scale.maximum, value)
        }
    }

    func testZeroStillGivesAnAxis() {
        let scale = AxisScale(maxValue: 0)
        XCTAssertEqual(scale.maximum, 1)
        XCTAssertEqual(scale.position(of: 0, length: 100), 0)
        XCTAssertEqual(scale.position(of: 5, length: 100), 100, "values beyond the axis are clamped")
    }

    func testLargeValuesUseRoundStepsAndShortLabels() {
        let scale = AxisScale(maxValue: 2_340_000_000)
        XCTAssertEqual(scale.step, 500_000_000)
        XCTAssertEqual(scale.maximum, 2_500_000_000)
        XCTAssertEqual(NumberText.tick(2_500_000_000), "2.5B")
        XCTAssertEqual(NumberText.tick(1500), "1,500")
        XCTAssertEqual(Edition.english.percent(25.0 / 12.0), "208%")
    }

    func testPositionsAreProportional() {
        let scale = AxisScale(maxValue: 20)
        XCTAssertEqual(scale.position(of: 10, length: 300), 150, accuracy: 1e-9)
        XCTAssertEqual(scale.position(of: 20, length: 300), 300, accuracy: 1e-9)
    }
}
