import FolioLayout
import FolioModel
@testable import FolioRender
import Foundation
import XCTest

/// An Arabic page, mirrored and painted, read back with poppler: aligned to the right margin,
/// table columns reversed, bars growing from the right, mixed Arabic and Latin text in logical order.
///
/// The text avoids lam-alef (لا، لأ) and brackets around Latin words: poppler 22.12 copies those out
/// scrambled from any PDF (see CAIRO-NOTES), which says nothing about the page.
final class RightToLeftTests: XCTestCase {
    static let page = Size.a4
    static let margin = 56.0
    static var rightMargin: Double { page.width - margin }
    static let contentWidth = page.width - 2 * margin

    let measurer = TestSupport.renderer.measurer
    let body = FontSpec(family: "Noto Sans", size: 11)
    let ink = Color(red: 0.1, green: 0.1, blue: 0.1)
    let paragraph = String(repeating: "يقيس المؤشر 4.1 عدد الدول التي حسنت قاعدة معارفها بدعم من المكتب في 12 دولة. ", count: 3)
        .trimmingCharacters(in: .whitespaces)

    var folder: URL!

    override func setUpWithError() throws { folder = try TestSupport.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    // MARK: - The synthetic page, laid out left to right as the layout would

    /// Heading, a Latin-first line, a wrapped paragraph, a table (indicator, target, result) and a
    /// horizontal bar chart, at left-to-right positions.
    func leftToRightPage() -> Frame {
        var frame = Frame(size: Self.page)
        let heading = body.bold.sized(16)
        frame.items += [.text(TextItem("نتائج البرنامج", font: heading, color: ink, origin: Point(x: Self.margin, y: 80)))]
            .tagged("H1")
        // Broken by the measurer like every paragraph, so a briefing would have it shaped already.
        let latinFirst = measurer.lines(of: "ILO تقرير 2026", font: body, width: Self.contentWidth)[0]
        frame.items += [.text(TextItem(latinFirst, font: body, color: ink, origin: Point(x: Self.margin, y: 110)))]
            .tagged("P")
        // CLDR "ar" with Western digits, as Foundation formats 110 % and 12 345 (with its marks).
        frame.items += [.text(TextItem("تحقق 110\u{200E}%\u{200E} من الهدف في 12,345 حالة", font: body, color: ink,
                                       origin: Point(x: Self.margin, y: 215)))].tagged("P")
        var y = 140.0
        var lines: [FrameItem] = []
        for line in measurer.lines(of: paragraph, font: body, width: Self.contentWidth) {
            lines.append(.text(TextItem(line, font: body, color: ink, origin: Point(x: Self.margin, y: y))))
            y += 16
        }
        frame.items += lines.tagged("P")

        // The table: text columns start at their left edge, number columns end at their right edge.
        let columns: [(x: Double, width: Double, numeric: Bool)] = [(Self.margin, 260, false), (330, 80, true), (420, 80, true)]
        let rows = [["المؤشر", "الهدف", "النتيجة"], ["4.1 التغطية", "10", "11"], ["4.2 الحوكمة", "12", "25"]]
        var table: [FrameItem] = []
        y = 260
        for (rowIndex, row) in rows.enumerated() {
            var cells: [FrameItem] = []
            for (column, text) in zip(columns, row) {
                let font = rowIndex == 0 ? body.bold : body
                let x = column.numeric ? column.x + column.width - measurer.width(of: text, font: font) : column.x
                cells += [.text(TextItem(text, font: font, color: ink, origin: Point(x: x, y: y)))].tagged(rowIndex == 0 ? "TH" : "TD")
            }
            table += cells.tagged("TR")
            table.append(.line(from: Point(x: Self.margin, y: y + 5), to: Point(x: Self.rightMargin, y: y + 5),
                               stroke: Stroke(color: ink, width: 0.5)))
            y += 22
        }
        frame.items += table.tagged("Table")

        // The chart: labels right-aligned against the bars, which start at x = 100 and carry their value.
        var chart = Frame(size: Size(width: 400, height: 80))
        for (index, (label, value)) in [("أفريقيا", 30), ("آسيا", 12)].enumerated() {
            let baseline = 20.0 + Double(index) * 30
            chart.append(.text(TextItem(label, font: body, color: ink,
                                        origin: Point(x: 90 - measurer.width(of: label, font: body), y: baseline))))
            chart.append(.rect(Rect(x: 100, y: baseline - 12, width: Double(value) * 8, height: 16),
                               fill: Color(red: 0.2, green: 0.4, blue: 0.7), stroke: nil))
            chart.append(.text(TextItem(String(value), font: body, color: ink, origin: Point(x: 104 + Double(value) * 8, y: baseline))))
        }
        frame.items += [.group(chart, origin: Point(x: Self.margin, y: 360), scale: 1)].tagged("Figure")
        return frame
    }

    /// - Parameter shaped: Let the painter reuse the lines the measurer shaped while breaking the
    ///   paragraph, as a briefing does.
    func mirroredPDF(shaped: Bool = false) throws -> URL {
        measurer.keepShapedLines(shaped)
        defer { measurer.keepShapedLines(false) }
        let document = Document(pages: [Page(frame: leftToRightPage())], title: "تقرير", language: "ar",
                                figureAlternatives: ["النتائج حسب المنطقة: أفريقيا 30، آسيا 12"])
            .mirroredForRightToLeft(measurer: measurer)
        let file = folder.appendingPathComponent(shaped ? "rtl-shaped.pdf" : "rtl.pdf")
        let options = PDFOptions(date: Date(timeIntervalSince1970: 1_780_000_000))
        try Data(TestSupport.renderer.pdf(document, options: options)).write(to: file)
        return file
    }

    // MARK: - Tests

    func testTextLinesEndAtTheRightMargin() throws {
        let boxes = try BoundingBoxes(pdf: mirroredPDF())
        // Heading, the Latin-first line, every paragraph line and the line of numbers: all end at the right margin.
        let textLines = boxes.lines.filter { $0.yMin > 40 && $0.yMax < 245 }.sorted { $0.yMin < $1.yMin }
        let measured = measurer.lines(of: paragraph, font: body, width: Self.contentWidth)
        XCTAssertGreaterThan(measured.count, 1)
        XCTAssertEqual(textLines.count, 3 + measured.count, "heading, one line and the paragraph: \(textLines.map(\.text))")
        for line in textLines {
            XCTAssertEqual(line.xMax, Self.rightMargin, accuracy: 1.5, "\(line.text) ends at x = \(line.xMax)")
        }
        // The paragraph is ragged on the left: each line starts its own width from the right margin.
        for (line, text) in zip(textLines.dropFirst(2), measured) {
            XCTAssertEqual(line.xMin, Self.rightMargin - measurer.width(of: text, font: body), accuracy: 1.5, text)
        }
    }

    func testTableColumnsRunFromTheRight() throws {
        let boxes = try BoundingBoxes(pdf: mirroredPDF())
        for (id, target, result) in [("4.1", "10", "11"), ("4.2", "12", "25")] {
            let indicator = try XCTUnwrap(boxes.words.first { $0.text == id && $0.yMin > 240 })
            let targetWord = try XCTUnwrap(boxes.words.first { $0.text == target && abs($0.yMin - indicator.yMin) < 4 })
            let resultWord = try XCTUnwrap(boxes.words.first { $0.text == result && abs($0.yMin - indicator.yMin) < 4 })
            XCTAssertGreaterThan(indicator.xMin, targetWord.xMax, "the indicator column is the rightmost")
            XCTAssertGreaterThan(targetWord.xMin, resultWord.xMax, "target before result, reading from the right")
            // Numbers were right-aligned in their column; mirrored they start at its mirrored left edge.
            XCTAssertEqual(resultWord.xMin, Self.page.width - 500, accuracy: 1.5)
        }
    }

    func testBarsGrowFromTheRight() throws {
        let boxes = try BoundingBoxes(pdf: mirroredPDF())
        // The chart spans 56…456 before mirroring, so 139.3…539.3 after; bars started 100 from its left.
        let barStart = Self.page.width - Self.margin - 100
        let thirty = try XCTUnwrap(boxes.words.first { $0.text == "30" })
        let twelve = try XCTUnwrap(boxes.words.first { $0.text == "12" && $0.yMin > 350 })
        XCTAssertEqual(thirty.xMax, barStart - 4 - 240, accuracy: 1.5, "the value sits at the left end of its bar")
        XCTAssertEqual(twelve.xMax, barStart - 4 - 96, accuracy: 1.5)
    }

    func testLatinFirstLineReadsRightToLeft() throws {
        let boxes = try BoundingBoxes(pdf: mirroredPDF())
        // A right-to-left base direction puts "ILO" at the right end and the year at the left end;
        // Pango's own guess from the first letter would have made the line left to right.
        let ilo = try XCTUnwrap(boxes.words.first { $0.text == "ILO" })
        let year = try XCTUnwrap(boxes.words.first { $0.text == "2026" })
        XCTAssertGreaterThan(ilo.xMin, year.xMax)
        XCTAssertEqual(ilo.xMax, Self.rightMargin, accuracy: 1.5)
    }

    func testCopiedTextIsInLogicalOrder() throws {
        let run = try TestSupport.run("pdftotext", [try mirroredPDF().path, "-"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // poppler wraps runs in bidi embedding marks and breaks some Arabic words at kerned joins:
        // compare without either.
        let text = Self.bare(run.stdout)
        for expected in ["ILO تقرير 2026", "نتائج البرنامج", "تحقق 110\u{200E}%\u{200E} من الهدف في 12,345 حالة", "يقيس المؤشر 4.1 عدد الدول التي حسنت", "بدعم من المكتب في 12 دولة",
                         "أفريقيا", "آسيا"] {
            XCTAssertTrue(text.contains(Self.bare(expected)), "\(expected) not found in logical order in:\n\(run.stdout)")
        }
    }

    func testFontsAreBundledAndEmbedded() throws {
        let run = try TestSupport.run("pdffonts", [try mirroredPDF().path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let fonts = run.stdout.split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty)
        for font in fonts {
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            XCTAssertTrue(font.contains("+NotoSans"), "not a bundled font: \(font)")
            XCTAssertTrue(columns.contains("yes"), "not embedded: \(font)")
        }
        XCTAssertTrue(run.stdout.contains("NotoSansArabic"), run.stdout)
    }

    func testLinesShapedWhileMeasuringAreDrawnTheSame() throws {
        // Paragraph lines that resolved right to left are reused; the Latin-first line and the
        // number lines resolved left to right and are shaped again, right to left.
        let fresh = try BoundingBoxes(pdf: mirroredPDF())
        let reused = try BoundingBoxes(pdf: mirroredPDF(shaped: true))
        XCTAssertEqual(reused.words.count, fresh.words.count)
        for (a, b) in zip(reused.words, fresh.words) {
            XCTAssertEqual(a.text, b.text)
            XCTAssertEqual(a.xMin, b.xMin, accuracy: 0.01, a.text)
            XCTAssertEqual(a.yMin, b.yMin, accuracy: 0.01, a.text)
        }
    }

    func testSameInputSameBytes() throws {
        let first = try Data(contentsOf: mirroredPDF())
        let second = try Data(contentsOf: mirroredPDF())
        XCTAssertEqual(first, second)
    }

    func testMirroredBriefingKeepsItsWordsOnThePage() throws {
        // The sample briefing, mirrored whole: the same words come out, none leaves the page, and the
        // running header's page number moves to the left half.
        let report = try TestSupport.loadSample()
        let layout = try BriefingLayout(style: .standard, measurer: measurer).document(for: report)
        let options = PDFOptions(date: Date(timeIntervalSince1970: 1_780_000_000))
        let plain = folder.appendingPathComponent("plain.pdf"), mirrored = folder.appendingPathComponent("mirrored.pdf")
        try Data(TestSupport.renderer.pdf(layout, options: options)).write(to: plain)
        try Data(TestSupport.renderer.pdf(layout.mirroredForRightToLeft(measurer: measurer), options: options)).write(to: mirrored)
        let before = try BoundingBoxes(pdf: plain), after = try BoundingBoxes(pdf: mirrored)
        XCTAssertEqual(after.words.map(\.text).sorted(), before.words.map(\.text).sorted())
        for word in after.words {
            XCTAssertTrue(word.xMin >= 0 && word.xMax <= Self.page.width + 0.1, "\(word.text) leaves the page")
        }
        let pageNumbers = { (boxes: BoundingBoxes) in boxes.words.filter { $0.text == "Page" } }
        XCTAssertFalse(pageNumbers(before).isEmpty)
        XCTAssertTrue(pageNumbers(before).allSatisfy { $0.xMin > Self.page.width / 2 })
        XCTAssertTrue(pageNumbers(after).allSatisfy { $0.xMax < Self.page.width / 2 })
    }

    // MARK: - Helpers

    /// Text without whitespace and without bidi embedding, override and isolate marks.
    static func bare(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !$0.properties.isWhitespace && !(0x200E...0x200F).contains($0.value) && !(0x202A...0x202E).contains($0.value)
                && !(0x2066...0x2069).contains($0.value)
        }))
    }
}

/// Lines and words of `pdftotext -bbox-layout`, with their boxes.
struct BoundingBoxes {
    struct Box { var text: String; var xMin, yMin, xMax, yMax: Double }
    var lines: [Box] = []
    var words: [Box] = []

