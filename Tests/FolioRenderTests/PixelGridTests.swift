import FolioLayout
import FolioRender
import Foundation
import XCTest

/// Images put rectangles and level or upright lines on whole pixels; vector output keeps them where
/// layout put them.
final class PixelGridTests: XCTestCase {
    let black = 0xFF00_0000 as UInt32
    let white = 0xFFFF_FFFF as UInt32

    /// A frame whose edges all fall between pixels at scale 2.
    func frame() -> Frame {
        Frame(size: Size(width: 100, height: 60), items: [
            .rect(Rect(x: 0, y: 0, width: 100, height: 60), fill: .white, stroke: nil),
            // Grid line: 0.8 wide at y 10.3 → 1.6 px at y 20.6 → two whole rows.
            .line(from: Point(x: 10.3, y: 10.3), to: Point(x: 90.2, y: 10.3), stroke: Stroke(color: .black, width: 0.8)),
            // Upright line: 0.4 wide at x 50.2 → 0.8 px → one whole column.
            .line(from: Point(x: 50.2, y: 20.1), to: Point(x: 50.2, y: 28.8), stroke: Stroke(color: .black, width: 0.4)),
            // Bar with sides at 20.6 and 61.2 px.
            .rect(Rect(x: 10.3, y: 35.2, width: 20.3, height: 10.1), fill: .black, stroke: nil),
            // Thinner than a pixel: kept, one pixel wide.
            .rect(Rect(x: 70.1, y: 35.2, width: 0.2, height: 10), fill: .black, stroke: nil),
            // Outlined box, outline 0.5 wide → one pixel, on whole pixels as well.
            .rect(Rect(x: 60.3, y: 48.2, width: 10.1, height: 8.3), fill: .white, stroke: Stroke(color: .black, width: 0.5)),
        ])
    }

    func testImageEdgesFallOnWholePixels() throws {
        let image = try XCTUnwrap(RasterImage(png: try TestSupport.renderer.png(frame(), scale: 2)))
        func pixel(_ x: Int, _ y: Int) -> UInt32 { image.pixels[y * image.width + x] }
        // No pixel anywhere is a blend: every edge is whole.
        XCTAssertEqual(Set(image.pixels), [black, white])

        XCTAssertEqual((19...22).map { pixel(100, $0) }, [white, black, black, white], "grid line rows")
        XCTAssertEqual(pixel(21, 20), black, "line starts at its rounded end")
        XCTAssertEqual(pixel(20, 20), white)
        XCTAssertEqual(pixel(179, 20), black)
        XCTAssertEqual(pixel(180, 20), white)

        XCTAssertEqual((99...101).map { pixel($0, 50) }, [white, black, white], "upright line: one column")

        XCTAssertEqual((20...23).map { pixel($0, 80) }, [white, black, black, black], "bar's left side")
        XCTAssertEqual((59...62).map { pixel($0, 80) }, [black, black, white, white], "bar's right side")
        XCTAssertEqual((139...141).map { pixel($0, 80) }, [white, black, white], "hairline bar")
        // Box from 120.6 to 140.8 px: its outline is the columns 120 and 140.
        XCTAssertEqual((119...122).map { pixel($0, 105) }, [white, black, white, white], "box outline, left")
        XCTAssertEqual((139...141).map { pixel($0, 105) }, [white, black, white], "box outline, right")
    }

    func testVectorOutputKeepsLayoutsCoordinates() throws {
        let svg = String(decoding: try TestSupport.renderer.svg(frame()), as: UTF8.self)
        XCTAssertTrue(svg.contains("10.3"), "the bar's and line's fractional positions are written as laid out")
        XCTAssertTrue(svg.contains("70.1"))
    }
}
