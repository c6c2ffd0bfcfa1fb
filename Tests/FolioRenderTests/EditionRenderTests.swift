import FolioLanguage
import FolioLayout
import Foundation
import XCTest

/// Editions as a reader gets them: `folio render --language L`, read back with poppler and qpdf.
final class EditionRenderTests: FolioCommandTestCase {
    /// 6 December 2026, so the cover's date can be checked in each language.
    static let epoch = "1796515200"

    /// Words Folio writes in English that no other edition may contain (none is in the sample's data).
    static let englishFurniture = ["Contents", "Summary", "Page 1 of", "Data as of", "Targets and results",
                                   "Where results were achieved", "of target", "Share of target", "Indicators at a glance",
                                   "Results by region", "All regions", "Achievement of targets", "Source:", "December"]

    func render(_ language: String) throws -> (pdf: URL, text: String) {
        let name = "edition-\(language).pdf"
        let run = try folio(["render", TestSupport.sample.path, "--language", language, "-o", name],
                            environment: ["SOURCE_DATE_EPOCH": Self.epoch])
        XCTAssertEqual(run.status, 0, run.stderr)
        let pdf = folder.appendingPathComponent(name)
        let text = try TestSupport.run("pdftotext", ["-raw", pdf.path, "-"]).stdout
        return (pdf, text)
    }

    func catalogue(_ language: String) throws -> Edition {
        try CatalogueLibrary.bundled().edition(language)
    }

    func testEveryEditionWritesItsOwnFurnitureAndNoEnglish() throws {
        // Arabic is read back in RightToLeftTests, where its logical order is checked.
        for language in ["fr", "es", "zh", "ru"] {
            let (pdf, text) = try render(language)
            let edition = try catalogue(language)
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for key in ["contents.title", "summary.title", "summary.at_a_glance", "table.target", "chart.targets.title",
                        "chart.regions.title", "outcome.results"] {
                let words = edition.text(key).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                XCTAssertTrue(flat.contains(words), "\(language): \(key) = \(words)")
            }
            for english in Self.englishFurniture {
                XCTAssertFalse(flat.contains(english), "\(language) edition still says \"\(english)\"")
            }
            let accessibility = try TestSupport.languageAndFigureAlternatives(pdf)
            XCTAssertEqual(accessibility.language, language)
            XCTAssertFalse(accessibility.alternatives.isEmpty)
            let altPrefix = String(edition.text("alt.targets", ["id": "4", "items": ""]).prefix(8))
            XCTAssertTrue(accessibility.alternatives.contains { $0?.hasPrefix(altPrefix) == true },
                          "\(language): alt texts \(accessibility.alternatives)")
        }
    }

