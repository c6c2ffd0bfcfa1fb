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

    func testTheArabicEditionWritesTheHistoryInArabicWithPeriodsInOrder() throws {
        let arabic = try CatalogueLibrary.bundled().edition("ar")
        let (pdf, _) = try render(["--language", "ar"], name: "history-ar.pdf")
        // Copied out (poppler's default reading), Arabic comes in logical order, between bidi marks.
        let marks = CharacterSet(charactersIn: "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}")
        let text = String(try TestSupport.run("pdftotext", [pdf.path, "-"]).stdout.unicodeScalars.filter { !marks.contains($0) })
        // poppler may split a word before a final letter ("أضيف ت"): compare without spaces.
        func bare(_ string: String) -> String { string.filter { !$0.isWhitespace } }
        XCTAssertTrue(bare(text).contains(bare(arabic.text("history.title"))))
        XCTAssertTrue(bare(text).contains(bare(arabic.text("history.changes_title"))))
        XCTAssertFalse(text.contains("New since"))
        // A period alone in a cell keeps its order on the page: "2018–19", never "19–2018".
        let words = try TestSupport.run("pdftotext", ["-f", "3", "-l", "3", "-bbox", pdf.path, "-"]).stdout
        XCTAssertTrue(words.contains(">2018–19<"), "the summary's period header")
        XCTAssertFalse(words.contains("19–2018"))
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
