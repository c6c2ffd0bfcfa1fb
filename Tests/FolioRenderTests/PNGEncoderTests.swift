import CCairo
import FolioLayout
@testable import FolioRender
import Foundation
import XCTest

/// The PNG encoder: lossless (decoded by Cairo's reader and by Pillow), valid chunks in a valid
/// order, pHYs and sRGB, each colour type, every filter, odd sizes, and the same bytes every time.
final class PNGEncoderTests: XCTestCase {
    // MARK: - Colour types

    func testPalettePathAtEachBitDepth() throws {
        for (colors, depth) in [(2, 1), (3, 2), (4, 2), (11, 4), (16, 4), (17, 8), (256, 8)] {
            let image = Pixels(width: 37, height: 23) { x, y in Pixels.opaque(UInt32((x * 7 + y * 3) % colors) &* 0x01_0305) }
            let png = image.encode()
            let chunks = try Chunks(png)
            XCTAssertEqual(chunks.colorType, 3, "\(colors) colours")
            XCTAssertEqual(chunks.bitDepth, UInt8(depth), "\(colors) colours")
            XCTAssertEqual(chunks.data("PLTE")?.count, 3 * colors)
            XCTAssertNil(chunks.data("tRNS"), "opaque palette needs no tRNS")
            try assertLossless(png, image)
        }
    }

    func testPaletteWithTransparency() throws {
        // Transparent background, an opaque square and a half-transparent one: three colours, two translucent.
        let image = Pixels(width: 40, height: 30) { x, y in
            if (5..<20).contains(x) && (5..<20).contains(y) { return 0xFF20_4080 }
            if (22..<35).contains(x) && (10..<25).contains(y) { return 0x8000_4000 }  // premultiplied 50 % green
            return 0
        }
        let png = image.encode()
        let chunks = try Chunks(png)
        XCTAssertEqual(chunks.colorType, 3)
        XCTAssertEqual(chunks.bitDepth, 2)
        // Translucent entries first, so tRNS covers only them.
        XCTAssertEqual(chunks.data("tRNS"), [0x00, 0x80])
        try assertLossless(png, image)
    }

    func testRGBWhenOpaqueWithManyColors() throws {
        let image = Pixels(width: 300, height: 200) { x, y in Pixels.opaque(UInt32(x) << 16 | UInt32(y) << 8 | UInt32((x ^ y) & 0xFF)) }
        let png = image.encode()
        let chunks = try Chunks(png)
        XCTAssertEqual(chunks.colorType, 2)
        XCTAssertEqual(chunks.bitDepth, 8)
        try assertLossless(png, image)
    }

    func testRGBAWithTranslucency() throws {
        // Every alpha, every premultiplied channel value up to it: the un-premultiplication must round-trip.
        let image = Pixels(width: 256, height: 64) { x, y in
            let alpha = UInt32(x)
            let channel = { (salt: Int) in alpha == 0 ? 0 : UInt32((y * 37 + salt * 11 + x) % (x + 1)) }
            return alpha << 24 | channel(0) << 16 | channel(1) << 8 | channel(2)
        }
        let png = image.encode()
        let chunks = try Chunks(png)
        XCTAssertEqual(chunks.colorType, 6)
        try assertLossless(png, image)
    }

    /// A frame without background, drawn by the renderer: what a chart on a transparent slide is.
    /// A renderer draws each PNG into the memory of the one before (`PixelBuffer`): an image with a
    /// transparent background drawn after an opaque one, and one larger than the memory kept, are
    /// what a new renderer draws.
    func testAPNGDrawnAfterAnotherIsWhatANewRendererDraws() throws {
        let transparent = Frame(size: Size(width: 300, height: 120), items: [
            .rect(Rect(x: 10, y: 10, width: 60, height: 40), fill: Color(red: 0, green: 0.45, blue: 0.7), stroke: nil),
        ])
        let opaque = Frame(size: Size(width: 320, height: 160), items: [
            .rect(Rect(x: 0, y: 0, width: 320, height: 160), fill: Color(red: 1, green: 0.5, blue: 0), stroke: nil),
        ])
        let renderer = try Renderer()
        let first = try renderer.png(transparent)
        _ = try renderer.png(opaque)
        XCTAssertEqual(try renderer.png(transparent), first, "a PNG drawn over the one before")
        XCTAssertEqual(try Renderer().png(transparent), first)
        // 2,000 × 1,200 pixels (9.2 MiB) are past the memory kept: drawn in memory of their own.
        let large = Frame(size: Size(width: 1000, height: 600), items: [
            .rect(Rect(x: 100, y: 100, width: 60, height: 40), fill: Color(red: 0, green: 0.45, blue: 0.7), stroke: nil),
        ])
        XCTAssertGreaterThan(2000 * 1200 * 4, PixelBuffer.largestKept)
        let largePNG = try renderer.png(large, scale: 2)
        try assertLossless(largePNG, try render(large, scale: 2))
        XCTAssertEqual(try renderer.png(transparent), first)
    }