    /// Words of one page as `pdftotext -bbox` gives them (Arabic comes glyph by glyph).
    func words(_ pdf: URL, page: Int) throws -> [(text: String, xMin: Double, xMax: Double, yMin: Double)] {
        let xml = try TestSupport.run("pdftotext", ["-bbox", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"]).stdout
        return xml.split(separator: "\n").compactMap { line in
            guard line.contains("<word ") else { return nil }
            func number(_ name: String) -> Double? {
                guard let start = line.range(of: name + "=\"") else { return nil }
                return Double(line[start.upperBound...].prefix { $0 != "\"" })
            }
            guard let xMin = number("xMin"), let xMax = number("xMax"), let yMin = number("yMin"),
                  let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { return nil }
            return (String(line[line.index(after: open)..<close.lowerBound]), xMin, xMax, yMin)
        }
    }

    func testTheArabicEditionIsAMirroredPageInLogicalOrder() throws {
        let (pdf, _) = try render("ar")
        let edition = try catalogue("ar")
        // Copied out (poppler's default reading), Arabic comes in logical order; the bidi marks
        // poppler adds around runs are not part of the words.
        let marks = CharacterSet(charactersIn: "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}")
        let text = String(try TestSupport.run("pdftotext", [pdf.path, "-"]).stdout.unicodeScalars.filter { !marks.contains($0) })
        for key in ["contents.title", "summary.title", "summary.at_a_glance", "table.target"] {
            XCTAssertTrue(text.contains(edition.text(key)), "ar: \(key)")
        }
        for english in Self.englishFurniture { XCTAssertFalse(text.contains(english), "ar edition says \"\(english)\"") }
        XCTAssertEqual(try TestSupport.languageAndFigureAlternatives(pdf).language, "ar")

        // Page 3 is the summary: its heading ends at the right margin (595.3 − 56 pt)...
        let page = try words(pdf, page: 3)
        let heading = page.filter { $0.yMin > 45 && $0.yMin < 60 }
        XCTAssertFalse(heading.isEmpty)
        XCTAssertEqual(heading.map(\.xMax).max() ?? 0, 595.276 - 56, accuracy: 1.5, "the heading ends at the right margin")
        // ...and the regions table reads from the right: region, entries (53 in all), countries (38).
        let all = try XCTUnwrap(page.first { $0.text == "53" }), distinct = try XCTUnwrap(page.first { $0.text == "38" })
        XCTAssertEqual(all.yMin, distinct.yMin, accuracy: 0.5)
        XCTAssertLessThan(distinct.xMax, all.xMin, "columns run right to left")
    }

    func testNumbersPercentagesAndDatesFollowTheLanguage() throws {
        let french = try render("fr").text
        XCTAssertTrue(french.contains("6 décembre 2026"), "French date")
        // poppler gives the no-break space as a plain one; EditionTests checks the character itself.
        XCTAssertTrue(french.contains("110 %") || french.contains("110\u{00A0}%") || french.contains("110\u{202F}%"),
                      "French percent with a space before the sign")
        XCTAssertFalse(french.contains("110%"))
        let spanish = try render("es").text
        XCTAssertTrue(spanish.contains("6 de diciembre de 2026"), "Spanish date")
        let russian = try render("ru").text
        XCTAssertTrue(russian.contains("6 декабря 2026"), "Russian date")
        let english = try render("en").text
        XCTAssertTrue(english.contains("6 December 2026"), "UN English puts the day first")
        XCTAssertTrue(english.contains("110%"))
    }

    func testTheDataAndTheCountriesComeInTheEditionsLanguage() throws {
        let french = try render("fr").text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(french.contains("Exécution du programme de l’OIT 2014–15"), "the data's French title")
        XCTAssertFalse(french.contains("ILO programme implementation"))
        XCTAssertTrue(french.contains("Nombre d’États Membres qui"), "indicator descriptions in French")
        for name in ["Éthiopie", "Pérou", "Territoire palestinien occupé", "Arabie saoudite", "Tchéquie"] {
            XCTAssertTrue(french.contains(name), "country name in French: \(name)")
        }
        XCTAssertFalse(french.contains("Saudi Arabia"))
        let spanish = try render("es").text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for name in ["Etiopía", "Perú", "Arabia Saudita"] {
            XCTAssertTrue(spanish.contains(name), "country name in Spanish: \(name)")
        }
        // A country briefing may be asked for by the data's name or the edition's.
        let briefings = try folio(["render", TestSupport.sample.path, "--language", "fr", "--per-country",
                                   "--country", "Ethiopia", "--country", "pérou", "-o", "pays"])
        XCTAssertEqual(briefings.status, 0, briefings.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("pays").path).sorted(),
                       ["ethiopie.pdf", "perou.pdf"])
        // English keeps the data's own spelling.
        let english = try render("en").text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(english.contains("Occupied Palestinian Territory"))
        XCTAssertTrue(english.contains("Viet Nam"))
    }

    func testChineseTextIsExtractedAndEveryFontEmbedded() throws {
        let (pdf, text) = try render("zh")
        XCTAssertTrue(text.contains("目录"), "CJK text comes out of the PDF")
        XCTAssertTrue(text.contains("成员国"))
        let fonts = try TestSupport.run("pdffonts", [pdf.path]).stdout.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type encoding emb sub uni object ID: "emb" is the fourth column from the right end's "obj id" pair.
            XCTAssertEqual(columns[columns.count - 5], "yes", "font not embedded: \(line)")
        }
    }

