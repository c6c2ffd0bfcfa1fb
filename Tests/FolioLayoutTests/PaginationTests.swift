@testable import FolioLayout
import XCTest

/// Page breaking, checked with a fixed-advance measurer: every character is half its font size wide.
final class PaginationTests: XCTestCase {
    let measurer = Fixtures.measurer
    let font = FontSpec(family: "Test", size: 10)
    let look = TableBlock.Look(padding: Insets(all: 2), headerFill: .black, ruleColor: .black, ruleWidth: 0.5,
                               captionFont: FontSpec(family: "Test", size: 8), captionColor: .black)

    /// A cell of `lines` lines, 10 high each.
    func cell(_ lines: Int, _ label: String = "x") -> LineStack {
        var stack = LineStack()
        for index in 0..<lines {
            stack.append("\(label)\(index)", font: font, color: .black, x: 0, leading: 10,
                         metrics: measurer.metrics(of: font))
        }
        return stack
    }

    func table(rows: [Int], breaking: TableBlock.RowBreaking, body: Double = 100) -> TableBlock {
        TableBlock(columnWidths: [50, 50], header: .init(cells: [cell(1, "H"), cell(1, "H")]),
                   rows: rows.enumerated().map { .init(cells: [cell($0.element, "r\($0.offset)-"), cell(1)]) },
                   look: look, rowBreaking: breaking, continuationCaption: nil, spaceBefore: 0,
                   pageBodyHeight: body, measurer: measurer)
    }

    func tableTexts(_ placement: Paginator.Placement) -> [String] {
        placement.block.items(at: .zero).compactMap { if case .text(let t) = $0.self { return t.text } else { return nil } }
    }

    func testRowThatDoesNotFitMovesWholeAndHeaderRepeats() throws {
        // Header 14 high; rows of 2 lines are 24 high. Body 100: header + 3 rows = 86, the 4th would reach 110.
        let pages = try Paginator(bodyHeight: 100).paginate([table(rows: [2, 2, 2, 2, 2, 2], breaking: .keepRowsWhole)])
        XCTAssertEqual(pages.count, 2)
        let first = tableTexts(pages[0][0]), second = tableTexts(pages[1][0])
        XCTAssertEqual(first.filter { $0 == "H0" }.count, 2, "header on page 1")
        XCTAssertEqual(second.filter { $0 == "H0" }.count, 2, "header repeated on page 2")
        XCTAssertTrue(first.contains("r2-1"))
        XCTAssertFalse(first.contains("r3-0"), "row 4 must not start on page 1")
        XCTAssertTrue(second.contains("r3-0") && second.contains("r3-1"), "row 4 moves whole")
        XCTAssertTrue(second.contains("r5-1"))
    }

    func testATableCarriesAtLeastThreeRowsOverAndAShortOneMovesWhole() throws {
        // Three rows fit on page 1, but that would leave two alone on page 2: one more goes with them.
        let pages = try Paginator(bodyHeight: 100).paginate([table(rows: [2, 2, 2, 2, 2], breaking: .keepRowsWhole)])
        XCTAssertEqual(pages.count, 2)
        XCTAssertTrue(tableTexts(pages[0][0]).contains("r1-1"))
        XCTAssertFalse(tableTexts(pages[0][0]).contains("r2-0"))
        XCTAssertTrue(tableTexts(pages[1][0]).contains("r2-0") && tableTexts(pages[1][0]).contains("r4-1"))

        // A table of a quarter page or less is never cut: with its heading it moves to page 2.
        // (Below 60 of filler, heading 10, header 14 and row "a" 12 would fit: it is a choice, not a lack of room.)
        var filler = LineStack()
        for _ in 0..<6 { filler.append("filler", font: font, color: .black, x: 0, leading: 10, metrics: measurer.metrics(of: font)) }
        let heading = TextBlock(stack: cell(1, "Heading"), keepWithNext: true)
        let short = TableBlock(columnWidths: [50, 50], header: .init(cells: [cell(1, "H"), cell(1, "H")]),
                               rows: [.init(cells: [cell(1, "a"), cell(1)]), .init(cells: [cell(1, "b"), cell(1)])],
                               look: look, rowBreaking: .keepRowsWhole, continuationCaption: nil, spaceBefore: 0,
                               pageBodyHeight: 200, measurer: measurer)
        let moved = try Paginator(bodyHeight: 100).paginate([TextBlock(stack: filler), heading, short])
        XCTAssertEqual(moved.count, 2)
        XCTAssertEqual(moved[0].count, 1, "the heading is not left behind")
        XCTAssertEqual(moved[1].count, 2)
    }

