import FolioLanguage
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import FolioSlides
import FolioTestSupport
import Foundation
import XCTest

/// A report's notes and source in its deck, as python-pptx reads them: under each native chart,
/// with the markers on the indicators' categories, and in the speaker notes of both kinds of deck.
final class DeckNotesTests: XCTestCase {
    var report: Report {
        var report = SyntheticReport.make(outcomes: 1, indicatorsPerOutcome: 2)
        report.source = "Labour force surveys"
        report.notes = ["Figures are rounded."]
        report.outcomes[0].indicators[1].notes = ["Provisional."]
        return report
    }

    struct Slide: Decodable {
        var texts: [String]
        var notes: String?
        var categories: [String]
    }

    /// Each slide's texts, speaker notes and first chart's categories, read by python-pptx.
    func read(_ deck: SlideDeck) throws -> [Slide] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("notes-\(UUID().uuidString).pptx")
        try Data(try deck.pptx()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import json, sys
        from pptx import Presentation
        slides = []
        for slide in Presentation(sys.argv[1]).slides:
            charts = [shape.chart for shape in slide.shapes if shape.has_chart]
            slides.append({"texts": [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame],
                           "notes": slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else None,
                           "categories": [str(c) for c in charts[0].plots[0].categories] if charts else []})
        print(json.dumps(slides))
        """
        let run = try Python.run(script, [file.path])
        XCTAssertEqual(run.status, 0, "python-pptx failed (Scripts/setup.sh installs it): \(run.errors)")
        let data = run.output
        return try JSONDecoder().decode([Slide].self, from: data)
    }

    func deck(_ form: ChartForm) throws -> SlideDeck {
        let renderer = try Renderer()
        return try SlideDeck.charts(of: report, style: .standard, renderer: renderer, scale: 1, charts: form)
    }

    func testNativeChartsPrintTheirNotesAndSourceAndMarkTheirIndicators() throws {
        let slides = try read(try deck(.native))
        let id = report.outcomes[0].indicators[1].id
        let targets = slides[1]
        XCTAssertTrue(targets.categories.contains("Indicator \(id)*"), "\(targets.categories)")
        let expected = "* Provisional.\nNote: Figures are rounded.\nSource: Labour force surveys"
        XCTAssertTrue(targets.texts.contains(expected), "\(targets.texts)")
        XCTAssertEqual(targets.notes, expected)
        for slide in slides.dropFirst() {
            XCTAssertTrue(slide.texts.contains { $0.hasSuffix("Source: Labour force surveys") }, "every chart says its source: \(slide.texts)")
        }
    }

    /// The style's SVG logo reaches the title slide as a PNG 270 pixels high (python-pptx reads it).
    func testTheStylesLogoIsOnTheTitleSlide() throws {
        let svg = Array(##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0F6E5A"/></svg>"##.utf8)
        var style = Style.standard
        style.logo = Logo(image: EmbeddedImage(kind: .svg, bytes: svg, naturalSize: Size(width: 40, height: 20)), file: "logo.svg",
                          source: Logo.Source(sheet: "brand.yaml", line: 1, column: 1))
        let deck = try SlideDeck.charts(of: report, style: style, renderer: try Renderer(), scale: 1)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("logo-\(UUID().uuidString).pptx")
        try Data(try deck.pptx()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import sys
        from pptx import Presentation
        slide = Presentation(sys.argv[1]).slides[0]
        pictures = [shape for shape in slide.shapes if shape.shape_type == 13]
        print(len(pictures), pictures[0].image.content_type, pictures[0].image.size[0], pictures[0].image.size[1], pictures[0].left < slide.part.package.presentation_part.presentation.slide_width // 2)
        """
        let run = try Python.run(script, [file.path])
        XCTAssertEqual(run.status, 0, run.errors)
        let printed = String(decoding: run.output, as: UTF8.self)
        XCTAssertEqual(printed.trimmingCharacters(in: .whitespacesAndNewlines), "1 image/png 540 270 True", "one PNG logo, top left")
    }

    func testPictureDecksCarryTheNotesForThePresenter() throws {
        let slides = try read(try deck(.picture))
        XCTAssertEqual(slides[1].notes, "* Provisional.\nNote: Figures are rounded.\nSource: Labour force surveys")
        XCTAssertNil(slides[0].notes, "the title slide has no chart")
    }
}
