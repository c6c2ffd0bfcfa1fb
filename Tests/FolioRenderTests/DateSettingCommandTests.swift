import Foundation
import XCTest

/// `--date` and SOURCE_DATE_EPOCH on the command line: `DocumentDate`'s rule and messages.
final class DateSettingCommandTests: FolioCommandTestCase {
    let sample = TestSupport.sample.path

    /// Defect: 2016-02-30 was read as 2016-03-01.
    func testADateOffTheCalendarIsAUsageError() throws {
        let run = try folio(["render", sample, "--date", "2016-02-30", "-o", "b.pdf"])
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.stderr, "folio: --date \"2016-02-30\" is not a date: 2016-02 has 29 days\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b.pdf").path))
    }

    func testAnInvalidEpochIsTheSameMessageForEveryCommand() throws {
        let message = "folio: SOURCE_DATE_EPOCH \"abc\" is not a whole number of seconds\n"
        let render = try folio(["render", sample, "-o", "b.pdf"], environment: ["SOURCE_DATE_EPOCH": "abc"])
        XCTAssertEqual(render.status, 64)
        XCTAssertEqual(render.stderr, message)
        XCTAssertEqual(try folio(["init"]).status, 0)
        // Defect: a build ignored it and dated PDFs by the data files' times.
        let build = try folio(["build"], environment: ["SOURCE_DATE_EPOCH": "abc"])
        XCTAssertEqual(build.status, 64)
        XCTAssertEqual(build.stderr, message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/outcome4.pdf").path))
    }

    /// Defect: SOURCE_DATE_EPOCH beat `--date` on the command line, while folio.yaml's `date:` and a
    /// request's `date=` beat it in builds and the service.
    func testTheNamedDateWinsOverTheEpoch() throws {
        let run = try folio(["render", sample, "--date", "2016-03-01", "-o", "b.pdf"], environment: ["SOURCE_DATE_EPOCH": "1733443200"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try TestSupport.pdfInfo(folder.appendingPathComponent("b.pdf"))["CreationDate"], "2016-03-01T00:00:00Z")
        let epoch = try folio(["render", sample, "-o", "c.pdf"], environment: ["SOURCE_DATE_EPOCH": "1733443200"])
        XCTAssertEqual(epoch.status, 0, epoch.stderr)
        XCTAssertEqual(try TestSupport.pdfInfo(folder.appendingPathComponent("c.pdf"))["CreationDate"], "2024-12-06T00:00:00Z")
    }

    /// Defect: the build fingerprint hashed SOURCE_DATE_EPOCH's text, so the same date written
    /// another way rebuilt everything.
    func testABuildIsFreshWhenTheEpochNamesTheSameDate() throws {
        XCTAssertEqual(try folio(["init"]).status, 0)
        try Data("sources:\n  outcome4: data/outcome4.yaml\ntargets:\n  - briefing: outcome4\n".utf8)
            .write(to: folder.appendingPathComponent("folio.yaml"))
        let build = try folio(["build"], environment: ["SOURCE_DATE_EPOCH": "1456790400"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(try TestSupport.pdfInfo(folder.appendingPathComponent("Output/outcome4.pdf"))["CreationDate"],
                       "2016-03-01T00:00:00Z")
        let again = try folio(["build", "--dry-run"], environment: ["SOURCE_DATE_EPOCH": "01456790400"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stdout.contains("would build"), again.stdout)
        let other = try folio(["build", "--dry-run"], environment: ["SOURCE_DATE_EPOCH": "1456790401"])
        XCTAssertTrue(other.stdout.contains("would build Output/outcome4.pdf"), other.stdout)
    }
}