    func testRendererFrameWithTransparentBackground() throws {
        let font = FontSpec(family: "Noto Sans", size: 14)
        let frame = Frame(size: Size(width: 200, height: 80), items: [
            .rect(Rect(x: 10, y: 10, width: 60, height: 40), fill: Color(red: 0, green: 0.45, blue: 0.7), stroke: nil),
            .rect(Rect(x: 50, y: 30, width: 60, height: 40), fill: Color(red: 1, green: 0.5, blue: 0, alpha: 0.5), stroke: nil),
            .text(TextItem("Transparent 42", font: font, color: Color(red: 0.1, green: 0.1, blue: 0.1), origin: Point(x: 90, y: 30))),
            .text(TextItem("on any slide", font: font, color: Color(red: 0.8, green: 0.1, blue: 0.3), origin: Point(x: 20, y: 70))),
            .line(from: Point(x: 0, y: 75), to: Point(x: 200, y: 55), stroke: Stroke(color: Color(red: 0, green: 0.6, blue: 0.2), width: 1.5)),
        ])
        let png = try TestSupport.renderer.png(frame, scale: 2, dpi: 192)
        let chunks = try Chunks(png)
        XCTAssertEqual(chunks.colorType, 6, "antialiased text over transparency: RGBA")
        XCTAssertEqual(chunks.pixelsPerMetre, 7559)
        let expected = try render(frame, scale: 2)
        try assertLossless(png, expected)
    }

    /// The real thing: the 1600×900 targets chart (more than 256 colours, opaque) in several strips.
    func testTargetsChartIsLosslessAndStriped() throws {
        let report = try TestSupport.loadSample()
        let frame = ChartKind.targets.layout(outcome: report.outcomes[0], report: report, size: Size(width: 1600, height: 900),
                                             style: .standard, measurer: TestSupport.renderer.measurer)
        let image = try render(frame, scale: 1)
        let png = image.encode()
        let chunks = try Chunks(png)
        XCTAssertEqual(chunks.colorType, 2)
        XCTAssertGreaterThan(image.stripCount(), 1, "a 1600×900 chart is compressed in several strips")
        XCTAssertLessThan(png.count, 72_000, "Cairo's own writer makes ≈ 76 KB of this chart")
        try assertLossless(png, image)
        XCTAssertEqual(image.encode(), png)
        var sequential = PNGEncoder()
        sequential.options.parallel = false
        XCTAssertEqual(image.encode(sequential), png, "strips on one thread or several: same bytes")
    }

    // MARK: - Chunks

    func testChunksOrderCRCAndPhysicalSize() throws {
        let image = Pixels(width: 20, height: 10) { x, y in x < 10 ? 0xFFFF_FFFF : 0xFF00_72B2 }
        for (dpi, perMetre) in [(96.0, UInt32(3780)), (192.0, UInt32(7559)), (300.0, UInt32(11811))] {
            let chunks = try Chunks(image.encode(PNGEncoder(dpi: dpi)))
            XCTAssertEqual(chunks.pixelsPerMetre, perMetre, "\(dpi) dpi")
            XCTAssertEqual(chunks.data("pHYs")?.last, 1, "unit: metre")
            XCTAssertEqual(chunks.data("sRGB"), [0], "rendering intent: perceptual")
        }
        XCTAssertEqual(try Chunks(image.encode()).pixelsPerMetre, 3780, "96 dpi by default")
        XCTAssertNil(try Chunks(image.encode(PNGEncoder(dpi: 0))).data("pHYs"), "no DPI, no pHYs")
        XCTAssertNil(try Chunks(image.encode(PNGEncoder(dpi: .nan))).data("pHYs"))
    }

    func testRendererWritesDPI() throws {
        let frame = Frame(size: Size(width: 30, height: 20), items: [
            .rect(Rect(x: 0, y: 0, width: 30, height: 20), fill: Color(red: 1, green: 1, blue: 1), stroke: nil),
        ])
        XCTAssertEqual(try Chunks(TestSupport.renderer.png(frame)).pixelsPerMetre, 3780)
        XCTAssertEqual(try Chunks(TestSupport.renderer.png(frame, scale: 2, dpi: 192)).pixelsPerMetre, 7559)
    }

