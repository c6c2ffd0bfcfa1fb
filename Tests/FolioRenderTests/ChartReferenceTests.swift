import FolioLayout
import FolioRender
import Foundation
import XCTest

/// Charts compared with reviewed reference images, pixel by pixel with a small tolerance.
///
/// On a mismatch, `Failures/<name>.png` shows expected | differences | actual. To accept a change,
/// run with FOLIO_RECORD=1, look at the new images in References/, and commit them; a recording
/// run fails on purpose so it cannot pass CI by accident.
final class ChartReferenceTests: XCTestCase {
    /// Per-channel difference (0–255) below which pixels count as equal: absorbs antialiasing noise.
    let channelTolerance = 24
    /// Share of pixels allowed to differ beyond that.
    let pixelTolerance = 0.002

    func testTargetsChart() throws { try compare(.targets) }
    func testRegionsChart() throws { try compare(.regions) }
    func testMapChart() throws { try compare(.map) }

    func compare(_ kind: ChartKind, file: StaticString = #filePath, line: UInt = #line) throws {
        let report = try TestSupport.loadSample()
        let bytes = try TestSupport.renderer.chart(kind, outcome: report.outcomes[0], report: report,
                                                   options: ChartOptions(format: .png, width: 640, height: 360))
        let actual = try XCTUnwrap(RasterImage(png: bytes))
        XCTAssertEqual(actual.width, 640)
        XCTAssertEqual(actual.height, 360)
        let name = "outcome4-\(kind.rawValue)-640x360.png"
        let reference = TestSupport.references.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FOLIO_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: TestSupport.references, withIntermediateDirectories: true)
            try Data(bytes).write(to: reference)
            XCTFail("recorded \(name): review it, then run again without FOLIO_RECORD", file: file, line: line)
            return
        }
        guard let data = try? Data(contentsOf: reference), let expected = RasterImage(png: Array(data)) else {
            XCTFail("no reference image \(name); run with FOLIO_RECORD=1 and review it", file: file, line: line)
            return
        }
        let (share, diff) = difference(expected, actual)
        if share > pixelTolerance {
            try FileManager.default.createDirectory(at: TestSupport.failures, withIntermediateDirectories: true)
            let output = TestSupport.failures.appendingPathComponent(name)
            try Data(diff.png()).write(to: output)
            XCTFail(String(format: "%.2f%% of pixels differ from %@; see %@", share * 100, name, output.path),
                    file: file, line: line)
        }
    }

    /// Share of differing pixels, and a side-by-side image: expected | mismatches in red | actual.
    func difference(_ expected: RasterImage, _ actual: RasterImage) -> (Double, RasterImage) {
        let width = max(expected.width, actual.width), height = max(expected.height, actual.height)
        var canvas = [UInt32](repeating: 0xFFFF_FFFF, count: width * 3 * height)
        var differing = 0
        func channels(_ p: UInt32) -> [Int] { [Int(p >> 24), Int((p >> 16) & 0xFF), Int((p >> 8) & 0xFF), Int(p & 0xFF)] }
        for y in 0..<height {
            for x in 0..<width {
                let inExpected = x < expected.width && y < expected.height
                let inActual = x < actual.width && y < actual.height
                let e = inExpected ? expected.pixels[y * expected.width + x] : 0
                let a = inActual ? actual.pixels[y * actual.width + x] : 0
                let same = inExpected && inActual && zip(channels(e), channels(a)).allSatisfy { abs($0 - $1) <= channelTolerance }
                if !same { differing += 1 }
                canvas[y * width * 3 + x] = e
                canvas[y * width * 3 + width + x] = same ? 0xFFEE_EEEE : 0xFFFF_0000
                canvas[y * width * 3 + 2 * width + x] = a
            }
        }
        return (Double(differing) / Double(width * height), RasterImage(width: width * 3, height: height, pixels: canvas))
    }
}
