import FolioArchive
import FolioSlides
import Foundation
import XCTest

/// Native charts read back by python-pptx and openpyxl, and drawn by LibreOffice.
final class NativeChartDeckTests: XCTestCase {
    static let chartScript = DeckTestSupport.packageRoot.appendingPathComponent("Scripts/check-charts.py")

    static func charts() -> [DeckSlide] {
        var column = NativeChart(kind: .clusteredColumn, categories: ["Indicator 4.1", "Indicator <4.2> & co"], series: [
            .init(name: "Target", values: [731, 659], color: "B9C0CA"),
            .init(name: "Result", values: [842, 517], color: "0072B2", pointColors: [nil, "D55E00"]),
        ], valueAxisTitle: "member States")
        column.fontFamily = "Noto Sans"
        column.legendKeys = [.init(name: "Result: below target", color: "D55E00")]
        var stacked = NativeChart(kind: .stackedBar, categories: ["A", "B", "C"], series: [
            .init(name: "Africa", values: [3, 0, 5], color: "E69F00"),
            .init(name: "Europe", values: [4, 6, 0], color: "56B4E9"),
        ], valueAxisTitle: "Number of countries")
        stacked.labelNumberFormat = "#,##0;-#,##0;"
        let line = NativeChart(kind: .line, categories: ["2018–19", "2020–21", "2022–23"], series: [
            .init(name: "Indicator 1.1", values: [5, 8, nil], color: "E69F00"),
            .init(name: "Target, Indicator 1.1", values: [6, 8, 10], color: "E69F00", dashed: true, showsValues: false),
        ])
        var bar = NativeChart(kind: .clusteredBar, categories: ["1.1", "1.2"], series: [
            .init(name: "Share of target", values: [1.25, 0.5], color: "0072B2", pointColors: [nil, "D55E00"]),
        ], numberFormat: "0%")
        bar.valueAxisMaximum = 1.5
        bar.legendPosition = .none
        return [
            DeckSlide(title: "Targets", alternativeText: "Column chart: targets \"and\" results.", chart: column,
                      speakerNotes: "First line of the notes\nSecond line"),
            DeckSlide(title: "Regions", alternativeText: "Stacked bars by region.", chart: stacked),
            DeckSlide(title: "Over time", alternativeText: "Lines over three periods.", chart: line),
            DeckSlide(title: "Overview", alternativeText: "Shares of target.", chart: bar),
        ]
    }

    static func deck() -> SlideDeck {
        SlideDeck(title: "Native charts", subtitle: "A test", footer: "Folio", slides: charts())
    }

    struct Read: Decodable {
        struct Chart: Decodable {
            struct Series: Decodable { var name: String; var values: [Double?] }
            var type: String?
            var categories: [String]
            var series: [Series]
            var descr: String?
            var frame: [Int]
        }
        struct Slide: Decodable {
            var layout: String
            var title: String?
            var notes: String?
            var charts: [Chart]
        }
        struct Theme: Decodable { var name: String?; var major: String?; var minor: String?; var accent1: String? }
        var size: [Int]
        var theme: Theme?
        var layouts: [String]
        var slides: [Slide]
    }