    // MARK: - Filters, sizes, determinism

    func testEveryFilterIsLossless() throws {
        let images = [
            Pixels(width: 61, height: 40) { x, y in Pixels.opaque(UInt32((x / 8 + y / 5) % 5) &* 0x30_2010) },  // palette
            Pixels(width: 61, height: 40) { x, y in Pixels.opaque(UInt32(x * 4) << 16 | UInt32(y * 6) << 8 | UInt32(x * y & 0xFF)) },
            Pixels(width: 61, height: 40) { x, y in y % 9 == 0 ? 0 : UInt32(x * 4) << 24 | UInt32(x * 2) << 16 | UInt32(y % (x * 4 + 1)) },
        ]
        for image in images {
            for filter in PNGEncoder.RowFilter.allCases {
                var encoder = PNGEncoder()
                encoder.options.filter = filter
                encoder.options.strips = 3
                try assertLossless(image.encode(encoder), image, "\(filter)")
            }
        }
    }

    func testOddSizes() throws {
        let sizes = [(1, 1), (1, 1000), (3000, 1), (2, 3), (9, 1), (1, 9)]
        for (width, height) in sizes {
            let images = [
                Pixels(width: width, height: height) { _, _ in 0xFF12_3456 },  // one colour: 1-bit palette
                Pixels(width: width, height: height) { x, y in Pixels.opaque(UInt32(x * 2654 + y * 40503) & 0xFF_FFFF) },
                Pixels(width: width, height: height) { x, y in
                    let alpha = UInt32((x + y) % 256)
                    return alpha << 24 | UInt32((x * 7 + y) % (Int(alpha) + 1)) << 8
                },
            ]
            for image in images {
                try assertLossless(image.encode(), image, "\(width)×\(height)")
                var striped = PNGEncoder()
                striped.options.strips = 4
                try assertLossless(image.encode(striped), image, "\(width)×\(height), 4 strips")
            }
        }
    }

