import FolioLayout
import FolioModel
import XCTest

/// The right-to-left mirror: boxes move, letters do not, order stays logical.
final class MirroringTests: XCTestCase {
    let measurer = Fixtures.measurer
    let font = FontSpec(family: "Noto Sans", size: 10)
    let black = Color(red: 0, green: 0, blue: 0)
    let size = Size(width: 200, height: 100)

    func testTextMovesToTheMirroredBoxAndReadsRightToLeft() throws {
        // 7 characters × 0.5 × 10 = 35 points wide, starting 20 points from the left.
        let frame = Frame(size: size, items: [.text(TextItem("أفريقيا", font: font, color: black, origin: Point(x: 20, y: 40)))])
        let mirrored = frame.mirrored(measurer: measurer)
        guard case .text(let text) = mirrored.items.first else { return XCTFail("text expected") }
        XCTAssertEqual(text.origin.x, 200 - 20 - 35, accuracy: 1e-9)
        XCTAssertEqual(text.origin.y, 40)
        XCTAssertTrue(text.rightToLeft)
        XCTAssertEqual(text.text, "أفريقيا", "letters are never reversed; the painter shapes them")
        XCTAssertFalse(TextItem("x", font: font, color: black, origin: .zero).rightToLeft, "left to right unless mirrored")
    }

    func testOnlyLinesWithoutRightToLeftLettersButWithOthersStayLeftToRight() {
        let lines = ["المؤشر 4.1": true, "ILO تقرير 2026": true, "110 %": true, " . . . .": true, "٣٠": true,
                     "Viet Nam": false, "Indicator 4.1.": false, "Россия": false, "中国": false]
        for (text, rightToLeft) in lines {
            let item = TextItem(text, font: font, color: black, origin: Point(x: 10, y: 10))
            guard case .text(let mirrored) = FrameItem.text(item).mirroredForTest(measurer: measurer) else { return XCTFail() }
            XCTAssertEqual(mirrored.rightToLeft, rightToLeft, text)
        }
    }

    func testRotatedTextKeepsItsAngleAndItsBoxMirrors() throws {
        // Reads bottom to top: the box spans x from origin − ascent to origin + descent.
        let title = TextItem("Member States", font: font, color: black, origin: Point(x: 12, y: 90), rotation: -Double.pi / 2)
        let mirrored = Frame(size: size, items: [.text(title)]).mirrored(measurer: measurer)
        guard case .text(let text) = mirrored.items.first else { return XCTFail("text expected") }
        let ascent = 8.0, descent = 2.0
        XCTAssertEqual(text.rotation, title.rotation)
        XCTAssertEqual(text.origin.y, 90, accuracy: 1e-9, "a vertical title keeps its height")
        // Old box: [12 − 8, 12 + 2] = [4, 14]; its mirror: [186, 196]; the baseline is 8 from the left of it.
        XCTAssertEqual(text.origin.x - ascent, 200 - (12 + descent), accuracy: 1e-9)
        XCTAssertEqual(text.origin.x + descent, 200 - (12 - ascent), accuracy: 1e-9)
    }

    func testShapesLinksAndGroupsMirrorAnchorsAndStructureStay() throws {
        let chart = Frame(size: Size(width: 50, height: 20), items: [.rect(Rect(x: 0, y: 5, width: 10, height: 10), fill: black, stroke: nil)])
        let stroke = Stroke(color: black, width: 1)
        let frame = Frame(size: size, items: [
            .beginStructure("Figure"),
            .rect(Rect(x: 10, y: 10, width: 40, height: 5), fill: black, stroke: nil),
            .line(from: Point(x: 0, y: 1), to: Point(x: 30, y: 2), stroke: stroke),
            .group(chart, origin: Point(x: 20, y: 50), scale: 2),
            .link(Rect(x: 5, y: 60, width: 100, height: 12), destination: "outcome-4"),
            .anchor(name: "outcome-4", at: Point(x: 5, y: 60)),
            .endStructure("Figure"),
        ])
        let mirrored = frame.mirrored(measurer: measurer)
        XCTAssertEqual(mirrored.size, size)
        XCTAssertEqual(mirrored.items.count, frame.items.count)
        XCTAssertEqual(mirrored.items[0], .beginStructure("Figure"))
        XCTAssertEqual(mirrored.items[1], .rect(Rect(x: 150, y: 10, width: 40, height: 5), fill: black, stroke: nil))
        XCTAssertEqual(mirrored.items[2], .line(from: Point(x: 200, y: 1), to: Point(x: 170, y: 2), stroke: stroke))
        // The group covered x 20…120; mirrored it covers 80…180, and its bar moved to its own right end.
        let inner = Frame(size: chart.size, items: [.rect(Rect(x: 40, y: 5, width: 10, height: 10), fill: black, stroke: nil)])
        XCTAssertEqual(mirrored.items[3], .group(inner, origin: Point(x: 80, y: 50), scale: 2))
        XCTAssertEqual(mirrored.items[4], .link(Rect(x: 95, y: 60, width: 100, height: 12), destination: "outcome-4"))
        XCTAssertEqual(mirrored.items[5], .anchor(name: "outcome-4", at: Point(x: 5, y: 60)), "destinations name the view's left edge")
        XCTAssertEqual(mirrored.items[6], .endStructure("Figure"))
    }

