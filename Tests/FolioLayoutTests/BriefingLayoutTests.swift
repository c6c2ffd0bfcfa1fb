import FolioLayout
import FolioModel
import XCTest

final class BriefingLayoutTests: XCTestCase {
    func pages(_ report: Report) -> [Page] {
        BriefingLayout(style: .standard, measurer: Fixtures.measurer).document(for: report).pages
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

    func testNothingIsDrawnOutsideThePageOrOverOtherText() {
        var report = Fixtures.report
        report.outcomes[0].narrative = [NarrativeSection(heading: "How the strategy delivered",
                                                         paragraphs: Array(repeating: String(repeating: "word ", count: 180), count: 9))]
        let laidOut = pages(report)
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

    func testFooterCountsPages() {
        let laidOut = pages(Fixtures.report)
        let footers = texts(laidOut).filter { $0.item.text.hasPrefix("Page ") }.map(\.item.text)
        XCTAssertEqual(footers, (1...laidOut.count).map { "Page \($0) of \(laidOut.count)" })
    }

    func testResultsTableShowsPublishedResultWithTerritories() {
        let all = texts(pages(Fixtures.report)).map(\.item.text)
        XCTAssertTrue(all.contains("Indicator 4.2"))
        XCTAssertTrue(all.joined(separator: " ").contains("24 member States and 1 territory"))
    }
}

extension Rect {
    func insetBy(_ amount: Double) -> Rect {
        Rect(x: minX + amount, y: minY + amount, width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
    }
}