    func testProseRowsSplitBetweenLinesWithTwoLinesEachSide() throws {
        // Row of 8 lines = 84 high; after a 24 row and the header (14) 62 remain: 5 lines fit (54 + 4 padding).
        let pages = try Paginator(bodyHeight: 100).paginate([table(rows: [2, 8], breaking: .betweenLines)])
        XCTAssertEqual(pages.count, 2)
        let first = tableTexts(pages[0][0]), second = tableTexts(pages[1][0])
        XCTAssertTrue(first.contains("r1-4"))
        XCTAssertFalse(first.contains("r1-5"))
        XCTAssertTrue(second.contains("r1-5") && second.contains("r1-7"))
        XCTAssertTrue(second.contains("H0"), "header repeated over the continued row")
    }

    func testRowTallerThanAPageIsCutEvenWhenRowsStayWhole() throws {
        let pages = try Paginator(bodyHeight: 100).paginate([table(rows: [20], breaking: .keepRowsWhole)])
        XCTAssertGreaterThanOrEqual(pages.count, 3)
        let all = pages.flatMap { $0.flatMap(tableTexts) }
        for line in 0..<20 { XCTAssertEqual(all.filter { $0 == "r0-\(line)" }.count, 1, "line \(line) drawn once") }
    }

    func testHeadingIsNeverLastOnAPage() throws {
        var filler = LineStack()
        for _ in 0..<8 { filler.append("filler", font: font, color: .black, x: 0, leading: 10, metrics: measurer.metrics(of: font)) }
        let heading = TextBlock(stack: cell(1, "Heading"), keepWithNext: true)
        let paragraph = TextBlock(stack: cell(6, "p"))
        let pages = try Paginator(bodyHeight: 100).paginate([TextBlock(stack: filler), heading, paragraph])
        // 80 used; heading (10) + two lines (20) would need 110: the heading moves to page 2.
        XCTAssertEqual(pages.count, 2)
        XCTAssertEqual(pages[0].count, 1)
        XCTAssertEqual(tableTexts(pages[1][0]), ["Heading0"])
    }

    func testParagraphLeavesNoSingleLineAtFootOrHead() throws {
        var filler = LineStack()
        for _ in 0..<9 { filler.append("filler", font: font, color: .black, x: 0, leading: 10, metrics: measurer.metrics(of: font)) }
        // One line of room: a lone first line (orphan) is not allowed, so the paragraph moves.
        let pages = try Paginator(bodyHeight: 100).paginate([TextBlock(stack: filler), TextBlock(stack: cell(5, "p"))])
        XCTAssertEqual(pages[0].count, 1)
        // Three lines of room with a 4-line paragraph: 3 + 1 would leave a widow, so 2 + 2.
        var shorter = LineStack()
        for _ in 0..<7 { shorter.append("filler", font: font, color: .black, x: 0, leading: 10, metrics: measurer.metrics(of: font)) }
        let split = try Paginator(bodyHeight: 100).paginate([TextBlock(stack: shorter), TextBlock(stack: cell(4, "p"))])
        XCTAssertEqual(split.count, 2)
        XCTAssertEqual(tableTexts(split[0][1]), ["p0", "p1"])
        XCTAssertEqual(tableTexts(split[1][0]), ["p2", "p3"])
    }
}

extension PaginationTests {
    func testHeadingStaysWithATableWhoseFirstRowIsTallerThanAPage() throws {
        var filler = LineStack()
        for _ in 0..<5 { filler.append("filler", font: font, color: .black, x: 0, leading: 10, metrics: measurer.metrics(of: font)) }
        let heading = TextBlock(stack: cell(1, "Heading"), keepWithNext: true)
        let pages = try Paginator(bodyHeight: 100).paginate([TextBlock(stack: filler), heading,
                                                         table(rows: [20], breaking: .keepRowsWhole)])
        // Heading (10) + header (14) + two lines of the row (24) fit below the filler (50).
        XCTAssertEqual(pages[0].count, 3, "heading and the start of the table share page 1")
        let all = pages.flatMap { $0.flatMap(tableTexts) }
        for line in 0..<20 { XCTAssertEqual(all.filter { $0 == "r0-\(line)" }.count, 1) }
    }

    func testCellsWithDifferentLineSpacingStillFillThePage() throws {
        // One cell spaces its lines by 1.5 extra: a common cut height would rarely exist.
        var spaced = LineStack()
        for index in 0..<30 {
            if index > 0 { spaced.appendSpace(1.5) }
            spaced.append("s\(index)", font: font, color: .black, x: 0, leading: 10, metrics: measurer.metrics(of: font))
        }
        let block = TableBlock(columnWidths: [50, 50], header: .init(cells: [cell(1, "H"), cell(1, "H")]),
                               rows: [.init(cells: [cell(30, "c"), spaced])], look: look, rowBreaking: .keepRowsWhole,
                               continuationCaption: nil, spaceBefore: 0, pageBodyHeight: 100, measurer: measurer)
        let pages = try Paginator(bodyHeight: 100).paginate([block])
        let first = tableTexts(pages[0][0])
        XCTAssertTrue(first.contains("c7") && first.contains("s6"), "page 1 is filled: \(first)")
        XCTAssertLessThanOrEqual(pages.count, 5)
    }
}