    init(pdf: URL) throws {
        let run = try TestSupport.run("pdftotext", ["-bbox-layout", pdf.path, "-"])
        XCTAssertEqual(run.status, 0, run.stderr)
        var line: Box?
        for row in run.stdout.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if row.hasPrefix("<line ") {
                line = Self.box(row, text: "")
            } else if row.hasPrefix("<word "), let word = Self.box(row, text: Self.content(row)) {
                words.append(word)
                if var current = line {
                    current.text += (current.text.isEmpty ? "" : " ") + word.text
                    line = current
                }
            } else if row.hasPrefix("</line>"), let finished = line {
                lines.append(finished)
                line = nil
            }
        }
    }

    private static func content(_ row: String) -> String {
        guard let start = row.firstIndex(of: ">"), let end = row.range(of: "</word>") else { return "" }
        return String(row[row.index(after: start)..<end.lowerBound])
    }

    private static func box(_ row: String, text: String) -> Box? {
        func value(_ key: String) -> Double? {
            guard let range = row.range(of: key + "=\"") else { return nil }
            return Double(row[range.upperBound...].prefix { $0 != "\"" })
        }
        guard let xMin = value("xMin"), let yMin = value("yMin"), let xMax = value("xMax"), let yMax = value("yMax") else { return nil }
        return Box(text: text, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax)
    }
}