    func testSameBytesEveryTimeOnAnyNumberOfThreads() throws {
        let image = Pixels(width: 700, height: 500) { x, y in
            y % 50 < 20 ? 0xFFFF_FFFF : Pixels.opaque(UInt32((x * 13) ^ (y * 7)) & 0xFF_FFFF)
        }
        let first = image.encode()
        XCTAssertEqual(image.encode(), first)
        for strips in [1, 2, 3, 8] {
            var parallel = PNGEncoder(), sequential = PNGEncoder()
            parallel.options.strips = strips
            sequential.options.strips = strips
            sequential.options.parallel = false
            let bytes = image.encode(parallel)
            XCTAssertEqual(image.encode(parallel), bytes, "\(strips) strips")
            XCTAssertEqual(image.encode(sequential), bytes, "\(strips) strips, one thread")
            try assertLossless(bytes, image, "\(strips) strips")
        }
        // Concurrent encoders must not disturb each other either.
        let results = ResultSlots(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { index in results.set(index, image.encode()) }
        XCTAssertEqual(results.values, Array(repeating: first, count: 4))
    }

    func testIncompressibleImageSpansSeveralIDATChunks() throws {
        var numbers = SeededNumbers(state: 0x9E37_79B9_7F4A_7C15)
        let image = Pixels(width: 800, height: 500) { _, _ in Pixels.opaque(numbers.next()) }
        let png = image.encode()
        let chunks = try Chunks(png)
        XCTAssertGreaterThan(chunks.chunks.filter { $0.type == "IDAT" }.count, 1, "\(png.count) bytes")
        XCTAssertTrue(chunks.chunks.filter { $0.type == "IDAT" }.dropLast().allSatisfy { $0.data.count == PNGEncoder.maximumIDATLength })
        try assertLossless(png, image)
    }

    func testStrideAndPaddingAreRespected() throws {
        let image = Pixels(width: 13, height: 7, padding: 5, paddingValue: 0xDEAD_BEEF) { x, y in
            Pixels.opaque(UInt32(x * 19 + y * 1000))
        }
        try assertLossless(image.encode(), image)
    }

    // MARK: - Helpers

    /// Decodes with Cairo (premultiplied, must equal the source exactly) and with Pillow (straight RGBA,
    /// must equal Cairo's own un-premultiplication), and checks every chunk.
    func assertLossless(_ png: [UInt8], _ image: Pixels, _ message: String = "", file: StaticString = #filePath,
                        line: UInt = #line) throws {
        _ = try Chunks(png)
        let decoded = try XCTUnwrap(RasterImage(png: png), "Cairo cannot read it \(message)", file: file, line: line)
        XCTAssertEqual(decoded.width, image.width, message, file: file, line: line)
        XCTAssertEqual(decoded.height, image.height, message, file: file, line: line)
        if decoded.pixels != image.packed {
            let expected = image.packed
            let index = decoded.pixels.indices.first { $0 >= expected.count || decoded.pixels[$0] != expected[$0] } ?? 0
            XCTFail("pixels differ \(message), first at \(index % image.width),\(index / image.width)", file: file, line: line)
        }
        try assertPillowDecodes(png, image, message, file: file, line: line)
    }

    /// Queues the PNG for Pillow, which reads every queued PNG in one Python process when the test
    /// ends (`tearDownWithError`): a process each took a quarter of a second, most of these tests' time.
    func assertPillowDecodes(_ png: [UInt8], _ image: Pixels, _ message: String, file: StaticString, line: UInt) throws {
        guard PNGEncoderTests.pillowAvailable else { return }
        let checks = try pillowChecks ?? PillowChecks(folder: TestSupport.temporaryFolder())
        pillowChecks = checks
        try checks.add(png, straightRGBA: image.straightRGBA, message, file: file, line: line)
    }

    override func tearDownWithError() throws {
        guard let checks = pillowChecks else { return }
        pillowChecks = nil
        defer { try? FileManager.default.removeItem(at: checks.folder) }
        for (index, problem) in try checks.run() {
            let entry = checks.entries[index]
            XCTFail("\(problem) \(entry.message)", file: entry.file, line: entry.line)
        }
    }

    private var pillowChecks: PillowChecks?

    /// PNGs and the straight RGBA bytes Pillow must decode each to, as files in `folder`.
    final class PillowChecks {
        let folder: URL
        private(set) var entries: [(message: String, file: StaticString, line: UInt)] = []

        init(folder: URL) { self.folder = folder }

        func add(_ png: [UInt8], straightRGBA: [UInt8], _ message: String, file: StaticString, line: UInt) throws {
            try Data(png).write(to: folder.appendingPathComponent("\(entries.count).png"))
            try Data(straightRGBA).write(to: folder.appendingPathComponent("\(entries.count).rgba"))
            entries.append((message, file, line))
        }

        /// The checks that failed, by index, with what Pillow or zlib said.
        func run() throws -> [(Int, String)] {
            let script = """
                import os, struct, sys, zlib
                from PIL import Image
                folder, count = sys.argv[1], int(sys.argv[2])
                for index in range(count):
                    path = os.path.join(folder, f'{index}.png')
                    try:
                        png, offset, idat = open(path, 'rb').read(), 8, b''
                        while offset < len(png):
                            length, kind = struct.unpack('>I4s', png[offset:offset + 8])
                            if kind == b'IDAT': idat += png[offset + 8:offset + 8 + length]
                            offset += 12 + length
                        zlib.decompress(idat)  # checks the zlib stream's Adler-32, which image decoders may skip
                        Image.open(path).verify()  # chunk CRCs
                        image = Image.open(path); image.load()
                        if image.convert('RGBA').tobytes() != open(os.path.join(folder, f'{index}.rgba'), 'rb').read():
                            print(f"{index}\\tPillow's pixels differ")
                    except Exception as error:
                        print(f'{index}\\tPillow: {error!r}'.replace('\\n', ' '))
                """
            let run = try TestSupport.run("python3", ["-c", script, folder.path, String(entries.count)])
            guard run.status == 0 else { return entries.indices.map { ($0, "Pillow did not run: \(run.stderr)") } }
            return run.stdout.split(separator: "\n").compactMap { line in
                let fields = line.split(separator: "\t", maxSplits: 1)
                guard fields.count == 2, let index = Int(fields[0]) else { return nil }
                return (index, String(fields[1]))
            }
        }
    }

    static let pillowAvailable: Bool = {
        (try? TestSupport.run("python3", ["-c", "from PIL import Image"]).status) == 0
    }()

    /// The Pillow checks report what they must: a damaged stream, and pixels other than expected.
    func testPillowChecksReportDamageAndOtherPixels() throws {
        let image = Pixels(width: 40, height: 30) { x, y in Pixels.opaque(UInt32(x * 5 + y * 400)) }
        let checks = PillowChecks(folder: try TestSupport.temporaryFolder())
        defer { try? FileManager.default.removeItem(at: checks.folder) }
        let png = image.encode()
        let idat = try XCTUnwrap(png.indices.first { png[$0..<min(png.count, $0 + 4)].elementsEqual("IDAT".utf8) })
        var damaged = png
        damaged[idat + 10] ^= 0xFF
        var other = image.straightRGBA
        other[5] ^= 1
        try checks.add(png, straightRGBA: image.straightRGBA, "intact", file: #filePath, line: #line)
        try checks.add(damaged, straightRGBA: image.straightRGBA, "damaged", file: #filePath, line: #line)
        try checks.add(png, straightRGBA: other, "other pixels", file: #filePath, line: #line)
        let failures = try checks.run()
        XCTAssertEqual(failures.map(\.0), [1, 2], "\(failures)")
    }

    func testPillowIsAvailable() throws {
        guard PNGEncoderTests.pillowAvailable else {
            throw XCTSkip("python3 with Pillow is not installed: the other tests only decode with Cairo")
        }
    }

    /// Draws a frame onto a fresh ARGB32 surface, as `Renderer.png` does, and returns its pixels.
    func render(_ frame: Frame, scale: Double) throws -> Pixels {
        let width = Int((frame.size.width * scale).rounded(.up)), height = Int((frame.size.height * scale).rounded(.up))
        let surface = try Surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)), what: "test image")
        try surface.draw { cairo in
            cairo_scale(cairo, scale, scale)
            FramePainter(cairo: cairo, fonts: TestSupport.renderer.fonts).paint(frame)
        }
        cairo_surface_flush(surface.pointer)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        let data = try XCTUnwrap(cairo_image_surface_get_data(surface.pointer))
        let words = UnsafeRawPointer(data).bindMemory(to: UInt32.self, capacity: stride / 4 * height)
        return withExtendedLifetime(surface) {
            Pixels(width: width, height: height, stride: stride, words: Array(UnsafeBufferPointer(start: words, count: stride / 4 * height)))
        }
    }
}

extension PNGEncoderTests {
    /// A premultiplied ARGB32 image in memory, as Cairo would hand it over.
    struct Pixels {
        let width: Int
        let height: Int
        /// Bytes per row.
        let stride: Int
        let words: [UInt32]

