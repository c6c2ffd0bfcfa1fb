import FolioLanguage
import Foundation
import XCTest

/// The three-biennium sample (`Assets/samples/results-over-time.yaml`) as a reader gets it from
/// `folio render`, read back with poppler and qpdf: every period's values, the baseline and the
/// countries that joined or left.
final class ResultsOverTimePDFTests: FolioCommandTestCase {
    static let sample = TestSupport.packageRoot.appendingPathComponent("Assets/samples/results-over-time.yaml")

    func render(_ arguments: [String] = [], name: String = "history.pdf") throws -> (pdf: URL, text: String) {
        let run = try folio(["render", Self.sample.path, "-o", name] + arguments, environment: ["SOURCE_DATE_EPOCH": "1796515200"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let pdf = folder.appendingPathComponent(name)
        return (pdf, try TestSupport.pdfText(pdf))
    }

    func testTheSampleIsCleanData() throws {
        let run = try folio(["check", Self.sample.path, "--strict"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    }

    func testEveryPeriodTheBaselineAndTheChangesAreInThePDF() throws {
        let (pdf, text) = try render()
        XCTAssertTrue(text.contains("Made-up data for showing Folio"), "the sample says it is synthetic")
        XCTAssertTrue(text.contains("Results over time"))
        // Indicator 1.1: baseline 4 (2017); 5 of 6, 8 of 8, 12 of 10.
        for value in ["4 (2017)", "Baseline (2017)", "5 / 6", "83%", "8 / 8", "100%", "12 / 10", "120%"] {
            XCTAssertTrue(text.contains(value), "1.1: \(value)")
        }
        // Indicator 2.1 falls: 6, 5, 4 against rising targets.
        for value in ["6 / 5", "5 / 7", "4 / 8", "50%"] {
            XCTAssertTrue(text.contains(value), "2.1: \(value)")
        }
        XCTAssertTrue(text.contains("Indicators, targets and results, 2022–23"))
        XCTAssertTrue(text.contains("Indicator 1.1 — New since 2020–21: Malawi, Zambia, Honduras, Jordan, Cambodia and Georgia. "
                                    + "No longer listed: Ghana and Albania."), text)
        XCTAssertTrue(text.contains("Indicator 2.2 — New since 2020–21: Côte d’Ivoire."))
        XCTAssertTrue(text.contains("Indicator 2.1 — New since 2020–21: Philippines. No longer listed: Guatemala and Serbia."))
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testACountryThatDroppedOutGetsItsHistory() throws {
        let run = try folio(["render", Self.sample.path, "--per-country", "--country", "Ghana", "-o", "countries"],
                            environment: ["SOURCE_DATE_EPOCH": "1796515200"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try TestSupport.pdfText(folder.appendingPathComponent("countries/ghana.pdf"))
        XCTAssertTrue(text.contains("Ghana is not listed under any indicator in 2022–23"), text)
        XCTAssertTrue(text.contains("Periods in which Ghana was listed under each indicator:"))
        XCTAssertTrue(text.contains("Indicator 1.1 Listed Listed –"), text)
    }

    func testTheArabicEditionWritesTheHistoryInArabic() throws {
        let arabic = try CatalogueLibrary.bundled().edition("ar")
        let (pdf, text) = try render(["--language", "ar"], name: "history-ar.pdf")
        XCTAssertTrue(text.contains(arabic.text("history.title")))
        XCTAssertTrue(text.contains(arabic.text("history.changes_title")))
        XCTAssertFalse(text.contains("Results over time"))
        XCTAssertFalse(text.contains("New since"))
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
