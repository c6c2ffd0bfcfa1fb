import FolioLanguage
import FolioLayout
import FolioModel
import XCTest

final class BriefingLayoutTests: XCTestCase {
    func pages(_ report: Report) throws -> [Page] {
        try BriefingLayout(style: .standard, measurer: Fixtures.measurer).document(for: report).pages
    }

    /// Every text line of every page, with its page number.
    func texts(_ pages: [Page]) -> [(page: Int, item: TextItem)] {
        func walk(_ frame: Frame, _ page: Int, _ dx: Double, _ dy: Double) -> [(Int, TextItem)] {
            frame.items.flatMap { item -> [(Int, TextItem)] in
                switch item {
                case .text(var text):
                    text.origin = Point(x: text.origin.x + dx, y: text.origin.y + dy)
                    return [(page, text)]
                default: return []
                }
            }
        }
        return pages.enumerated().flatMap { walk($0.element.frame, $0.offset + 1, 0, 0) }
    }

    func testNothingIsDrawnOutsideThePageOrOverOtherText() throws {
        var report = Fixtures.report
        report.outcomes[0].narrative = [NarrativeSection(heading: "How the strategy delivered",
                                                         paragraphs: Array(repeating: String(repeating: "word ", count: 180), count: 9))]
        let laidOut = try pages(report)
        XCTAssertGreaterThan(laidOut.count, 2)
        let page = Rect(x: 0, y: 0, width: Style.standard.pageSize.width, height: Style.standard.pageSize.height)
        for number in 1...laidOut.count {
            let boxes = laidOut[number - 1].frame.textBoxes(measurer: Fixtures.measurer)
            for box in boxes { XCTAssertTrue(page.contains(box), "page \(number): \(box) leaves the page") }
            for i in boxes.indices { for j in boxes.indices where i < j {
                XCTAssertFalse(boxes[i].insetBy(0.5).intersects(boxes[j].insetBy(0.5)), "page \(number): text overlaps")
            } }
        }
    }

    func testBodyPagesAreCountedAfterCoverAndContents() throws {
        let document = try BriefingLayout(style: .standard, measurer: Fixtures.measurer).document(for: Fixtures.report)
        let footers = texts(document.pages).filter { $0.item.text.hasPrefix("Page ") }
        let body = document.pages.count - 2
        XCTAssertEqual(footers.map(\.item.text), (1...body).map { "Page \($0) of \(body)" })
        XCTAssertEqual(footers.first?.page, 3, "cover and contents come first")
        XCTAssertEqual(Array(document.pageLabels.prefix(3)), ["i", "ii", "1"])
        XCTAssertEqual(document.pageLabels.count, document.pages.count)
    }

    func testContentsListsOutcomesWithTheirPagesAndLinks() throws {
        var report = Fixtures.report
        report.outcomes.append(Outcome(id: "5", title: "Second outcome", narrative: [
            NarrativeSection(heading: "Only prose", paragraphs: ["Text."])]))
        let document = try BriefingLayout(style: .standard, measurer: Fixtures.measurer).document(for: report)
        let contents = document.pages[1].frame.items
        let links = contents.compactMap { if case .link(_, let destination) = $0 { return destination } else { return nil } }
        XCTAssertEqual(links, ["summary", "summary-indicators", "summary-overview", "summary-regions", "outcome-1",
                               "outcome-1-results", "outcome-2", "outcome-2-narrative-1"])
        // Each outcome starts a page: the anchor of outcome 2 sits on a later page than outcome 1's.
        func page(of anchor: String) -> Int? {
            document.pages.firstIndex { $0.frame.items.contains { if case .anchor(anchor, _) = $0 { return true } else { return false } } }
        }
        let first = try! XCTUnwrap(page(of: "outcome-1")), second = try! XCTUnwrap(page(of: "outcome-2"))
        XCTAssertGreaterThan(second, first)
        let numbers = texts([document.pages[1]]).map(\.item.text)
        XCTAssertTrue(numbers.contains(String(second - 1)), "contents shows outcome 2 on body page \(second - 1)")
        XCTAssertTrue(texts([document.pages[second]]).contains { $0.item.text.contains("This outcome reports no indicators") })
        XCTAssertEqual(document.outline.first?.children.map(\.title),
                       ["Summary", Edition.english.heading(report.outcomes[0]), "Outcome 5: Second outcome"])
        XCTAssertEqual(document.outline.first?.children[2].children.map(\.destination), ["outcome-2-narrative-1"])
    }

    func testResultsTableShowsPublishedResultWithTerritories() throws {
        let all = try texts(pages(Fixtures.report)).map(\.item.text)
        XCTAssertTrue(all.contains("Indicator 4.2"))
        XCTAssertTrue(all.joined(separator: " ").contains("24 member States and 1 territory"))
    }
}

extension Rect {
    func insetBy(_ amount: Double) -> Rect {
        Rect(x: minX + amount, y: minY + amount, width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
    }
}
