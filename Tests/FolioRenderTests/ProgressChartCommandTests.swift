import FolioModel
import FolioRender
import Foundation
import XCTest

/// `folio chart --kind progress` as a user runs it, the files read back with poppler.
final class ProgressChartCommandTests: FolioCommandTestCase {
    func testAOnePeriodOutcomeStillDrawsItsProgressChart() throws {
        let sample = TestSupport.sample.path
        let png = try folio(["chart", sample, "--kind", "progress", "--width", "800", "--height", "450", "-o", "p.png"])
        XCTAssertEqual(png.status, 0, png.stderr)
        let info = try TestSupport.run("file", [folder.appendingPathComponent("p.png").path]).stdout
        XCTAssertTrue(info.contains("800 x 450"), info)
        let pdf = try folio(["chart", sample, "--kind", "progress", "-o", "p.pdf"])
        XCTAssertEqual(pdf.status, 0, pdf.stderr)
        let text = try TestSupport.run("pdftotext", ["-raw", folder.appendingPathComponent("p.pdf").path, "-"]).stdout
        for expected in ["Results over time", "Indicator 4.1", "Indicator 4.3", "2014–15"] {
            XCTAssertTrue(text.contains(expected), "\(expected) in \(text)")
        }
        let arabic = try folio(["chart", sample, "--kind", "progress", "--language", "ar", "-o", "p-ar.svg"])
        XCTAssertEqual(arabic.status, 0, arabic.stderr)
    }
}