        init(width: Int, height: Int, stride: Int, words: [UInt32]) {
            self.width = width; self.height = height; self.stride = stride; self.words = words
        }

        init(width: Int, height: Int, padding: Int = 0, paddingValue: UInt32 = 0, _ pixel: (Int, Int) -> UInt32) {
            let rowWords = width + padding
            var words = [UInt32](repeating: paddingValue, count: rowWords * height)
            for y in 0..<height {
                for x in 0..<width { words[y * rowWords + x] = pixel(x, y) }
            }
            self.init(width: width, height: height, stride: rowWords * 4, words: words)
        }

        static func opaque(_ rgb: UInt32) -> UInt32 { 0xFF00_0000 | (rgb & 0xFF_FFFF) }

        func encode(_ encoder: PNGEncoder = PNGEncoder()) -> [UInt8] {
            words.withUnsafeBytes { encoder.encode(argb: $0, width: width, height: height, stride: stride) }
        }

        func stripCount() -> Int {
            words.withUnsafeBytes { buffer in
                let source = SourceImage(base: buffer.baseAddress!, width: width, height: height, stride: stride)
                let options = PNGEncoder.Options()
                return ZlibStrips(source: source, layout: RowLayout(source: source, options: options), options: options).stripCount
            }
        }

        /// The pixels without row padding, as RasterImage gives them.
        var packed: [UInt32] {
            guard stride != width * 4 else { return words }
            var result: [UInt32] = []
            result.reserveCapacity(width * height)
            for y in 0..<height { result.append(contentsOf: words[(y * stride / 4)..<(y * stride / 4 + width)]) }
            return result
        }

