import FolioArchive
import FolioSlides
import Foundation
import XCTest

/// Decks built on an organisation's template (made by Fixtures/make-template.py with python-pptx):
/// its layouts found by placeholder type whatever their names and order, its theme and slide size
/// kept, its own slides gone; and templates that cannot carry a deck refused with their name.
final class DeckTemplateTests: XCTestCase {
    static let maker = DeckTestSupport.packageRoot.appendingPathComponent("Tests/FolioSlidesTests/Fixtures/make-template.py")

    /// A fresh template, `.potx` or `.pptx`, in a temporary folder.
    static func template(_ extension: String = "potx", file: StaticString = #filePath, line: UInt = #line) throws -> URL? {
        if let problem = DeckTestSupport.pythonPPTXProblem {
            XCTFail("python-pptx is needed to make the template: \(problem)", file: file, line: line)
            return nil
        }
        let url = try DeckTestSupport.temporaryFolder().appendingPathComponent("org.\(`extension`)")
        let made = try DeckTestSupport.run("python3", [maker.path, url.path])
        XCTAssertEqual(made.status, 0, made.stderr, file: file, line: line)
        return url
    }

    func testTheDeckUsesTheTemplatesLayoutsThemeAndSize() throws {
        for kind in ["potx", "pptx"] {
            guard let url = try Self.template(kind) else { return }
            var deck = NativeChartDeckTests.deck()
            deck.template = try DeckTemplate(contentsOf: url.path)
            deck.slides.append(try DeckTestSupport.sampleSlides()[0])
            let out = try DeckTestSupport.write(try deck.pptx())
            guard let read = try NativeChartDeckTests.read(out), let described = try DeckTestSupport.describe(out) else { return }
            XCTAssertEqual(described.errors, [], "no dangling relationship or orphaned part is left")
            XCTAssertEqual(read.size, [9_144_000, 6_858_000], "the template's 4:3 slide size")
            XCTAssertEqual(read.theme?.name, "Organisation")
            XCTAssertEqual(read.theme?.major, "DejaVu Serif")
            XCTAssertEqual(read.theme?.accent1, "8B1E3F")
            XCTAssertEqual(read.slides.map(\.layout), ["Diapositive de titre"] + Array(repeating: "Titre et contenu", count: 5),
                           "found by placeholder type: the layouts are renamed and reordered")
            XCTAssertEqual(read.slides.first?.title, "Native charts")
            XCTAssertEqual(described.slides.first?.footer, "Folio", "the footer in the title layout's footer placeholder")
            XCTAssertFalse(read.slides.contains { $0.title == "ANCIENNE DIAPOSITIVE" || $0.title == "AUTRE" },
                           "the template's own slides are dropped")
            XCTAssertEqual(read.slides.dropFirst().prefix(4).map { $0.charts.count }, [1, 1, 1, 1])
            let frame = try XCTUnwrap(read.slides[1].charts.first?.frame)
            XCTAssertEqual(frame, [457_200, 1_600_200, 8_229_600, 4_525_963], "the content placeholder's frame, from the master")
            let list = try DeckTestSupport.run("unzip", ["-l", out.path]).stdout
            XCTAssertFalse(list.contains("notesSlides/notesSlide1.xml"), "the old slide's notes are gone with it")
            XCTAssertEqual(read.slides[1].notes, "First line of the notes\nSecond line", "notes on the template's notes master")
            XCTAssertFalse(list.contains("ppt/charts/chart"), "and its chart")
            let types = try DeckTestSupport.run("unzip", ["-p", out.path, "[Content_Types].xml"]).stdout
            XCTAssertFalse(types.contains("template.main+xml"), "a .potx becomes a presentation")
            let presentation = try DeckTestSupport.run("unzip", ["-p", out.path, "ppt/presentation.xml"]).stdout
            XCTAssertFalse(presentation.contains("custShow"))
            XCTAssertFalse(presentation.contains("sectionLst"))
        }
    }

    func testLibreOfficeDrawsTheChartsOnTheTemplate() throws {
        guard let url = try Self.template() else { return }
        var deck = NativeChartDeckTests.deck()
        deck.template = try DeckTemplate(contentsOf: url.path)
        let out = try DeckTestSupport.write(try deck.pptx())
        let text = try NativeChartDeckTests.renderedText(out)
        for number in ["731", "842", "125%", "Native charts"] {
            XCTAssertTrue(text.contains(number), "\(number) is drawn: \(text)")
        }
        XCTAssertFalse(text.contains("ANCIENNE"))
    }

    func testSameTemplateSameBytes() throws {
        guard let url = try Self.template() else { return }
        var deck = NativeChartDeckTests.deck()
        deck.template = try DeckTemplate(contentsOf: url.path)
        XCTAssertEqual(try deck.pptx(), try deck.pptx())
    }

    // MARK: - Templates that cannot carry a deck

    func assertUnusable(_ bytes: [UInt8], _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try DeckTemplate(bytes: bytes, file: "org.potx"), file: file, line: line) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("org.potx: "), message, file: file, line: line)
            XCTAssertTrue(message.contains(reason), "\(reason) in \(message)", file: file, line: line)
        }
    }

    func zip(_ entries: [(String, [UInt8])]) throws -> [UInt8] {
        try ZipWriter.archive(entries.map { ZipWriter.Entry(path: $0.0, bytes: $0.1, compressed: true) }, date: SlideDeck.defaultDate)
    }

    func testNotAZip() {
        assertUnusable(Array("name,value\n".utf8), "not a ZIP package")
        assertUnusable([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 64), "encrypted or legacy")
        assertUnusable([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 7, count: 64), "not a readable ZIP")
    }

    func testAZipWithoutAPresentation() throws {
        let types = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"></Types>"
        let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>"
        assertUnusable(try zip([("[Content_Types].xml", Array(types.utf8)), ("_rels/.rels", Array(rels.utf8))]), "no presentation part")
        assertUnusable(try zip([("word/document.xml", Array("<w/>".utf8))]), "no readable [Content_Types].xml")
    }

    func testAZipBomb() throws {
        assertUnusable(try zip([("[Content_Types].xml", Array(repeating: 0x20, count: 20 << 20))]), "zip bomb")
    }

    func testAPathOutOfThePackage() throws {
        assertUnusable(try zip([("../evil.xml", Array("<x/>".utf8))]), "points outside the package")
    }

    func testAnExternalReference() throws {
        guard let url = try Self.template("pptx") else { return }
        var entries: [(String, [UInt8])] = []
        let list = try DeckTestSupport.run("unzip", ["-Z1", url.path]).stdout.split(separator: "\n").map(String.init)
        for name in list {
            var bytes = [UInt8](try DeckTestSupport.run("unzip", ["-p", url.path, name]).stdout.utf8)
            if name == "ppt/slideMasters/_rels/slideMaster1.xml.rels" {
                bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "</Relationships>",
                    with: "<Relationship Id=\"rId99\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"http://example.org/logo.png\" TargetMode=\"External\"/></Relationships>").utf8)
            }
            entries.append((name, bytes))
        }
        assertUnusable(try zip(entries), "refers to an external file")
    }

    func testAMissingFileIsNamed() {
        XCTAssertThrowsError(try DeckTemplate(contentsOf: "/nonexistent/org.potx")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/nonexistent/org.potx: "), "\(error)")
        }
    }
}

extension DeckTemplateTests {
    func testAPartWithADoctypeIsRefused() throws {
        let types = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&a;</Types>"
        assertUnusable(try zip([("[Content_Types].xml", Array(types.utf8))]), "no readable [Content_Types].xml")
    }
}
