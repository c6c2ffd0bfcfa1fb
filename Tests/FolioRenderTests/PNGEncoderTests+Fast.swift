import FolioLayout
@testable import FolioRender
import XCTest

/// `.fast` compression (`RowMatchDeflate`): the same pixels as `.small`, from a deflate stream of our
/// own, checked by two decoders (Cairo's libpng and Pillow's zlib, which also checks the Adler-32).
extension PNGEncoderTests {
    func testFastCompressionIsLosslessOnEveryKindOfImage() throws {
        var numbers = SeededNumbers(state: 0x0123_4567_89AB_CDEF)
        let images: [(String, Pixels)] = [
            ("palette", Pixels(width: 61, height: 40) { x, y in Pixels.opaque(UInt32((x / 8 + y / 5) % 5) &* 0x30_2010) }),
            ("one colour", Pixels(width: 300, height: 7) { _, _ in 0xFFFF_FFFF }),
            ("gradient", Pixels(width: 61, height: 40) { x, y in Pixels.opaque(UInt32(x * 4) << 16 | UInt32(y * 6) << 8 | UInt32(x * y & 0xFF)) }),
            ("translucent", Pixels(width: 61, height: 40) { x, y in y % 9 == 0 ? 0 : UInt32(x * 4) << 24 | UInt32(x * 2) << 16 | UInt32(y % (x * 4 + 1)) }),
            ("noise", Pixels(width: 300, height: 200) { _, _ in Pixels.opaque(numbers.next()) }),
            ("stripes and repeats", Pixels(width: 700, height: 300) { x, y in
                y % 50 < 20 ? 0xFFFF_FFFF : Pixels.opaque(UInt32((x * 13) ^ (y * 7)) & 0xFF_FFFF) }),
            // Rows longer than deflate's 32 KiB window: no row-above matches may be used.
            ("wide RGBA", Pixels(width: 9000, height: 3) { x, y in
                let alpha = UInt32(x % 200 + 20)  // premultiplied: no channel above alpha
                return alpha << 24 | min(UInt32(y * 40), alpha) }),
            ("tall", Pixels(width: 1, height: 2000) { _, y in Pixels.opaque(UInt32(y / 3 % 7) * 0x10_1010 + UInt32(y % 300)) }),
        ]
        for (name, image) in images {
            let png = image.encode(PNGEncoder(compression: .fast))
            try assertLossless(png, image, name)
            XCTAssertEqual(image.encode(PNGEncoder(compression: .fast)), png, "\(name): same bytes every time")
        }
    }

    func testFastCompressionOfTheTargetsChart() throws {
        let report = try TestSupport.loadSample()
        let frame = ChartKind.targets.layout(outcome: report.outcomes[0], report: report, size: Size(width: 1600, height: 900),
                                             style: .standard, measurer: TestSupport.renderer.measurer)
        let image = try render(frame, scale: 1)
        let fast = image.encode(PNGEncoder(compression: .fast))
        try assertLossless(fast, image)
        let small = image.encode()
        XCTAssertGreaterThan(fast.count, small.count, "fast trades size for time")
        // Measured 86 KB (zlib level 1: 79 KB, level 6: 64 KB); far more means a repeat is being missed.
        XCTAssertLessThan(fast.count, 100_000)
    }

    func testHuffmanLengthsAreLimitedAndComplete() {
        // Fibonacci counts make the deepest possible Huffman tree: 30 symbols would need 29 bits.
        var fibonacci = [1, 1]
        while fibonacci.count < 30 { fibonacci.append(fibonacci[fibonacci.count - 1] + fibonacci[fibonacci.count - 2]) }
        let cases: [(counts: [Int], limit: Int)] = [
            (fibonacci, 15), (fibonacci.prefix(19).map { $0 }, 7), ([0, 0, 5, 0], 15), ([0, 0, 0], 15), ([0, 7], 15),
            ((0..<286).map { $0 % 7 == 0 ? 0 : $0 * $0 }, 15),
        ]
        for (counts, limit) in cases {
            let lengths = HuffmanCode.lengths(for: counts, limit: limit)
            XCTAssertEqual(lengths.count, counts.count)
            XCTAssertLessThanOrEqual(Int(lengths.max() ?? 0), limit, "\(counts)")
            for (count, length) in zip(counts, lengths) where count > 0 { XCTAssertGreaterThan(length, 0, "every used symbol has a code") }
            // Kraft: a complete prefix code has Σ 2^-length = 1 exactly.
            let kraft = lengths.filter { $0 > 0 }.reduce(0) { $0 + (1 << (15 - Int($1))) }
            XCTAssertEqual(kraft, 1 << 15, "complete code for \(counts.prefix(8))…")
        }
    }
}