        /// Straight RGBA bytes, un-premultiplied the way Cairo's PNG writer does it. Written as a
        /// plain loop: the tests compare several megapixels, in a debug build.
        var straightRGBA: [UInt8] {
            let pixels = packed
            return [UInt8](unsafeUninitializedCapacity: pixels.count * 4) { bytes, count in
                for index in 0..<pixels.count {
                    let pixel = pixels[index]
                    let alpha = Int(pixel >> 24)
                    func straight(_ shift: UInt32) -> UInt8 {
                        alpha == 0 ? 0 : UInt8((Int((pixel >> shift) & 0xFF) * 255 + alpha / 2) / alpha)
                    }
                    bytes[index * 4] = straight(16)
                    bytes[index * 4 + 1] = straight(8)
                    bytes[index * 4 + 2] = straight(0)
                    bytes[index * 4 + 3] = UInt8(alpha)
                }
                count = pixels.count * 4
            }
        }
    }

    /// The chunks of a PNG, checked on the way: signature, CRCs, and the order the PNG spec requires.
    struct Chunks {
        struct Failure: Error, CustomStringConvertible { let description: String }

        var chunks: [(type: String, data: [UInt8])] = []

        init(_ png: [UInt8]) throws {
            guard png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(description: "no PNG signature") }
            var offset = 8
            while offset < png.count {
                guard offset + 12 <= png.count else { throw Failure(description: "truncated chunk at \(offset)") }
                let length = Int(Chunks.uint32(png, offset))
                guard offset + 12 + length <= png.count else { throw Failure(description: "chunk longer than the file") }
                let type = String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self)
                let crc = Chunks.uint32(png, offset + 8 + length)
                guard crc == Chunks.crc(png[(offset + 4)..<(offset + 8 + length)]) else { throw Failure(description: "bad CRC in \(type)") }
                chunks.append((type, Array(png[(offset + 8)..<(offset + 8 + length)])))
                offset += 12 + length
            }
            let types = chunks.map(\.type)
            guard types.first == "IHDR", chunks[0].data.count == 13 else { throw Failure(description: "IHDR is not first: \(types)") }
            guard types.last == "IEND", types.filter({ $0 == "IEND" }).count == 1 else { throw Failure(description: "IEND is not last: \(types)") }
            guard let firstData = types.firstIndex(of: "IDAT"), let lastData = types.lastIndex(of: "IDAT"),
                  types[firstData...lastData].allSatisfy({ $0 == "IDAT" }) else {
                throw Failure(description: "IDAT chunks missing or not consecutive: \(types)")
            }
            for type in ["IHDR", "PLTE", "tRNS", "sRGB", "pHYs"] where types.filter({ $0 == type }).count > 1 {
                throw Failure(description: "two \(type) chunks")
            }
            for type in ["PLTE", "tRNS", "sRGB", "pHYs"] {
                if let index = types.firstIndex(of: type), index > firstData { throw Failure(description: "\(type) after IDAT: \(types)") }
            }
            if let palette = types.firstIndex(of: "PLTE") {
                if let srgb = types.firstIndex(of: "sRGB"), srgb > palette { throw Failure(description: "sRGB after PLTE: \(types)") }
                if let alpha = types.firstIndex(of: "tRNS"), alpha < palette { throw Failure(description: "tRNS before PLTE: \(types)") }
            }
            if colorType == 3 && data("PLTE") == nil { throw Failure(description: "palette image without PLTE") }
            if colorType != 3 && data("PLTE") != nil { throw Failure(description: "PLTE in a colour type \(colorType) image") }
        }

        func data(_ type: String) -> [UInt8]? { chunks.first { $0.type == type }?.data }

        var bitDepth: UInt8 { chunks[0].data[8] }
        var colorType: UInt8 { chunks[0].data[9] }

        /// pHYs, x value; nil when absent. Checks that y equals x.
        var pixelsPerMetre: UInt32? {
            guard let data = data("pHYs"), data.count == 9 else { return nil }
            let x = Chunks.uint32(data, 0)
            return x == Chunks.uint32(data, 4) ? x : nil
        }

        static func uint32<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ offset: Int) -> UInt32 where Bytes.Element == UInt8, Bytes.Index == Int {
            (offset..<offset + 4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[bytes.startIndex + $1]) }
        }

        /// CRC-32 (ISO 3309), computed here rather than with zlib so the test does not trust the encoder's library.
        static func crc<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            return crc ^ 0xFFFF_FFFF
        }

        static let table: [UInt32] = (0..<256).map { n in
            (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
    }

    /// Results written from several threads, one slot each.
    final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [[UInt8]]

        init(count: Int) { slots = Array(repeating: [], count: count) }

        func set(_ index: Int, _ value: [UInt8]) {
            lock.lock(); defer { lock.unlock() }
            slots[index] = value
        }

        var values: [[UInt8]] {
            lock.lock(); defer { lock.unlock() }
            return slots
        }
    }
}