    func testMirroringTwiceGivesBackTheLayout() throws {
        let document = try BriefingLayout(style: .standard, measurer: measurer).document(for: Fixtures.report)
        let twice = document.mirroredForRightToLeft(measurer: measurer).mirroredForRightToLeft(measurer: measurer)
        XCTAssertEqual(twice.pages.count, document.pages.count)
        for (original, back) in zip(document.pages, twice.pages) {
            XCTAssertEqual(Self.leftToRight(back.frame).roundedPositions, original.frame.roundedPositions)
        }
    }

    func testBriefingPagesAreMirrorImagesWithTheSameReadingOrder() throws {
        let document = try BriefingLayout(style: .standard, measurer: measurer).document(for: Fixtures.report)
        let mirrored = document.mirroredForRightToLeft(measurer: measurer)
        XCTAssertEqual(mirrored.outline, document.outline)
        XCTAssertEqual(mirrored.pageLabels, document.pageLabels)
        XCTAssertEqual(mirrored.figureAlternatives, document.figureAlternatives)
        let width = Style.standard.pageSize.width
        for (original, page) in zip(document.pages, mirrored.pages) {
            XCTAssertEqual(Self.texts(page.frame).map(\.text), Self.texts(original.frame).map(\.text), "reading order is kept")
            for text in Self.texts(page.frame) {
                XCTAssertEqual(text.rightToLeft, !text.text.contains { $0.isLetter }, "English lines keep their direction: \(text.text)")
            }
            let before = original.frame.textBoxes(measurer: measurer)
            let after = page.frame.textBoxes(measurer: measurer)
            XCTAssertEqual(before.count, after.count)
            for (box, image) in zip(before, after) {
                XCTAssertEqual(image.maxX, width - box.minX, accuracy: 1e-6)
                XCTAssertEqual(image.minY, box.minY, accuracy: 1e-9)
            }
        }
    }

    func testRegionBarsGrowFromTheRightAndLabelsStayOnTheCanvas() throws {
        let chartSize = Size(width: 800, height: 450)
        let chart = ChartKind.regions.layout(outcome: Fixtures.outcome, report: Fixtures.report, size: chartSize,
                                             style: .standard, measurer: measurer)
        let mirrored = chart.mirrored(measurer: measurer)
        func rects(_ frame: Frame, color: Color) -> [Rect] {
            frame.items.compactMap { if case .rect(let r, let fill, _) = $0, fill == color { return r } else { return nil } }
        }
        // The first region's segments started each bar at the plot's left; now they end it at the right.
        let africa = Style.standard.regionColor(at: 0)
        let before = rects(chart, color: africa), after = rects(mirrored, color: africa)
        XCTAssertGreaterThan(before.count, 1)
        XCTAssertEqual(before.count, after.count)
        for (left, right) in zip(before, after) { XCTAssertEqual(right.maxX, chartSize.width - left.minX, accuracy: 1e-9) }
        let canvas = Rect(x: 0, y: 0, width: chartSize.width, height: chartSize.height)
        for box in mirrored.textBoxes(measurer: measurer) { XCTAssertTrue(canvas.contains(box), "\(box) leaves the canvas") }
    }

    // MARK: - Helpers

    static func texts(_ frame: Frame) -> [TextItem] {
        frame.items.flatMap { item -> [TextItem] in
            switch item {
            case .text(let text): return [text]
            case .group(let inner, _, _): return texts(inner)
            default: return []
            }
        }
    }

    /// The frame with every text marked left to right again, to compare with an unmirrored one.
    static func leftToRight(_ frame: Frame) -> Frame {
        Frame(size: frame.size, items: frame.items.map { item in
            switch item {
            case .text(var text): text.rightToLeft = false; return .text(text)
            case .group(let inner, let origin, let scale): return .group(leftToRight(inner), origin: origin, scale: scale)
            default: return item
            }
        })
    }
}

private extension FrameItem {
    func mirroredForTest(measurer: TextMeasurer) -> FrameItem {
        Frame(size: Size(width: 100, height: 100), items: [self]).mirrored(measurer: measurer).items[0]
    }
}

private extension Frame {
    /// The frame with positions rounded to a millionth of a point: mirroring twice adds rounding noise.
    var roundedPositions: Frame {
        func r(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
        func r(_ point: Point) -> Point { Point(x: r(point.x), y: r(point.y)) }
        func r(_ rect: Rect) -> Rect { Rect(x: r(rect.minX), y: r(rect.minY), width: r(rect.width), height: r(rect.height)) }
        return Frame(size: size, items: items.map { item in
            switch item {
            case .text(var text): text.origin = r(text.origin); return .text(text)
            case .rect(let rect, let fill, let stroke): return .rect(r(rect), fill: fill, stroke: stroke)
            case .line(let from, let to, let stroke): return .line(from: r(from), to: r(to), stroke: stroke)
            case .group(let inner, let origin, let scale): return .group(inner.roundedPositions, origin: r(origin), scale: scale)
            case .link(let rect, let destination): return .link(r(rect), destination: destination)
            default: return item
            }
        })
    }
}
