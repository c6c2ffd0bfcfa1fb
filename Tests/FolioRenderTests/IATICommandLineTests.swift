import FolioModel
import Foundation
import XCTest

/// An IATI activity file through the folio command: checked, rendered, charted and converted,
/// and its mistakes answered with positions and exit 65.
final class IATICommandLineTests: FolioCommandTestCase {
    private var activities: String {
        TestSupport.packageRoot.appendingPathComponent("Tests/FolioModelTests/Fixtures/iati-activities.xml").path
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testCheckReadsTheActivities() throws {
        let run = try folio(["check", activities])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("2 outcomes, 3 indicators"), run.stdout)
        XCTAssertTrue(run.stderr.contains("iati-activities.xml:5:1: warning: results other than outcomes"), run.stderr)
        let strict = try folio(["check", activities, "--strict"])
        XCTAssertEqual(strict.status, 65, "the fixture has warnings")
    }

    func testRenderShowsTheOutcomesAndCountries() throws {
        let run = try folio(["render", activities, "-o", "iati.pdf"], environment: ["SOURCE_DATE_EPOCH": "1456790400"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try TestSupport.run("pdftotext", ["-raw", folder.appendingPathComponent("iati.pdf").path, "-"]).stdout
        for expected in ["International Labour Organization", "More people have access to social protection",
                         "Decent work in the rural economy", "Kenya", "Albania"] {
            XCTAssertTrue(text.contains(expected), "\(expected) missing from:\n\(text.prefix(2000))")
        }
        let chart = try folio(["chart", activities, "--kind", "targets", "-o", "t.svg"])
        XCTAssertEqual(chart.status, 0, chart.stderr)
    }

    func testConvertWritesFolioDataThatReadsBackTheSame() throws {
        let run = try folio(["convert", activities, "-o", "report.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let yaml = try String(contentsOf: folder.appendingPathComponent("report.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("periods:") && yaml.contains("2022-01-01"), yaml)
        // Another process, another hash seed: the same bytes.
        XCTAssertEqual(try folio(["convert", activities, "-o", "again.yaml"]).status, 0)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("again.yaml"), encoding: .utf8), yaml)
    }

    func testCountingReportedCountries() throws {
        let achieved = try folio(["check", activities])
        let reported = try folio(["check", activities, "--iati-count", "reported"])
        XCTAssertEqual(reported.status, 0, reported.stderr)
        XCTAssertNotEqual(achieved.stdout, reported.stdout, "more entries are listed")
        XCTAssertEqual(try folio(["check", activities, "--iati-count", "some"]).status, 64)
    }

    func testARegionTableOfItsOwn() throws {
        let table = try write("ilo.yaml", "regions:\n  - name: Africa\n    countries: [KEN, GHA]\n  - name: Europe-Central Asia\n    countries: [ALB]\n")
        let run = try folio(["check", activities, "--regions", table])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Europe-Central Asia"), run.stdout)

        let bad = try write("bad.yaml", "regions:\n  - name: Africa\n    countries: [KEN, XYZ]\n")
        let failed = try folio(["check", activities, "--regions", bad])
        XCTAssertEqual(failed.status, 65)
        XCTAssertTrue(failed.stderr.contains("bad.yaml:3:22: regions[0].countries[1]: unknown country code \"XYZ\""), failed.stderr)
        XCTAssertEqual(try folio(["check", activities, "--regions", folder.appendingPathComponent("none.yaml").path]).status, 66)
    }

    func testMalformedActivitiesExit65WithTheirPosition() throws {
        let broken = try write("broken.xml", "<iati-activities version=\"2.03\">\n  <iati-activity>\n</iati-activities>\n")
        let run = try folio(["render", broken, "-o", "x.pdf"])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.contains("broken.xml:3:1: malformed XML"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.pdf").path))

        let version = try write("old.xml", "<iati-activities version=\"1.05\"/>")
        let old = try folio(["check", version])
        XCTAssertEqual(old.status, 65)
        XCTAssertTrue(old.stderr.contains("old.xml:1:27: IATI version \"1.05\" is not one Folio reads"), old.stderr)

        let big = try folio(["check", activities, "--max-input-size", "1"])
        XCTAssertEqual(big.status, 0, "the fixture is far below 1 MiB")
    }

    func testStandardInputNeedsTheFormatNamed() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: activities))
        let run = try folio(["check", "-", "--input-format", "iati"], stdin: data)
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}