    /// What Scripts/check-charts.py reads from `deck`, with each chart's embedded workbook compared to its caches.
    static func read(_ deck: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Read? {
        if let problem = DeckTestSupport.pythonPPTXProblem {
            XCTFail("python-pptx is needed: \(problem)", file: file, line: line)
            return nil
        }
        let result = try DeckTestSupport.run("python3", [chartScript.path, deck.path])
        guard result.status == 0 else {
            XCTFail("check-charts.py failed (status \(result.status)): \(result.stderr)", file: file, line: line)
            return nil
        }
        XCTAssertFalse(result.stdout.contains("\"workbook\": \""), "every embedded workbook equals its chart: \(result.stdout)",
                       file: file, line: line)
        return try JSONDecoder().decode(Read.self, from: Data(result.stdout.utf8))
    }

    /// The text LibreOffice draws for `deck` (converted to PDF with a private profile, read by pdftotext).
    static func renderedText(_ deck: URL, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard DeckTestSupport.which("soffice") != nil, DeckTestSupport.which("pdftotext") != nil else {
            XCTFail("LibreOffice (soffice) and pdftotext are needed: run Scripts/setup.sh", file: file, line: line)
            return ""
        }
        let folder = deck.deletingLastPathComponent()
        let profile = "file://" + folder.appendingPathComponent("lo-profile").path
        let convert = try DeckTestSupport.run("soffice", ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf",
                                                          "--outdir", folder.path, deck.path], timeout: 180)
        XCTAssertEqual(convert.status, 0, convert.stderr, file: file, line: line)
        let pdf = deck.deletingPathExtension().appendingPathExtension("pdf")
        return try DeckTestSupport.run("pdftotext", ["-raw", pdf.path, "-"]).stdout
    }

    func testPythonPPTXReadsEveryChartAndItsData() throws {
        let url = try DeckTestSupport.write(try Self.deck().pptx())
        guard let read = try Self.read(url), let described = try DeckTestSupport.describe(url) else { return }
        XCTAssertEqual(described.errors, [], "the package is sound: every part typed, reached and well-formed")
        XCTAssertEqual(read.slides.count, 5)
        let charts = read.slides.dropFirst().map { $0.charts.first }
        XCTAssertEqual(charts.map { $0?.type }, ["COLUMN_CLUSTERED", "BAR_STACKED", "LINE_MARKERS", "BAR_CLUSTERED"])
        for (chart, slide) in zip(charts, Self.charts()) {
            let expected = try XCTUnwrap(slide.chart)
            XCTAssertEqual(chart?.categories, expected.categories)
            XCTAssertEqual(chart?.series.map(\.name), expected.series.map(\.name) + expected.legendKeys.map(\.name))
            XCTAssertEqual(chart?.series.prefix(expected.series.count).map(\.values), expected.series.map(\.values))
            XCTAssertEqual(chart?.series.dropFirst(expected.series.count).map(\.values),
                           expected.legendKeys.map { _ in Array(repeating: nil, count: expected.categories.count) },
                           "a legend key has no points")
            XCTAssertEqual(chart?.descr, slide.alternativeText, "the alt text is the frame's descr")
        }
        XCTAssertEqual(read.slides[1].notes, "First line of the notes\nSecond line")
        XCTAssertNil(read.slides[2].notes)
    }

    func testLibreOfficeDrawsTheChartsNumbers() throws {
        let url = try DeckTestSupport.write(try Self.deck().pptx())
        let text = try Self.renderedText(url)
        for number in ["731", "659", "842", "517", "125%", "50%", "Indicator <4.2> & co", "Africa", "Result: below target"] {
            XCTAssertTrue(text.contains(number), "\(number) is drawn: \(text)")
        }
    }

    func testSameDeckSameBytes() throws {
        XCTAssertEqual(try Self.deck().pptx(), try Self.deck().pptx())
    }

    func testADeckOfPicturesHasNoChartOrNotesParts() throws {
        let bytes = try DeckTestSupport.sampleDeck().pptx()
        let url = try DeckTestSupport.write(bytes)
        let list = try DeckTestSupport.run("unzip", ["-l", url.path]).stdout
        XCTAssertFalse(list.contains("ppt/charts/"))
        XCTAssertFalse(list.contains("notesMaster"))
        XCTAssertTrue(list.contains("ppt/media/image1.png"))
    }

    func testAChartColourIsChecked() throws {
        var slides = Self.charts()
        slides[0].chart?.series[0].color = "red\"/>"
        XCTAssertThrowsError(try SlideDeck(title: "x", slides: slides).pptx()) { error in
            XCTAssertEqual(error as? SlideDeckError, .invalidColor("red\"/>"))
        }
    }
}
