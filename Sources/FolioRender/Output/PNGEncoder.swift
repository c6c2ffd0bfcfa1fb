import CCairo
import Dispatch

/// Lossless, deterministic PNG encoding of Cairo ARGB32 pixels: fast enough that a chart's PNG costs
/// little more than its drawing. Output carries pHYs (the DPI) and sRGB (perceptual) chunks.
///
/// What it writes: an exact palette (colour type 3, 1/2/4/8 bits, tRNS for translucent entries) when
/// the image has at most 256 distinct pixels, else RGB (type 2) when every pixel is opaque, else RGBA
/// (type 6, un-premultiplied exactly as Cairo's writer does). Rows are filtered None, except Up for a
/// row identical to the one above; runs of such rows go through zlib's Z_RLE strategy in blocks of
/// their own; zlib level 6, memLevel 8; horizontal strips compressed on all cores (`ZlibStrips`).
///
/// Measured (release build, 2 cores, median of 30 interleaved runs, encoding only) on the 1600×900
/// targets chart of Assets/samples/outcome4.yaml: opaque, 834 distinct colours, 47 % of rows equal
/// to the row above. Drawing it costs another ≈ 2–3 ms.
///
///     variant                                                ms     KB
///     Cairo's writer (libpng: RGB, adaptive filters, lvl 6)  36.9   76.3
///     RGBA, filter None, level 6, one strip                  21.8   71.3
///     RGB,  None                                             17.2   68.5
///     RGB,  Sub / Up / Paeth                   19.1 / 16.8 / 25.0   84.0 / 77.3 / 77.4
///     RGB,  minimum sum of absolute differences (libpng's)   30.1   74.5
///     RGB,  None, Up for a repeated row                      16.0   65.8
///       + Z_RLE for runs of repeated rows                    13.4   64.0
///       + 2 strips, one thread                               13.4   64.1
///       + 2 strips, 2 threads (chosen)                        7.6   64.1
///       8 strips, 2 threads                                   7.3   64.4
///       level 1 / 3 / 4 / 5                      4.0 / 4.1 / 5.9 / 6.2   78.9 / 74.7 / 67.7 / 65.8
///       level 7 / 8 / 9                              8.6 / 16.6 / 36.8   63.5 / 62.1 / 60.6
///       level 6 + deflateTune(8, 32, 258, 512)               11.4   62.5
///     RGB, None / Up for repeated rows, whole image with one strategy, no strips:
///       default strategy 65.7, Z_FILTERED 68.1, Z_RLE 287.0 KB; memLevel 9 66.1 KB and slower.
///
/// In the whole program (`folio bench`, drawing + encoding): targets 38.1 ms / 76,304 bytes with
/// Cairo's writer → 9.8 ms / 64,112 bytes; regions 39.2 ms / 98,881 → 9.2 ms / 80,871. Other sizes of
/// the targets chart, encoding only: 640×360 1.7 ms / 18.7 KB (2 strips); 3200×1800 23 ms / 145.6 KB
/// (8 strips; Cairo's writer ≈ 190 ms / 166.5 KB).
///
/// Why these: the palette is exact or not used — these charts have 707–1146 colours (antialiased
/// text), so they are RGB; where it applies it pays (the same chart quantized to 253 colours, lossy and
/// for comparison only: palette 6.1 ms / 35.2 KB, RGB 9.5 ms / 59.2 KB; trying costs ≈ 0.05 ms, the
/// count stops at the 257th colour). Filters that predict from neighbours lose on flat colours and
/// antialiased text, which deflate matches best raw. The 60 KB is out of reach for exact
/// output with zlib: even level 9 gives 60.6 KB at 37 ms, and a near-optimal deflate parse (libdeflate
/// level 12, not available here) ≈ 58 KB at ≈ 400 ms. Level 6 keeps the whole chart at ≈ 10 ms of the
/// 15 ms budget, margin a busy machine needs (with another build running, 16–17 ms were measured);
/// level 7 or tuning would buy 1–2.5 % for 15–50 % more time.
///
/// `.fast` (`RowMatchDeflate`, the service's default) on the same chart: 86.2 KB (regions 102 KB), and a
/// whole `POST /v1/charts/targets` request costs the server 8.1 ms of CPU against 17.5 ms with level 6
/// and 10.9 ms with zlib level 1 (78.9 KB), measured as process CPU time over 700+ requests.
///
/// Determinism: strips depend only on the image, never on the number of cores, and each is compressed
/// with the same calls whichever thread runs it, so the bytes are the same on any machine with the same
/// zlib (another zlib version, or zlib-ng, may compress differently).
public struct PNGEncoder {
    /// Written as pHYs, in pixels per metre; 96 by default. A value that is not positive and finite
    /// writes no pHYs chunk.
    public var dpi: Double
    /// `.small` (the default): zlib level 6 as measured above, for files that are kept. `.fast`:
    /// `RowMatchDeflate`, several times cheaper to encode and 25–35 % larger, for a service answering many
    /// requests, where the compressor, not the drawing, limits throughput.
    public var compression: Compression
    /// The knobs measured above; the defaults are the chosen ones. Internal: for tests and benchmarks.
    var options = Options()

    public enum Compression: String, Sendable, CaseIterable {
        case small, fast
    }

    public init(dpi: Double = 96, compression: Compression = .small) {
        self.dpi = dpi
        self.compression = compression
    }

