@testable import FolioSlides
import FolioArchive
import Foundation
import XCTest

final class SlideDeckTests: XCTestCase {
    typealias Support = DeckTestSupport

    // MARK: - Determinism and container

    func testSameInputGivesSameBytes() throws {
        let first = try Support.sampleDeck().pptx()
        let second = try Support.sampleDeck().pptx()   // PNGs rendered anew
        XCTAssertEqual(first, second)
        XCTAssertEqual(try Support.sampleDeck().pptx(), first)

        var later = try Support.sampleDeck()
        later.modified = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertNotEqual(try later.pptx(), first, "the date is written into the properties and ZIP entries")
    }

    func testZipStartsWithContentTypesAndIsSound() throws {
        let bytes = try Support.sampleDeck().pptx()
        XCTAssertEqual(Array(bytes[0..<4]), [0x50, 0x4B, 0x03, 0x04])
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        XCTAssertEqual(String(decoding: bytes[30..<30 + nameLength], as: UTF8.self), "[Content_Types].xml")
        // MS-DOS date of 2000-01-01 00:00 in the first local header: ((2000 - 1980) << 9) | (1 << 5) | 1.
        XCTAssertEqual(Int(bytes[12]) | Int(bytes[13]) << 8, (20 << 9) | (1 << 5) | 1)
        XCTAssertEqual(Int(bytes[10]) | Int(bytes[11]) << 8, 0)

        let deck = try Support.write(bytes)
        defer { try? FileManager.default.removeItem(at: deck.deletingLastPathComponent()) }
        if Support.which("unzip") != nil {
            let test = try Support.run("unzip", ["-t", deck.path])
            XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
            XCTAssertTrue(test.stdout.contains("No errors detected"), test.stdout)
            let list = try Support.run("unzip", ["-Z1", deck.path])
            XCTAssertEqual(list.stdout.split(separator: "\n").map(String.init), [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
                "ppt/presProps.xml", "ppt/viewProps.xml", "ppt/tableStyles.xml", "ppt/theme/theme1.xml",
                "ppt/slideMasters/slideMaster1.xml", "ppt/slideMasters/_rels/slideMaster1.xml.rels",
                "ppt/slideLayouts/slideLayout1.xml", "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
                "ppt/slideLayouts/slideLayout2.xml", "ppt/slideLayouts/_rels/slideLayout2.xml.rels",
                "ppt/slides/slide1.xml", "ppt/slides/_rels/slide1.xml.rels",
                "ppt/slides/slide2.xml", "ppt/slides/_rels/slide2.xml.rels",
                "ppt/slides/slide3.xml", "ppt/slides/_rels/slide3.xml.rels",
                "ppt/slides/slide4.xml", "ppt/slides/_rels/slide4.xml.rels",
                "ppt/media/image1.png", "ppt/media/image2.png", "ppt/media/image3.png",
            ])
        }
        // The Python check tests the ZIP CRCs, content types, well-formedness and every relationship target.
        let description = try XCTUnwrap(try Support.describe(deck))
        XCTAssertEqual(description.errors, [])
    }

    // MARK: - What python-pptx reads

    func testPythonPPTXReadsTitlesAndAlternativeTexts() throws {
        let slides = try Support.sampleSlides()
        let deck = try Support.write(try Support.sampleDeck().pptx())
        defer { try? FileManager.default.removeItem(at: deck.deletingLastPathComponent()) }
        let description = try XCTUnwrap(try Support.describe(deck))
        XCTAssertEqual(description.errors, [])
        XCTAssertEqual(description.slideWidth, 12_192_000)
        XCTAssertEqual(description.slideHeight, 6_858_000)
        XCTAssertEqual(description.title, "Quarterly outcomes")
        XCTAssertEqual(description.layouts, ["Title Slide", "Title Only"])
        XCTAssertEqual(description.slides.count, 4)

        let first = description.slides[0]
        XCTAssertEqual(first.layout, "Title Slide")
        XCTAssertEqual(first.title, "Quarterly outcomes")
        XCTAssertEqual(first.subtitle, "Second quarter 2025")
        XCTAssertEqual(first.footer, "Prepared by Folio")
        XCTAssertEqual(first.pictures.count, 0)

        for (slide, chart) in zip(description.slides.dropFirst(), slides) {
            XCTAssertEqual(slide.layout, "Title Only")
            XCTAssertEqual(slide.title, chart.title)
            XCTAssertEqual(slide.pictures.count, 1)
            guard let picture = slide.pictures.first else { continue }
            XCTAssertEqual(picture.descr, chart.alternativeText)
            XCTAssertEqual(picture.title, chart.title)
            XCTAssertEqual(picture.contentType, "image/png")
            XCTAssertEqual(picture.pixelWidth, chart.pixelWidth)
            XCTAssertEqual(picture.pixelHeight, chart.pixelHeight)
        }
        XCTAssertEqual(description.slides.map(\.title),
                       ["Quarterly outcomes", "Revenue by year", "Share by region", "Targets met"])
        XCTAssertEqual(description.slides.flatMap(\.pictures).map(\.descr), slides.map(\.alternativeText))
    }

