@testable import FolioBuild
import FolioModel
import Foundation
import XCTest

/// folio.yaml's `date:` and SOURCE_DATE_EPOCH follow `DocumentDate`, the CLI's and the service's rule.
final class DateSettingTests: XCTestCase {
    let folder = URL(fileURLWithPath: "/tmp/project")
    let march1 = Date(timeIntervalSince1970: 1_456_790_400)

    func buildFile(date: String? = nil) -> Data {
        Data(((date.map { "date: \($0)\n" } ?? "") + "sources:\n  a: data/a.yaml\ntargets:\n  - briefing: a\n").utf8)
    }

    func project(date: String? = nil, epoch: String? = nil) throws -> Project {
        try Project.parse(buildFile(date: date), directory: folder, environment: epoch.map { ["SOURCE_DATE_EPOCH": $0] } ?? [:])
    }

    func testDatesOffTheCalendarAreRefusedAtTheKey() {
        XCTAssertThrowsError(try project(date: "2016-02-30")) { error in
            XCTAssertEqual((error as? BuildFileError)?.diagnostics.map(\.description),
                           ["folio.yaml:1:7: date: \"2016-02-30\" is not a date: 2016-02 has 29 days"])
        }
        XCTAssertThrowsError(try project(date: "soon")) { error in
            XCTAssertEqual((error as? BuildFileError)?.diagnostics.map(\.description),
                           ["folio.yaml:1:7: date: \"soon\" is not a date like 2016-03-01 or 2016-03-01T12:00:00Z"])
        }
    }

    /// Defect: a build ignored an invalid SOURCE_DATE_EPOCH and dated PDFs by file times.
    func testAnInvalidEpochIsTheSameErrorAsEverywhere() {
        XCTAssertThrowsError(try project(epoch: "abc")) { error in
            XCTAssertEqual(error as? DateSettingError,
                           DateSettingError(setting: "SOURCE_DATE_EPOCH", value: "abc", problem: "is not a whole number of seconds"))
            XCTAssertEqual("\(error)", "SOURCE_DATE_EPOCH \"abc\" is not a whole number of seconds")
        }
    }

    func testTheBuildFilesDateWinsOverTheEpoch() throws {
        XCTAssertEqual(try project(date: "2016-03-01", epoch: "1733443200").date, march1)
        XCTAssertEqual(try project(epoch: "1456790400").date, march1)
        XCTAssertNil(try project().date, "neither: each data file's time")
    }

    /// Defect: the fingerprint hashed SOURCE_DATE_EPOCH's text, so `0123` and `123` (one date)
    /// rebuilt everything, and an epoch equal to folio.yaml's date counted as another setting.
    func testFingerprintsHashTheResolvedDate() throws {
        func dateSetting(_ project: Project) -> String {
            InputFingerprints(project: project, hashes: ContentHashes(known: [:]), styleChains: [:]).dateSetting
        }
        XCTAssertEqual(dateSetting(try project(epoch: "0123")), dateSetting(try project(epoch: "123")))
        XCTAssertEqual(dateSetting(try project(epoch: "1456790400")), dateSetting(try project(date: "2016-03-01")))
        XCTAssertEqual(dateSetting(try project(date: "2016-03-01")), "fixed 1456790400")
        XCTAssertNotEqual(dateSetting(try project(epoch: "1456790401")), dateSetting(try project(date: "2016-03-01")))
        XCTAssertEqual(dateSetting(try project()), "data file time")
    }
}
