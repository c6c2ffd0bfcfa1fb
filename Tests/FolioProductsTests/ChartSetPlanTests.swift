import FolioLayout
import FolioModel
import FolioProducts
import XCTest

final class ChartSetPlanTests: XCTestCase {
    /// Per outcome a targets and a regions chart, then the overview; PNGs at every scale, vector formats once.
    func testPlanNamesEveryFileOnce() {
        let report = SyntheticReport.make(outcomes: 2, indicatorsPerOutcome: 2)
        let set = ChartSet(report: report, style: .standard, measurer: FixedAdvanceMeasurer(), formats: [.png, .svg],
                           scales: [1, 2])
        let names = set.files.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
        XCTAssertTrue(names.contains("outcome-1-targets.png"))
        XCTAssertTrue(names.contains("outcome-1-targets@2x.png"))
        XCTAssertTrue(names.contains("outcome-1-targets.svg"))
        XCTAssertFalse(names.contains("outcome-1-targets@2x.svg"))
    }
}
