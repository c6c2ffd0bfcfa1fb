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
/// Adler-32 checksums come from libdeflate (vectorised, same values as zlib's).
///
/// Why these choices, with the measurements behind them: Docs/png-encoder.md. libdeflate's whole-buffer
/// compressor was measured against both compressions on the real charts and is not used: at every
/// level it is either slower or larger than what it would replace (`Options.libdeflateLevel` keeps
/// it comparable).
///
/// Determinism: strips depend only on the image, never on the number of cores, and each is compressed
/// with the same calls whichever thread runs it, so the bytes are the same on any machine with the same
/// zlib (another zlib version, or zlib-ng, may compress differently).
public struct PNGEncoder {
    /// Written as pHYs, in pixels per metre; 96 by default. A value that is not positive and finite
    /// writes no pHYs chunk.
    public var dpi: Double
    /// `.small` (the default): zlib level 6, for files that are kept. `.fast`:
    /// `RowMatchDeflate`, about four times cheaper to encode and 26–60 % larger, for a service answering many
    /// requests, where the compressor, not the drawing, limits throughput.
    public var compression: Compression
    /// The knobs compared in Docs/png-encoder.md; the defaults are the chosen ones. Internal: for tests and benchmarks.
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
        let stream = options.libdeflateLevel.map {
            LibdeflateStream(source: source, layout: layout, filter: options.filter, level: $0).stream()
        } ?? (compression == .fast && fits ? RowMatchDeflate(source: source, layout: layout).stream()
            : ZlibStrips(source: source, layout: layout, options: options).stream())

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
    enum RowFilter: CaseIterable, Sendable {
        case none, sub, up, average, paeth
        /// libpng's heuristic: per row, the filter whose output has the least sum of absolute values.
        case minimumSum
        /// None, except Up for a row identical to the one above (it becomes all zeros).
        case noneOrUp
    }

    struct Options: Sendable {
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
        /// libdeflate's level (1…12) to compress the whole image in one call (`LibdeflateStream`)
        /// instead of either compression; nil: not used. For the comparison in Docs/png-encoder.md.
        var libdeflateLevel: Int32?
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
///
/// Unchecked: the strips' threads share the pointer, which the compiler cannot follow. They only
/// read, and `encode` returns (its caller's surface still alive) only after every strip is done.
struct SourceImage: @unchecked Sendable {
    let base: UnsafeRawPointer
    let width: Int
    let height: Int
    let stride: Int

    @inline(__always) func row(_ y: Int) -> UnsafeRawPointer { base + y * stride }

    @inline(__always) func pixel(_ x: Int, _ row: UnsafeRawPointer) -> UInt32 {
        row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
    }
}
