import FolioLanguage
import FolioLayout
import FolioRender
import Foundation
import XCTest

/// Both measurers break at soft hyphens, show "-" there and nothing elsewhere.
final class SoftHyphenLineTests: XCTestCase {
    let font = FontSpec(family: "Noto Sans", size: 10)

    /// True when `rebuilt` is `hyphenated` with some soft hyphens left out: every break taken
    /// was one of the dictionary's points.
    func breaksAreDictionaryPoints(_ rebuilt: String, of hyphenated: String) -> Bool {
        var taken = rebuilt.unicodeScalars.makeIterator()
        var next = taken.next()
        for scalar in hyphenated.unicodeScalars {
            if scalar == next {
                next = taken.next()
            } else if scalar != "\u{AD}" {
                return false
            }
        }
        return next == nil
    }

    /// The lines joined back: a line ending in "-" joins the next with the soft hyphen it broke at.
    func rebuilt(_ lines: [String]) -> String {
        var text = ""
        for (index, line) in lines.enumerated() {
            if line.hasSuffix("-") {
                text += line.dropLast() + "\u{AD}"
            } else {
                text += line + (index == lines.count - 1 ? "" : " ")
            }
        }
        return text
    }

    func checkLines(_ lines: [String], of hyphenated: String, width: Double, measurer: TextMeasurer, mustBreak: Bool = true,
                    file: StaticString = #filePath, line: UInt = #line) {
        if mustBreak {
            XCTAssertGreaterThan(lines.filter { $0.hasSuffix("-") }.count, 0, "no line broke at a soft hyphen: \(lines)", file: file, line: line)
        }
        for (index, text) in lines.enumerated() {
            XCTAssertFalse(text.unicodeScalars.contains("\u{AD}"), "soft hyphen left in \(text)", file: file, line: line)
            XCTAssertLessThanOrEqual(measurer.width(of: text, font: font), width + 0.01, text, file: file, line: line)
            // "Anphaphaani-" / "a" must not happen: two letters at least on each side of a break.
            if text.hasSuffix("-") {
                let tail = text.dropLast().split(separator: " ").last ?? ""
                XCTAssertGreaterThanOrEqual(tail.count, 2, "\(lines)", file: file, line: line)
                let head = lines[index + 1].split(separator: " ").first ?? ""
                XCTAssertGreaterThanOrEqual(head.prefix { $0.isLetter }.count, 2, "\(lines)", file: file, line: line)
            }
        }
        XCTAssertTrue(breaksAreDictionaryPoints(rebuilt(lines), of: hyphenated), "\(lines) against \(hyphenated)", file: file, line: line)
    }

    func testPangoBreaksALongNameAtADictionaryPoint() throws {
        let measurer = PangoTextMeasurer(fonts: try FontLibrary())
        let hyphenator = try XCTUnwrap(Hyphenator.forLanguage("fr"))
        let text = hyphenator.hyphenated("Organisation internationale du Travail, République démocratique populaire lao")
        for width in [42.0, 55.0, 70.0] {
            let lines = measurer.lines(of: text, font: font, width: width)
            checkLines(lines, of: text, width: width, measurer: measurer, mustBreak: width < 60)
        }
        // Soft hyphens inside a line take no width.
        XCTAssertEqual(measurer.width(of: "gou\u{AD}ver\u{AD}ne\u{AD}ment", font: font),
                       measurer.width(of: "gouvernement", font: font), accuracy: 0.001)
    }

    func testPangoLinesWithoutSoftHyphensAreUnchanged() throws {
        let measurer = PangoTextMeasurer(fonts: try FontLibrary())
        XCTAssertEqual(measurer.lines(of: "Anphaphaanisation", font: font, width: 40).joined(), "Anphaphaanisation")
        XCTAssertFalse(measurer.lines(of: "Anphaphaanisation", font: font, width: 40).contains { $0.hasSuffix("-") })
    }

    func testFixedAdvanceBreaksAtSoftHyphensAsPangoDoes() {
        let measurer = FixedAdvanceMeasurer()
        let eight = 8 * 0.5 * font.size   // eight characters a line
        XCTAssertEqual(measurer.lines(of: "gou\u{AD}ver\u{AD}ne\u{AD}ment", font: font, width: eight), ["gouver-", "nement"])
        XCTAssertEqual(measurer.lines(of: "Le gou\u{AD}ver\u{AD}ne\u{AD}ment", font: font, width: eight), ["Le gou-", "verne-", "ment"])
        XCTAssertEqual(measurer.lines(of: "Le gouvernement", font: font, width: eight), ["Le", "gouverne", "ment"])
        XCTAssertEqual(measurer.lines(of: "Le gou\u{AD}ver", font: font, width: eight * 2), ["Le gouver"])
        XCTAssertEqual(measurer.width(of: "gou\u{AD}ver", font: font), 6 * 0.5 * font.size)
        let text = Hyphenator.forLanguage("en")!.hyphenated("Occupied Palestinian Territory and the Democratic Republic")
        let lines = measurer.lines(of: text, font: font, width: eight)
        checkLines(lines, of: text, width: eight, measurer: measurer)
    }

    /// The painter draws what the measurer returned: a PDF copies out "-" at the break, and no U+00AD.
    func testAHyphenatedLineReadsBackFromThePDF() throws {
        let renderer = TestSupport.renderer
        let text = Hyphenator.forLanguage("fr")!.hyphenated("Organisation internationale du Travail")
        let lines = renderer.measurer.lines(of: text, font: font, width: 55)
        var frame = Frame(size: Size(width: 200, height: 200))
        for (index, line) in lines.enumerated() {
            frame.append(.text(TextItem(line, font: font, color: .black, origin: Point(x: 20, y: 30 + 14 * Double(index)))))
        }
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("hyphens.pdf")
        try Data(renderer.pdf(Document(pages: [Page(frame: frame)], title: "hyphens", language: "fr"),
                              options: PDFOptions(date: Date(timeIntervalSince1970: 0)))).write(to: pdf)
        let extracted = try TestSupport.run("pdftotext", ["-layout", pdf.path, "-"]).stdout
        XCTAssertFalse(extracted.unicodeScalars.contains("\u{AD}"))
        let printed = extracted.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{0C}"))) }.filter { !$0.isEmpty }
        XCTAssertEqual(printed, lines)
    }
}
