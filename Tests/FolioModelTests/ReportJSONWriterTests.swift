import FolioModel
import XCTest

final class ReportJSONWriterTests: XCTestCase {
    func testSyntheticReportRoundTripsThroughJSON() {
        let report = SyntheticReport.make(outcomes: 3)
        let json = ReportJSONWriter.json(report)
        let loaded = ReportLoader.check(data: Data(json.utf8), fileName: "s.json", format: .json)
        XCTAssertEqual(loaded.errors, [])
        XCTAssertEqual(loaded.report, report)
    }

    func testAwkwardTextSurvives() {
        let report = Report(title: "Quote \" back\\slash\nnew line\u{1}", outcomes: [
            Outcome(id: "4.10", title: "Côte d’Ivoire <b>&</b>", indicators: [
                Indicator(id: "4.10", description: "d", target: 0, countries: ["Africa": [CountryEntry(name: "中国", isTerritory: true)]]),
            ]),
        ])
        XCTAssertEqual(ReportLoader.check(data: Data(ReportJSONWriter.json(report).utf8), fileName: "a.json", format: .json).report, report)
    }
}
