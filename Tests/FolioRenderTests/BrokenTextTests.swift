import FolioLayout
@testable import FolioRender
import XCTest

/// Text broken once at a width is not broken (nor shaped) again: the measurer keeps its lines and
/// the layouts they were shaped in, and hands the painter the same shapes for every part that uses them.
final class BrokenTextTests: XCTestCase {
    let font = FontSpec(family: "Noto Sans", size: 10)
    let paragraph = String(repeating: "The Office supported constituents in 38 member States to extend social protection. ", count: 6)

    func testTextBrokenBeforeIsNotLaidOutAgainAndIsKeptShapedForEachPart() throws {
        let measurer = PangoTextMeasurer(fonts: try FontLibrary())
        measurer.keepShapedLines(true)
        defer { measurer.keepShapedLines(false) }
        measurer.beginPart(0)
        let first = measurer.lines(of: paragraph, font: font, width: 200)
        let made = measurer.layoutsMade
        XCTAssertGreaterThan(first.count, 3)
        // Part 0 is drawn: its shapes go, and part 1 sets the same paragraph.
        measurer.endPart(0)
        XCTAssertNil(measurer.shapedLine(first[0], font: font))
        measurer.beginPart(1)
        let again = measurer.lines(of: paragraph, font: font, width: 200)
        XCTAssertEqual(again, first)
        XCTAssertEqual(measurer.layoutsMade, made, "the paragraph was laid out again")
        for line in again {
            let shaped = try XCTUnwrap(measurer.shapedLine(line, font: font), line)
            XCTAssertEqual(shaped.part, 1)
        }
        // Another width or font is other text.
        _ = measurer.lines(of: paragraph, font: font, width: 150)
        XCTAssertGreaterThan(measurer.layoutsMade, made)
        let other = measurer.layoutsMade
        _ = measurer.lines(of: paragraph, font: FontSpec(family: "Noto Sans", size: 10, weight: .bold), width: 200)
        XCTAssertGreaterThan(measurer.layoutsMade, other)
    }

    /// Lines only counted carry no shapes: when the same text is set to be drawn it is shaped then.
    func testTextOnlyCountedIsShapedWhenItIsSetToBeDrawn() throws {
        let measurer = PangoTextMeasurer(fonts: try FontLibrary())
        measurer.keepShapedLines(true)
        defer { measurer.keepShapedLines(false) }
        measurer.beginPart(DocumentPart.countedOnly)
        let counted = measurer.lines(of: paragraph, font: font, width: 200)
        XCTAssertNil(measurer.shapedLine(counted[0], font: font))
        let made = measurer.layoutsMade
        _ = measurer.lines(of: paragraph, font: font, width: 200)
        XCTAssertEqual(measurer.layoutsMade, made, "counting twice laid the text out twice")
        measurer.beginPart(3)
        let drawn = measurer.lines(of: paragraph, font: font, width: 200)
        XCTAssertEqual(drawn, counted)
        XCTAssertGreaterThan(measurer.layoutsMade, made)
        for line in drawn { XCTAssertEqual(measurer.shapedLine(line, font: font)?.part, 3, line) }
    }

    /// What is kept is bounded: past the budget the oldest text is broken again when it comes back.
    func testKeptTextIsBounded() throws {
        let measurer = PangoTextMeasurer(fonts: try FontLibrary())
        _ = measurer.lines(of: paragraph, font: font, width: 200)
        let made = measurer.layoutsMade
        _ = measurer.lines(of: paragraph, font: font, width: 200)
        XCTAssertEqual(measurer.layoutsMade, made)
        var bytes = 0
        var index = 0
        while bytes <= 2 * BrokenText.budget {
            let text = "Paragraph \(index): " + paragraph
            _ = measurer.lines(of: text, font: font, width: 400)
            bytes += text.utf8.count
            index += 1
        }
        let before = measurer.layoutsMade
        _ = measurer.lines(of: paragraph, font: font, width: 200)
        XCTAssertGreaterThan(measurer.layoutsMade, before, "text past the budget was still kept")
    }
}
