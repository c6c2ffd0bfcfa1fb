import FolioLanguage
import FolioLayout
import FolioModel
import FolioRender
import Foundation
import XCTest

/// The world map as a user gets it: `folio chart --kind map`, its PNG pixels, its PDF text read by
/// poppler, the disclaimer in every language, and the maps of briefings and country briefings.
final class MapChartRenderTests: FolioCommandTestCase {
    static let fixtures = TestSupport.packageRoot.appendingPathComponent("Tests/FolioRenderTests/Fixtures")

    /// The UN's standard disclaimer for maps, in its six official languages.
    static let disclaimers = [
        "en": "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance by the United Nations.",
        "fr": "Les frontières et les noms indiqués et les désignations employées sur cette carte n’impliquent ni reconnaissance ni acceptation officielle de la part de l’Organisation des Nations Unies.",
        "es": "Los límites y los nombres que figuran en este mapa y las denominaciones empleadas en él no implican su apoyo o aceptación oficial por las Naciones Unidas.",
        "ru": "Границы и названия, показанные на этой карте, и обозначения, использованные на ней, не подразумевают их официального одобрения или признания Организацией Объединенных Наций.",
        "zh": "本地图所示边界和名称及所用称谓并不意味着联合国正式认可或接受。",
        "ar": "الحدود والأسماء المبينة والتسميات المستخدمة في هذه الخريطة لا تعني إقرارًا أو قبولًا رسميًا من جانب الأمم المتحدة.",
    ]