    func testPicturesFillTheAreaBelowTheTitleKeepingTheirAspectRatio() throws {
        let slides = try Support.sampleSlides()
        let deck = try Support.write(try Support.sampleDeck().pptx())
        defer { try? FileManager.default.removeItem(at: deck.deletingLastPathComponent()) }
        let description = try XCTUnwrap(try Support.describe(deck))
        let area = DeckGeometry(widescreen: true).pictureArea
        let title = DeckGeometry(widescreen: true).title
        for (slide, chart) in zip(description.slides.dropFirst(), slides) {
            let picture = try XCTUnwrap(slide.pictures.first)
            XCTAssertGreaterThanOrEqual(picture.top, title.y + title.cy, "below the title")
            XCTAssertGreaterThanOrEqual(picture.left, area.x)
            XCTAssertGreaterThanOrEqual(picture.top, area.y)
            XCTAssertLessThanOrEqual(picture.left + picture.width, area.x + area.cx)
            XCTAssertLessThanOrEqual(picture.top + picture.height, area.y + area.cy)
            // Centred (to an EMU), touching two opposite sides of the area.
            XCTAssertLessThanOrEqual(abs((picture.left - area.x) - (area.x + area.cx - picture.left - picture.width)), 1)
            XCTAssertLessThanOrEqual(abs((picture.top - area.y) - (area.y + area.cy - picture.top - picture.height)), 1)
            XCTAssertTrue(picture.width == area.cx || picture.height == area.cy)
            let ratio = Double(picture.width) / Double(picture.height)
            XCTAssertEqual(ratio, Double(chart.pixelWidth) / Double(chart.pixelHeight), accuracy: 1e-5)
        }
    }

    func testFourByThreeDeck() throws {
        var deck = try Support.sampleDeck()
        deck.widescreen = false
        let url = try Support.write(try deck.pptx())
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let description = try XCTUnwrap(try Support.describe(url))
        XCTAssertEqual(description.errors, [])
        XCTAssertEqual(description.slideWidth, 9_144_000)
        XCTAssertEqual(description.slideHeight, 6_858_000)
        for picture in description.slides.flatMap(\.pictures) {
            XCTAssertLessThanOrEqual(picture.left + picture.width, 9_144_000 - DeckGeometry.margin)
        }
    }

    func testDeckWithoutChartsOrOptionalTexts() throws {
        let url = try Support.write(try SlideDeck(title: "Only a title").pptx())
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let description = try XCTUnwrap(try Support.describe(url))
        XCTAssertEqual(description.errors, [])
        XCTAssertEqual(description.slides.count, 1)
        XCTAssertEqual(description.slides[0].title, "Only a title")
        XCTAssertNil(description.slides[0].subtitle)
        XCTAssertNil(description.slides[0].footer)
    }

    // MARK: - User text