    /// pixels: Cairo ARGB32 (premultiplied, native endian), `stride` in bytes.
    public func encode(argb pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int) -> [UInt8] {
        precondition(width > 0 && height > 0 && width <= 0x7FFF_FFFF && height <= 0x7FFF_FFFF,
                     "PNG sizes are 1…2³¹−1 pixels a side")
        precondition(stride >= width * 4 && pixels.count >= (height - 1) * stride + width * 4,
                     "the pixel buffer is smaller than width, height and stride say")
        let source = SourceImage(base: pixels.baseAddress!, width: width, height: height, stride: stride)
        let layout = RowLayout(source: source, options: options)
        // RowMatchDeflate keeps positions in 32 bits; past 2 GiB of rows (far beyond the renderer's
        // 40-megapixel limit) zlib does the work.
        let fits = (layout.rowBytes + 1).multipliedReportingOverflow(by: height).partialValue < Int(Int32.max) - 8
        let stream = compression == .fast && fits ? RowMatchDeflate(source: source, layout: layout).stream()
            : ZlibStrips(source: source, layout: layout, options: options).stream()

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        png.reserveCapacity(stream.count + 1024 + (layout.palette?.count ?? 0) * 4)
        var header = ChunkData()
        header.append32(UInt32(width))
        header.append32(UInt32(height))
        header.bytes += [layout.bitDepth, layout.colorType, 0, 0, 0]  // deflate, adaptive filters, no interlace
        appendChunk("IHDR", header.bytes, to: &png)
        appendChunk("sRGB", [0], to: &png)  // rendering intent: perceptual
        if let perMetre = PNGEncoder.pixelsPerMetre(dpi: dpi) {
            var physical = ChunkData()
            physical.append32(perMetre)
            physical.append32(perMetre)
            physical.bytes.append(1)  // unit: metre
            appendChunk("pHYs", physical.bytes, to: &png)
        }
        if let palette = layout.palette {
            appendChunk("PLTE", palette.rgbBytes, to: &png)
            let alphas = palette.alphaBytes
            if !alphas.isEmpty { appendChunk("tRNS", alphas, to: &png) }
        }
        var offset = 0
        repeat {
            let end = min(stream.count, offset + PNGEncoder.maximumIDATLength)
            appendChunk("IDAT", stream[offset..<end], to: &png)
            offset = end
        } while offset < stream.count
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// pHYs value for a DPI: pixels per metre, rounded (96 dpi → 3780, 192 dpi → 7559); nil when the DPI
    /// is not positive and finite or does not fit.
    static func pixelsPerMetre(dpi: Double) -> UInt32? {
        guard dpi.isFinite, dpi > 0 else { return nil }
        let value = (dpi / 0.0254).rounded()
        guard value >= 1, value <= Double(UInt32.max >> 1) else { return nil }
        return UInt32(value)
    }

    /// IDAT chunks are cut at 1 MiB: one chunk for any chart, and no decoder has to hold a huge chunk.
    static let maximumIDATLength = 1 << 20

    private func appendChunk<Bytes: Collection>(_ type: StaticString, _ data: Bytes, to png: inout [UInt8])
    where Bytes.Element == UInt8 {
        var length = ChunkData()
        length.append32(UInt32(data.count))
        png += length.bytes
        let start = png.count
        type.withUTF8Buffer { png += $0 }
        png += data
        let crc = png.withUnsafeBufferPointer { buffer in
            crc32(0, buffer.baseAddress! + start, uInt(png.count - start))
        }
        var trailer = ChunkData()
        trailer.append32(UInt32(truncatingIfNeeded: crc))
        png += trailer.bytes
    }
}

extension PNGEncoder {
    /// How rows are filtered before deflate (PNG filter method 0, chosen per row).
    enum RowFilter: CaseIterable {
        case none, sub, up, average, paeth
        /// libpng's heuristic: per row, the filter whose output has the least sum of absolute values.
        case minimumSum
        /// None, except Up for a row identical to the one above (it becomes all zeros).
        case noneOrUp
    }

    struct Options {
        var filter = RowFilter.noneOrUp
        /// zlib level (1…9).
        var level: Int32 = 6
        /// Colour type 3 when the image has at most 256 distinct pixels (exact, never quantized).
        var allowsPalette = true
        /// RGB (colour type 2) instead of RGBA when every pixel is opaque.
        var dropsOpaqueAlpha = true
        /// Runs of rows identical to the row above go through zlib's Z_RLE strategy (own deflate blocks).
        var runLengthForRepeatedRows = true
        /// Number of strips compressed independently; nil: from the image size (never from the machine).
        var strips: Int?
        /// false: strips one after another on the calling thread (same bytes, for tests and timing).
        var parallel = true
        /// zlib's deflateTune (good_length, max_lazy, nice_length, max_chain); nil: the level's own.
        var tune: (good: Int32, lazy: Int32, nice: Int32, chain: Int32)?
    }
}

/// Big-endian bytes for chunk payloads.
struct ChunkData {
    var bytes: [UInt8] = []

    mutating func append32(_ value: UInt32) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// The caller's pixels: Cairo ARGB32, premultiplied, native-endian 32-bit words.
struct SourceImage {
    let base: UnsafeRawPointer
    let width: Int
    let height: Int
    let stride: Int

    @inline(__always) func row(_ y: Int) -> UnsafeRawPointer { base + y * stride }

    @inline(__always) func pixel(_ x: Int, _ row: UnsafeRawPointer) -> UInt32 {
        row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
    }
}