    func testEveryUNMemberStateIsOnTheMapAsAShapeOrAPoint() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("un-member-states.txt"), encoding: .utf8)
        let members = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        XCTAssertEqual(members.count, 193)
        let world = try XCTUnwrap(WorldMap.bundled)
        let table = try XCTUnwrap(CountryTable.bundled)
        for code in members {
            XCTAssertNotNil(table.country(code: code), "\(code) not in the country table")
            XCTAssertNotNil(world.place(code: code), "\(code) not on the map")
        }
        XCTAssertTrue(try XCTUnwrap(world.place(code: "TUV")).rings.isEmpty, "Tuvalu is a point at 1:50m")
    }

    func testTheDisclaimerIsTheUNWordingInEachLanguage() throws {
        let report = try TestSupport.loadSample()
        for (language, official) in Self.disclaimers {
            let edition = try CatalogueLibrary.bundled().edition(language)
            XCTAssertEqual(edition.text("chart.map.disclaimer"), official, language)
            let frame = ChartKind.map.layout(outcome: report.outcomes[0], report: report, size: Size(width: 1600, height: 900),
                                             style: .standard, measurer: TestSupport.renderer.measurer, edition: edition)
            let texts = frame.items.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } }.joined()
            let squeeze = { (s: String) in s.filter { !$0.isWhitespace && !"\u{2068}\u{2069}".contains($0) } }
            XCTAssertTrue(squeeze(texts).contains(squeeze(official)), "\(language): \(texts)")
        }
        // And as poppler reads it from the PDF, in the Latin and Cyrillic editions.
        for language in ["en", "fr", "es", "ru"] {
            let run = try folio(["chart", TestSupport.sample.path, "--kind", "map", "--language", language, "-o", "m-\(language).pdf"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let text = try TestSupport.run("pdftotext", [folder.appendingPathComponent("m-\(language).pdf").path, "-"]).stdout
            let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(words.contains(Self.disclaimers[language]!), "\(language): \(words)")
        }
    }

    /// Every small island State of the fixture shows: within each dot the PNG has the region's colour
    /// (somewhere: in the Lesser Antilles neighbouring dots overlap).
    func testSmallIslandStatesAreVisibleAsDots() throws {
        let report = try XCTUnwrap(ReportLoader.check(data: try Data(contentsOf: Self.fixtures.appendingPathComponent("map-small-islands.yaml")),
                                                      fileName: "map-small-islands.yaml", format: .yaml).report)
        let size = Size(width: 1600, height: 900)
        let frame = ChartKind.map.layout(outcome: report.outcomes[0], report: report, size: size, style: .standard,
                                         measurer: TestSupport.renderer.measurer)
        let geography = try XCTUnwrap(frame.items.compactMap { item -> Frame? in
            if case .group(let inner, _, _) = item, !inner.mirrors { return inner } else { return nil }
        }.first)
        let regionColors = Set((0..<report.regions.count).map { Style.standard.regionColor(at: $0) })
        let dots = geography.items.compactMap { item -> (Point, Color)? in
            if case .line(let from, let to, let stroke) = item, from == to, regionColors.contains(stroke.color) { return (from, stroke.color) }
            return nil
        }
        XCTAssertGreaterThanOrEqual(dots.count, 25, "most of the 29 small island States are dots at slide size")
        let png = try TestSupport.renderer.chart(.map, outcome: report.outcomes[0], report: report,
                                                 options: ChartOptions(format: .png, width: 1600, height: 900))
        let image = try XCTUnwrap(RasterImage(png: png))
        for (center, color) in dots {
            let expected = [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
            var seen = false
            for dy in -3...3 {
                for dx in -3...3 {
                    let pixel = image.pixels[(Int(center.y) + dy) * image.width + Int(center.x) + dx]
                    let rgb = [Int((pixel >> 16) & 0xFF), Int((pixel >> 8) & 0xFF), Int(pixel & 0xFF)]
                    if zip(rgb, expected).allSatisfy({ abs($0 - $1) <= 24 }) { seen = true }
                }
            }
            XCTAssertTrue(seen, "no pixel of the dot's colour \(expected) near \(center)")
        }
    }

    func testTheCommandMapsOneIndicatorAndRefusesAnUnknownOne() throws {
        let sample = TestSupport.sample.path
        let run = try folio(["chart", sample, "--kind", "map", "--indicator", "4.3", "-o", "m.pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try TestSupport.run("pdftotext", [folder.appendingPathComponent("m.pdf").path, "-"]).stdout
        XCTAssertTrue(text.contains("Indicator 4.3"), text)
        let (_, alternatives) = try TestSupport.languageAndFigureAlternatives(folder.appendingPathComponent("m.pdf"))
        let alt = try XCTUnwrap(alternatives.first ?? nil)
        XCTAssertTrue(alt.contains("indicator 4.3") && alt.contains("Countries and territories listed:"), alt)
        let unknown = try folio(["chart", sample, "--kind", "map", "--indicator", "9.9", "-o", "x.png"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("no indicator \"9.9\""), unknown.stderr)
        let wrongKind = try folio(["chart", sample, "--kind", "targets", "--indicator", "4.1", "-o", "x.png"])
        XCTAssertNotEqual(wrongKind.status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.png").path))
        let svg = try folio(["chart", sample, "--kind", "map", "--language", "ar", "-o", "m.svg"])
        XCTAssertEqual(svg.status, 0, svg.stderr)
    }

    func testABriefingAndCountryBriefingsGetMapsWhenTheStyleAsksForThem() throws {
        let style = folder.appendingPathComponent("with-map.yaml")
        try "extends: default\nsections:\n  outcome: [results, charts, map, narrative, outputs]\n".write(to: style, atomically: true, encoding: .utf8)
        let sample = TestSupport.sample.path
        let plain = try folio(["render", sample, "-o", "plain.pdf"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let run = try folio(["render", sample, "--style", style.path, "-o", "map.pdf"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let withMap = try TestSupport.pdfText(folder.appendingPathComponent("map.pdf"))
        XCTAssertTrue(withMap.contains("Where results were achieved Outcome 4") || withMap.contains("do not imply official endorsement"), withMap)
        XCTAssertFalse(try TestSupport.pdfText(folder.appendingPathComponent("plain.pdf")).contains("do not imply official endorsement"))
        let country = try folio(["render", sample, "--per-country", "--country", "Ethiopia", "--style", style.path, "-o", "countries"])
        XCTAssertEqual(country.status, 0, country.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("countries").path).filter { $0.hasSuffix(".pdf") }
        let pdf = folder.appendingPathComponent("countries").appendingPathComponent(try XCTUnwrap(files.first))
        let text = try TestSupport.pdfText(pdf)
        XCTAssertTrue(text.contains("do not imply official endorsement"), text)
        let (_, alternatives) = try TestSupport.languageAndFigureAlternatives(pdf)
        XCTAssertTrue(alternatives.contains { ($0 ?? "").contains("Countries and territories listed: Ethiopia.") }, "\(alternatives)")
    }

    /// A style that asks for maps gets them in chart sets (files and manifest) and in decks, where
    /// even a deck of native charts carries the map as a picture; the standard style does not.
    func testChartSetsAndDecksFollowTheStyle() throws {
        let style = folder.appendingPathComponent("with-map.yaml")
        try "extends: default\nsections:\n  outcome: [results, charts, map, narrative, outputs]\n".write(to: style, atomically: true, encoding: .utf8)
        let sample = TestSupport.sample.path
        XCTAssertEqual(try folio(["charts", sample, "--style", style.path, "-o", "set"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("set/outcome-4-map.png").path))
        let manifest = try String(contentsOf: folder.appendingPathComponent("set/charts.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"map\""), manifest)
        XCTAssertEqual(try folio(["charts", sample, "-o", "plain"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("plain/outcome-4-map.png").path))
        let deck = try folio(["slides", sample, "--style", style.path, "-o", "deck.pptx"])
        XCTAssertEqual(deck.status, 0, deck.stderr)
        let plain = try folio(["slides", sample, "-o", "plain.pptx"])
        XCTAssertTrue(deck.stdout.contains("5 slides") && plain.stdout.contains("4 slides"), deck.stdout + plain.stdout)
        let media = try TestSupport.run("unzip", ["-l", folder.appendingPathComponent("deck.pptx").path]).stdout
        XCTAssertTrue(media.contains("ppt/media/"), "the map slide is a picture: \(media)")
    }
}
