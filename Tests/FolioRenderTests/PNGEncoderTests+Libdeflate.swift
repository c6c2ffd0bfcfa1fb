import FolioLayout
@testable import FolioRender
import Foundation
import XCTest

/// Every compressor (zlib strips, `RowMatchDeflate`, libdeflate at its lowest and highest level)
/// writes the same pixels, on edge cases and on real charts, checked by Cairo, Pillow and pngcheck.
extension PNGEncoderTests {
    /// The encoders compared in Docs/png-encoder.md.
    static var everyCompressor: [(String, PNGEncoder)] {
        var encoders: [(String, PNGEncoder)] = [("small", PNGEncoder()), ("fast", PNGEncoder(compression: .fast))]
        for level: Int32 in [1, 12] {
            var encoder = PNGEncoder()
            encoder.options.libdeflateLevel = level
            encoders.append(("libdeflate \(level)", encoder))
        }
        return encoders
    }

    func testEveryCompressorIsLosslessOnEdgeCases() throws {
        var numbers = SeededNumbers(state: 0x2545_F491_4F6C_DD1D)
        let images: [(String, Pixels)] = [
            ("1×1", Pixels(width: 1, height: 1) { _, _ in 0xFF33_6699 }),
            ("1×1 transparent", Pixels(width: 1, height: 1) { _, _ in 0 }),
            ("width 1", Pixels(width: 1, height: 300) { _, y in Pixels.opaque(UInt32(y % 300) &* 0x01_0203) }),
            ("tall", Pixels(width: 3, height: 4000) { x, y in Pixels.opaque(UInt32((y / 7 + x) % 400) &* 0x00_0301) }),
            ("256 colours", Pixels(width: 64, height: 40) { x, y in Pixels.opaque(UInt32((x + y * 64) % 256) &* 0x01_0101) }),
            ("257 colours", Pixels(width: 64, height: 40) { x, y in Pixels.opaque(UInt32((x + y * 64) % 257) &* 0x01_0101) }),
            ("translucent", Pixels(width: 300, height: 50) { x, y in
                let alpha = UInt32((x + y) % 256)
                return alpha << 24 | UInt32(y % (Int(alpha) + 1)) << 16 | UInt32(x % (Int(alpha) + 1)) }),
            ("huge runs", Pixels(width: 1500, height: 400) { x, y in
                y < 200 ? 0xFFFF_FFFF : x < 1499 ? 0xFF00_72B2 : 0xFF11_2233 }),
            ("noise", Pixels(width: 200, height: 100) { _, _ in Pixels.opaque(numbers.next()) }),
            ("32767 wide", Pixels(width: 32767, height: 4) { x, y in
                y == 2 ? Pixels.opaque(numbers.next()) : Pixels.opaque(UInt32(x / 100 % 300) &* 0x01_0301) }),
        ]
        for (name, image) in images {
            for (compressor, encoder) in Self.everyCompressor {
                let png = image.encode(encoder)
                try assertLossless(png, image, "\(name), \(compressor)")
                try assertPNGCheckPasses(png, "\(name), \(compressor)")
                XCTAssertEqual(image.encode(encoder), png, "\(name), \(compressor): same bytes every time")
            }
        }
    }

    /// The real charts: each compressor gives the pixels Cairo drew, exactly.
    func testEveryCompressorIsLosslessOnRealCharts() throws {
        let report = try TestSupport.loadSample()
        for kind in [ChartKind.targets, .regions, .progress] {
            let frame = kind.layout(outcome: report.outcomes[0], report: report, size: Size(width: 1600, height: 900),
                                    style: .standard, measurer: TestSupport.renderer.measurer)
            let image = try render(frame, scale: 1)
            for (compressor, encoder) in Self.everyCompressor {
                let png = image.encode(encoder)
                try assertLossless(png, image, "\(kind), \(compressor)")
                try assertPNGCheckPasses(png, "\(kind), \(compressor)")
            }
        }
    }

    func testPNGCheckCatchesADamagedStream() throws {
        var png = Pixels(width: 40, height: 30) { x, y in Pixels.opaque(UInt32(x * 5 + y * 400)) }.encode()
        try assertPNGCheckPasses(png, "intact")
        let idat = try XCTUnwrap(png.indices.first { png[$0..<min(png.count, $0 + 4)].elementsEqual("IDAT".utf8) })
        png[idat + 10] ^= 0xFF
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("damaged.png")
        try Data(png).write(to: path)
        XCTAssertNotEqual(try TestSupport.run("pngcheck", ["-q", path.path]).status, 0, "pngcheck must reject a damaged IDAT")
    }

    /// pngcheck reads every chunk and inflates the image data (installed by Scripts/setup.sh).
    func assertPNGCheckPasses(_ png: [UInt8], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("image.png")
        try Data(png).write(to: path)
        let run = try TestSupport.run("pngcheck", ["-q", path.path])
        XCTAssertEqual(run.status, 0, "pngcheck (apt install pngcheck): \(run.stdout) \(run.stderr) \(message)", file: file, line: line)
    }
}