    func testUserTextNeverBecomesMarkup() throws {
        let png = try Support.png(width: 64, height: 36, color: .init(red: 0.1, green: 0.2, blue: 0.3))
        let hostile = "Costs & <b>benefits</b> \"so-called\" 'gains' ]]> <!-- x --> &amp;"
        let deck = SlideDeck(
            title: "A & B <i>deck</i>\u{0}\u{7}\u{1B}",
            subtitle: "</a:t></a:r></a:p><a:p><a:r><a:t>injected",
            footer: "© 2025 \"Folio\" & <co>\u{FFFF}",
            slides: [
                DeckSlide(title: hostile, alternativeText: "alt \" /><p:sp> & 'x'\u{8}\u{85}",
                          png: png, pixelWidth: 64, pixelHeight: 36),
                DeckSlide(title: "Two\nlines", alternativeText: "First line\nsecond line\r\nthird\twith tab",
                          png: png, pixelWidth: 64, pixelHeight: 36),
            ],
            fontFamily: "Noto Sans\"/><a:bad x=\"")
        let url = try Support.write(try deck.pptx())
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let description = try XCTUnwrap(try Support.describe(url))
        XCTAssertEqual(description.errors, [])
        XCTAssertEqual(description.title, "A & B <i>deck</i>")
        XCTAssertEqual(description.slides.count, 3)
        XCTAssertEqual(description.slides[0].title, "A & B <i>deck</i>")
        XCTAssertEqual(description.slides[0].subtitle, "</a:t></a:r></a:p><a:p><a:r><a:t>injected")
        XCTAssertEqual(description.slides[0].footer, "© 2025 \"Folio\" & <co>")
        XCTAssertEqual(description.slides[1].title, hostile)
        XCTAssertEqual(description.slides[1].pictures.first?.descr, "alt \" /><p:sp> & 'x'")
        XCTAssertEqual(description.slides[1].pictures.first?.title, hostile)
        // A line end in a title is a line break (python-pptx shows it as a vertical tab); alt text keeps its own.
        XCTAssertEqual(description.slides[2].title, "Two\u{0B}lines")
        XCTAssertEqual(description.slides[2].pictures.first?.descr, "First line\nsecond line\nthird\twith tab")
    }

