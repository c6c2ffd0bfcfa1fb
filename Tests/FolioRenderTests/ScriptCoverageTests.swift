import FolioLayout
import FolioRender
import Foundation
import XCTest

/// Russian and Chinese editions: every character has a glyph and every font is embedded.
/// Cyrillic comes from the bundled Noto Sans; Chinese from Debian's fonts-droid-fallback, found
/// through the system's fontconfig behind the bundled fonts (Scripts/setup.sh installs it).
final class ScriptCoverageTests: XCTestCase {
    static let russian = "Международная организация труда: 24 государства-члена"
    static let chinese = "国际劳工组织：24个成员国，社会保障"

    func testEveryCharacterHasAGlyph() throws {
        let measurer = TestSupport.renderer.measurer
        for font in [FontSpec(family: "Noto Sans", size: 10), FontSpec(family: "Noto Sans", size: 10, weight: .bold)] {
            XCTAssertEqual(measurer.missingGlyphs(in: Self.russian, font: font), 0)
            XCTAssertEqual(measurer.missingGlyphs(in: Self.chinese, font: font), 0)
        }
        // The count can fail: a private-use character has no glyph anywhere.
        XCTAssertGreaterThan(measurer.missingGlyphs(in: "\u{E000}\u{E001}", font: FontSpec(family: "Noto Sans", size: 10)), 0)
    }

    func testRussianAndChineseEmbedEveryFontAndReadBack() throws {
        var frame = Frame(size: Size(width: 400, height: 200))
        let regular = FontSpec(family: "Noto Sans", size: 12)
        frame.append(.text(TextItem(Self.russian, font: regular, color: .black, origin: Point(x: 20, y: 40))))
        frame.append(.text(TextItem(Self.chinese, font: regular, color: .black, origin: Point(x: 20, y: 80))))
        frame.append(.text(TextItem(Self.chinese, font: regular.bold, color: .black, origin: Point(x: 20, y: 120))))
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("scripts.pdf")
        try Data(TestSupport.renderer.pdf(Document(pages: [Page(frame: frame)], title: "scripts", language: "zh"),
                                          options: PDFOptions(date: Date(timeIntervalSince1970: 0)))).write(to: pdf)

        let fonts = try TestSupport.run("pdffonts", [pdf.path])
        XCTAssertEqual(fonts.status, 0, fonts.stderr)
        let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
        XCTAssertTrue(rows.contains { $0.contains("NotoSans") }, fonts.stdout)
        XCTAssertTrue(rows.contains { $0.contains("DroidSansFallback") }, fonts.stdout)
        for row in rows {
            // name type encoding emb sub uni object ID: "yes yes yes" before the object number.
            let columns = row.split(separator: " ")
            XCTAssertEqual(Array(columns.suffix(5).prefix(3)), ["yes", "yes", "yes"], "not embedded: \(row)")
        }
        let text = try TestSupport.pdfText(pdf)
        XCTAssertTrue(text.contains("Международная организация труда"), text)
        XCTAssertTrue(text.contains("国际劳工组织"), text)
    }
}