    func testAnUnknownLanguageIsEnglishWithAWarningAndABadTagIsRefused() throws {
        let unknown = try folio(["render", TestSupport.sample.path, "--language", "sw", "-o", "sw.pdf"])
        XCTAssertEqual(unknown.status, 0, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("no catalogue for language \"sw\""), unknown.stderr)
        let bad = try folio(["render", TestSupport.sample.path, "--language", "../fr", "-o", "bad.pdf"])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("BCP 47"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad.pdf").path))
    }

    func testAStyleSheetAddsAndOverridesCatalogues() throws {
        let words = folder.appendingPathComponent("brand/words")
        try FileManager.default.createDirectory(at: words, withIntermediateDirectories: true)
        try "extends: default\ncatalogues: words\n".write(to: folder.appendingPathComponent("brand/brand.yaml"), atomically: true, encoding: .utf8)
        try "language: fr\nmessages:\n  contents.title: Sommaire\n".write(to: words.appendingPathComponent("fr.yaml"), atomically: true, encoding: .utf8)
        try "language: sw\nmessages:\n  contents.title: Yaliyomo\n".write(to: words.appendingPathComponent("sw.yaml"), atomically: true, encoding: .utf8)
        let french = try folio(["render", TestSupport.sample.path, "--style", "brand/brand.yaml", "--language", "fr", "-o", "fr.pdf"])
        XCTAssertEqual(french.status, 0, french.stderr)
        let text = try TestSupport.run("pdftotext", [folder.appendingPathComponent("fr.pdf").path, "-"]).stdout
        XCTAssertTrue(text.contains("Sommaire"), "the style's key wins")
        XCTAssertTrue(text.contains("Résumé"), "the other keys stay the bundled catalogue's")
        let swahili = try folio(["render", TestSupport.sample.path, "--style", "brand/brand.yaml", "--language", "sw", "-o", "sw.pdf"])
        XCTAssertEqual(swahili.status, 0, swahili.stderr)
        XCTAssertTrue(swahili.stderr.contains("catalogue sw: no \"summary.title\"; using English"), swahili.stderr)
        XCTAssertTrue(try TestSupport.run("pdftotext", [folder.appendingPathComponent("sw.pdf").path, "-"]).stdout.contains("Yaliyomo"))

        try "extends: default\ncatalogues: missing\n".write(to: folder.appendingPathComponent("brand/broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try folio(["render", TestSupport.sample.path, "--style", "brand/broken.yaml", "-o", "x.pdf"])
        XCTAssertEqual(broken.status, 65, broken.stderr)
        XCTAssertTrue(broken.stderr.contains("broken.yaml:2:13: catalogues: no folder"), broken.stderr)
    }

    func testChartsAndDeckTakeTheLanguage() throws {
        let chart = try folio(["chart", TestSupport.sample.path, "--kind", "targets", "--language", "es", "-o", "t.pdf"])
        XCTAssertEqual(chart.status, 0, chart.stderr)
        let text = try TestSupport.run("pdftotext", ["-raw", folder.appendingPathComponent("t.pdf").path, "-"]).stdout
        XCTAssertTrue(text.contains("Metas y resultados obtenidos"), text)
        XCTAssertFalse(text.contains("Targets and results"))
        let charts = try folio(["charts", TestSupport.sample.path, "--language", "fr", "-o", "set"])
        XCTAssertEqual(charts.status, 0, charts.stderr)
        let manifest = try String(contentsOf: folder.appendingPathComponent("set/charts.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains(try catalogue("fr").text("chart.spec.targets", ["id": "4"])), manifest)
        XCTAssertFalse(manifest.contains("of target"))

        let deck = try folio(["slides", TestSupport.sample.path, "--language", "ar", "-o", "ar.pptx"])
        XCTAssertEqual(deck.status, 0, deck.stderr)
        let slide = try TestSupport.run("unzip", ["-p", folder.appendingPathComponent("ar.pptx").path, "ppt/slides/slide2.xml"]).stdout
        XCTAssertTrue(slide.contains("<a:pPr rtl=\"1\"/>"), "an Arabic deck's paragraphs read right to left")
        XCTAssertTrue(slide.contains("lang=\"ar\""))
        XCTAssertTrue(slide.contains(try catalogue("ar").text("chart.spec.targets", ["id": "4"])), "the slide title is Arabic")
    }
}