    func testEscaping() {
        XCTAssertEqual(XMLText.content("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        XCTAssertEqual(XMLText.attribute("x\ny\tz\r\nw\rv"), "x&#10;y&#9;z&#10;w&#10;v")
        XCTAssertEqual(XMLText.cleaned("a\u{0}b\u{1}c\u{7F}d\u{9F}e\u{FFFE}f\u{FFFF}g\u{0B}h\u{0C}i"), "abcdefghi")
        XCTAssertEqual(XMLText.cleaned("é 😀 \u{2028} 中"), "é 😀 \u{2028} 中")
        XCTAssertEqual(XMLText.cleaned("a\r\n\r\nb"), "a\n\nb")
    }

    // MARK: - Geometry and input checks

    func testFitting() {
        for widescreen in [true, false] {
            let geometry = DeckGeometry(widescreen: widescreen)
            let area = geometry.pictureArea
            for (w, h) in [(3840, 2160), (1920, 1080), (1, 1), (1000, 1), (1, 1000), (36, 64), (4000, 3000),
                           (area.cx, area.cy), (999_999, 1_000_000)] {
                let box = geometry.picture(pixelWidth: w, pixelHeight: h)
                XCTAssertTrue(box.cx == area.cx || box.cy == area.cy, "\(w)×\(h)")
                XCTAssertGreaterThan(box.cx, 0); XCTAssertGreaterThan(box.cy, 0)
                XCTAssertGreaterThanOrEqual(box.x, area.x); XCTAssertGreaterThanOrEqual(box.y, area.y)
                XCTAssertLessThanOrEqual(box.x + box.cx, area.x + area.cx)
                XCTAssertLessThanOrEqual(box.y + box.cy, area.y + area.cy)
                if box.cx > 1000, box.cy > 1000 {
                    // Rounding to whole EMU: relative error below 1e-4 for boxes over 1000 EMU a side.
                    let ratio = (Double(box.cx) / Double(box.cy)) / (Double(w) / Double(h))
                    XCTAssertEqual(ratio, 1, accuracy: 1e-3, "\(w)×\(h)")
                }
            }
        }
        // 16:9 on a 16:9 slide: the height binds (the title band takes more than the side margins).
        let wide = DeckGeometry(widescreen: true)
        let box = wide.picture(pixelWidth: 3840, pixelHeight: 2160)
        XCTAssertEqual(box.cy, wide.pictureArea.cy)
        XCTAssertEqual(box.x + box.cx / 2, wide.width / 2, accuracy: 1)
    }

    func testInvalidInputIsRejected() throws {
        let png = try Support.png(width: 8, height: 8, color: .black)
        func error(_ change: (inout SlideDeck) -> Void) -> SlideDeckError? {
            var deck = SlideDeck(title: "T", slides: [DeckSlide(title: "S", alternativeText: "A", png: png,
                                                                  pixelWidth: 8, pixelHeight: 8)])
            change(&deck)
            do { _ = try deck.pptx(); return nil } catch { return error as? SlideDeckError }
        }
        XCTAssertNil(error { _ in })
        XCTAssertNil(error { $0.accentColor = "#abcdef" })
        XCTAssertEqual(error { $0.accentColor = "1D4E8" }, .invalidColor("1D4E8"))
        XCTAssertEqual(error { $0.textColor = "\"/><x" }, .invalidColor("\"/><x"))
        XCTAssertEqual(error { $0.textColor = "GGGGGG" }, .invalidColor("GGGGGG"))
        XCTAssertEqual(error { $0.language = "en US\"" }, .invalidLanguage("en US\""))
        XCTAssertEqual(error { $0.slides[0].png = Array("not a png".utf8) }, .notPNG(slide: 1))
        XCTAssertEqual(error { $0.slides[0].pixelWidth = 0 }, .invalidPixelSize(slide: 1, width: 0, height: 8))
        XCTAssertEqual(error { $0.slides[0].pixelHeight = -3 }, .invalidPixelSize(slide: 1, width: 8, height: -3))

        let fromHeader = try DeckSlide(title: "S", alternativeText: "A",
                                       png: try Support.png(width: 30, height: 20, scale: 2, color: .black))
        XCTAssertEqual(fromHeader.pixelWidth, 60)
        XCTAssertEqual(fromHeader.pixelHeight, 40)
        XCTAssertThrowsError(try DeckSlide(title: "S", alternativeText: "A", png: [1, 2, 3]))
    }

    func testTheme() throws {
        var deck = try Support.sampleDeck()
        deck.fontFamily = "DejaVu Serif"
        deck.accentColor = "aa0011"
        let theme = try DeckParts(deck: deck).theme()
        XCTAssertTrue(theme.contains("<a:majorFont><a:latin typeface=\"DejaVu Serif\"/>"), theme)
        XCTAssertTrue(theme.contains("<a:minorFont><a:latin typeface=\"DejaVu Serif\"/>"), theme)
        XCTAssertTrue(theme.contains("<a:accent1><a:srgbClr val=\"AA0011\"/></a:accent1>"), theme)
        XCTAssertTrue(theme.contains("<a:dk1><a:srgbClr val=\"1F2328\"/></a:dk1>"), theme)
    }

    // MARK: - LibreOffice

    func testLibreOfficeConvertsTheDeckToPDF() throws {
        guard let soffice = DeckTestSupport.which("soffice") else {
            throw XCTSkip("LibreOffice (soffice) is not on PATH: the PDF conversion check is skipped")
        }
        let deck = try Support.write(try Support.sampleDeck().pptx())
        let folder = deck.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A profile of its own: no clash with a running LibreOffice or another test run.
        let profile = folder.appendingPathComponent("profile")
        let convert = try Support.run(soffice, [
            "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", folder.path, deck.path,
        ], timeout: 240)
        XCTAssertFalse(convert.timedOut, "soffice took more than 240 s")
        XCTAssertEqual(convert.status, 0, convert.stdout + convert.stderr)
        let pdf = folder.appendingPathComponent("deck.pdf")
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path), convert.stdout + convert.stderr)
        guard Support.which("pdfinfo") != nil else {
            XCTFail("pdfinfo (poppler-utils) is needed to count the pages")
            return
        }
        let info = try Support.run("pdfinfo", [pdf.path])
        XCTAssertEqual(info.status, 0, info.stderr)
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .map { $0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(pages, "4", info.stdout)
        if Support.which("pdftotext") != nil {
            let text = try Support.run("pdftotext", ["-raw", pdf.path, "-"]).stdout
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for expected in ["Quarterly outcomes", "Second quarter 2025", "Prepared by Folio", "Revenue by year",
                             "Share by region", "Targets met"] {
                XCTAssertTrue(text.contains(expected), "\(expected) is not in the PDF: \(text)")
            }
        }
    }
}
