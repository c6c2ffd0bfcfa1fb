#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the image is written as (colour type, bit depth, palette), which rows repeat the row above,
/// and the conversion of one Cairo row into PNG bytes.
struct RowLayout: Sendable {
    /// 2 (RGB), 3 (palette) or 6 (RGBA).
    let colorType: UInt8
    let bitDepth: UInt8
    let palette: PaletteTable?
    /// Bytes of one row without its filter byte.
    let rowBytes: Int
    /// The filters' "bpp": bytes of one pixel, at least 1.
    let filterStride: Int
    /// Whether each row is identical to the row above (never row 0).
    let repeats: [Bool]

    init(source: SourceImage, options: PNGEncoder.Options) {
        let width = source.width, height = source.height
        var repeats = [Bool](repeating: false, count: height)
        var opaque = true
        for y in 0..<height {
            let row = source.row(y)
            if y > 0, memcmp(row, source.row(y - 1), width * 4) == 0 {
                repeats[y] = true
                continue
            }
            if opaque {
                var all: UInt32 = 0xFFFF_FFFF
                for x in 0..<width { all &= source.pixel(x, row) }
                opaque = all >> 24 == 0xFF
            }
        }
        self.repeats = repeats
        if options.allowsPalette, let palette = PaletteTable(source: source, repeats: repeats) {
            self.palette = palette
            colorType = 3
            bitDepth = palette.count <= 2 ? 1 : palette.count <= 4 ? 2 : palette.count <= 16 ? 4 : 8
            rowBytes = (width * Int(bitDepth) + 7) / 8
            filterStride = 1
        } else if opaque && options.dropsOpaqueAlpha {
            palette = nil
            colorType = 2
            bitDepth = 8
            rowBytes = width * 3
            filterStride = 3
        } else {
            palette = nil
            colorType = 6
            bitDepth = 8
            rowBytes = width * 4
            filterStride = 4
        }
    }

    /// Slack after a row buffer: conversions store whole 32-bit words.
    static let slack = 8

    /// Writes row `y` as PNG pixel bytes (`rowBytes` of them, plus up to `slack` bytes of scratch after).
    func convert(row y: Int, of source: SourceImage, into out: UnsafeMutablePointer<UInt8>) {
        let row = source.row(y)
        let width = source.width
        switch colorType {
        case 2:
            let raw = UnsafeMutableRawPointer(out)
            #if _endian(little)
            for x in 0..<width {
                // 0xAARRGGBB << 8 = 0xRRGGBB00, byte-swapped = bytes R, G, B, 0 in memory.
                raw.storeBytes(of: (source.pixel(x, row) << 8).byteSwapped, toByteOffset: x * 3, as: UInt32.self)
            }
            #else
            for x in 0..<width {
                let p = source.pixel(x, row)
                out[x * 3] = UInt8(truncatingIfNeeded: p >> 16)
                out[x * 3 + 1] = UInt8(truncatingIfNeeded: p >> 8)
                out[x * 3 + 2] = UInt8(truncatingIfNeeded: p)
            }
            #endif
        case 6:
            Unpremultiply.table.withUnsafeBufferPointer { table in
                for x in 0..<width {
                    let p = source.pixel(x, row)
                    let alpha = Int(p >> 24)
                    let o = out + x * 4
                    if alpha == 255 {
                        o[0] = UInt8(truncatingIfNeeded: p >> 16)
                        o[1] = UInt8(truncatingIfNeeded: p >> 8)
                        o[2] = UInt8(truncatingIfNeeded: p)
                        o[3] = 255
                    } else if alpha == 0 {
                        o[0] = 0; o[1] = 0; o[2] = 0; o[3] = 0
                    } else {
                        let base = alpha << 8
                        o[0] = table[base | Int((p >> 16) & 0xFF)]
                        o[1] = table[base | Int((p >> 8) & 0xFF)]
                        o[2] = table[base | Int(p & 0xFF)]
                        o[3] = UInt8(alpha)
                    }
                }
            }
        default:
            palette!.convert(row: row, width: width, bitDepth: Int(bitDepth), of: source, into: out)
        }
    }
}

/// Cairo's un-premultiplication (cairo-png.c): value = (c × 255 + a / 2) / a, 0 when a = 0. Cairo's PNG
/// reader premultiplies back to the same c for every c ≤ a, so RGBA output round-trips exactly.
enum Unpremultiply {
    /// Indexed by alpha << 8 | premultiplied channel.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 65536)
        for alpha in 1..<256 {
            for channel in 0..<256 {
                table[alpha << 8 | channel] = UInt8(min(255, (channel * 255 + alpha / 2) / alpha))
            }
        }
        return table
    }()

    /// One premultiplied ARGB pixel as straight R, G, B, A.
    static func rgba(_ pixel: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
        let alpha = Int(pixel >> 24)
        let channel = { (shift: UInt32) in table[alpha << 8 | Int((pixel >> shift) & 0xFF)] }
        return (channel(16), channel(8), channel(0), UInt8(alpha))
    }
}

/// The exact set of pixel values of an image with at most 256 of them, and the index of each.
///
/// Entries are sorted (translucent ones first, so tRNS stays short; then by value), so the palette
/// depends only on the set of colours. Lookup is an open-addressing hash table; read-only once built,
/// so the strips' threads share it.
///
/// Unchecked: the table owns its two buffers and never writes them after `init`; the compiler cannot
/// see through the pointers that make the per-pixel lookup cheap.
final class PaletteTable: @unchecked Sendable {
    static let slots = 1024
    /// Pixel values in palette order.
    let entries: [UInt32]
    private let keys: UnsafeMutablePointer<UInt32>
    /// 0: empty slot; otherwise palette index + 1.
    private let values: UnsafeMutablePointer<UInt16>

    var count: Int { entries.count }

    /// nil when the image has more than 256 distinct pixel values.
    init?(source: SourceImage, repeats: [Bool]) {
        keys = .allocate(capacity: PaletteTable.slots)
        values = .allocate(capacity: PaletteTable.slots)
        values.initialize(repeating: 0, count: PaletteTable.slots)
        keys.initialize(repeating: 0, count: PaletteTable.slots)
        var found: [UInt32] = []
        found.reserveCapacity(257)
        collect: for y in 0..<source.height where !repeats[y] {
            let row = source.row(y)
            var last = source.pixel(0, row)
            if !PaletteTable.insert(last, keys, values, &found) { break collect }
            for x in 1..<source.width {
                let pixel = source.pixel(x, row)
                if pixel == last { continue }
                last = pixel
                if !PaletteTable.insert(pixel, keys, values, &found) { break collect }
            }
        }
        if found.count > 256 {
            keys.deallocate()
            values.deallocate()
            return nil
        }
        let sorted = found.sorted { a, b in
            let translucentA = a >> 24 != 0xFF, translucentB = b >> 24 != 0xFF
            return translucentA != translucentB ? translucentA : a < b
        }
        entries = sorted
        values.update(repeating: 0, count: PaletteTable.slots)
        for (index, pixel) in sorted.enumerated() {
            var slot = PaletteTable.slot(pixel)
            while values[slot] != 0 { slot = (slot + 1) & (PaletteTable.slots - 1) }
            keys[slot] = pixel
            values[slot] = UInt16(index + 1)
        }
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always) private static func slot(_ pixel: UInt32) -> Int {
        Int((pixel &* 0x9E37_79B1) >> 22)  // 10 bits: 1024 slots
    }

    /// Adds a pixel value if new; false once there are more than 256.
    @inline(__always)
    private static func insert(_ pixel: UInt32, _ keys: UnsafeMutablePointer<UInt32>, _ values: UnsafeMutablePointer<UInt16>,
                               _ found: inout [UInt32]) -> Bool {
        var slot = slot(pixel)
        while values[slot] != 0 {
            if keys[slot] == pixel { return true }
            slot = (slot + 1) & (slots - 1)
        }
        keys[slot] = pixel
        values[slot] = UInt16(found.count + 1)
        found.append(pixel)
        return found.count <= 256
    }

    @inline(__always) func index(of pixel: UInt32) -> UInt8 {
        var slot = PaletteTable.slot(pixel)
        while keys[slot] != pixel { slot = (slot + 1) & (PaletteTable.slots - 1) }
        return UInt8(truncatingIfNeeded: values[slot] - 1)
    }

    /// PLTE payload: straight (un-premultiplied) R, G, B of each entry.
    var rgbBytes: [UInt8] {
        entries.flatMap { pixel -> [UInt8] in
            let (r, g, b, _) = Unpremultiply.rgba(pixel)
            return [r, g, b]
        }
    }

    /// tRNS payload: alpha of the leading translucent entries; empty when all are opaque.
    var alphaBytes: [UInt8] {
        entries.prefix { $0 >> 24 != 0xFF }.map { UInt8($0 >> 24) }
    }

    /// Packs the row's palette indices, `bitDepth` bits each, first pixel in the high bits.
    func convert(row: UnsafeRawPointer, width: Int, bitDepth: Int, of source: SourceImage, into out: UnsafeMutablePointer<UInt8>) {
        var last = source.pixel(0, row)
        var lastIndex = index(of: last)
        if bitDepth == 8 {
            for x in 0..<width {
                let pixel = source.pixel(x, row)
                if pixel != last { last = pixel; lastIndex = index(of: pixel) }
                out[x] = lastIndex
            }
            return
        }
        var byte: UInt8 = 0, bits = 0, o = 0
        for x in 0..<width {
            let pixel = source.pixel(x, row)
            if pixel != last { last = pixel; lastIndex = index(of: pixel) }
            byte = byte << UInt8(bitDepth) | lastIndex
            bits += bitDepth
            if bits == 8 {
                out[o] = byte; o += 1
                byte = 0; bits = 0
            }
        }
        if bits > 0 { out[o] = byte << UInt8(8 - bits) }
    }
}

/// Produces filtered rows (filter byte + bytes) one after another for one strip.
struct RowFilterer {
    let source: SourceImage
    let layout: RowLayout
    let filter: PNGEncoder.RowFilter
    /// Filter byte + row, for the row being produced.
    private let line: UnsafeMutablePointer<UInt8>
    /// Filter 2 (Up) and zeros: a row identical to the one above, under `noneOrUp` and `minimumSum`.
    let upZeros: UnsafeMutablePointer<UInt8>
    private var current: UnsafeMutablePointer<UInt8>
    private var previous: UnsafeMutablePointer<UInt8>
    /// Row whose raw bytes `previous` holds, -1 for none.
    private var previousRow = -1
    private let trials: UnsafeMutablePointer<UInt8>

    var lineLength: Int { layout.rowBytes + 1 }

    init(source: SourceImage, layout: RowLayout, filter: PNGEncoder.RowFilter) {
        self.source = source
        self.layout = layout
        self.filter = filter
        let length = layout.rowBytes + 1 + RowLayout.slack
        line = .allocate(capacity: length)
        upZeros = .allocate(capacity: length)
        upZeros.initialize(repeating: 0, count: length)
        upZeros[0] = 2
        current = .allocate(capacity: length)
        previous = .allocate(capacity: length)
        previous.initialize(repeating: 0, count: length)
        trials = .allocate(capacity: filter == .minimumSum ? 5 * length : 1)
    }

    func deallocate() {
        for buffer in [line, upZeros, current, previous, trials] { buffer.deallocate() }
    }

    /// The row filtered: `lineLength` bytes, valid until the next call.
    mutating func filtered(row y: Int) -> UnsafePointer<UInt8> {
        let count = layout.rowBytes
        if filter == .noneOrUp {
            if layout.repeats[y] { return UnsafePointer(upZeros) }
            line[0] = 0
            layout.convert(row: y, of: source, into: line + 1)
            return UnsafePointer(line)
        }
        if filter == .minimumSum && layout.repeats[y] {
            previousRow = -1  // `previous` is stale, but equal to this row: refill lazily
            return UnsafePointer(upZeros)
        }
        if y == 0 {
            previous.update(repeating: 0, count: count)
        } else if previousRow != y - 1 {
            layout.convert(row: y - 1, of: source, into: previous)
        }
        layout.convert(row: y, of: source, into: current)
        let bpp = layout.filterStride
        switch filter {
        case .none: RowFilterer.apply(0, current, previous, line, count, bpp)
        case .sub: RowFilterer.apply(1, current, previous, line, count, bpp)
        case .up: RowFilterer.apply(2, current, previous, line, count, bpp)
        case .average: RowFilterer.apply(3, current, previous, line, count, bpp)
        case .paeth: RowFilterer.apply(4, current, previous, line, count, bpp)
        case .minimumSum, .noneOrUp:
            var best = 0, bestSum = Int.max
            for type in 0..<5 {
                let trial = trials + type * lineLength
                RowFilterer.apply(UInt8(type), current, previous, trial, count, bpp)
                var sum = 0
                for i in 1...count { sum += abs(Int(Int8(bitPattern: trial[i]))) }
                if sum < bestSum { bestSum = sum; best = type }
            }
            line.update(from: trials + best * lineLength, count: lineLength)
        }
        swap(&current, &previous)
        previousRow = y
        return UnsafePointer(line)
    }

    /// Writes filter byte `type` and the filtered row to `out`. `previous` is zeros for the first row.
    static func apply(_ type: UInt8, _ current: UnsafeMutablePointer<UInt8>, _ previous: UnsafeMutablePointer<UInt8>,
                      _ out: UnsafeMutablePointer<UInt8>, _ count: Int, _ bpp: Int) {
        out[0] = type
        let o = out + 1
        switch type {
        case 0:
            o.update(from: current, count: count)
        case 1:
            for i in 0..<min(bpp, count) { o[i] = current[i] }
            if count > bpp { for i in bpp..<count { o[i] = current[i] &- current[i - bpp] } }
        case 2:
            for i in 0..<count { o[i] = current[i] &- previous[i] }
        case 3:
            for i in 0..<count {
                let left = i >= bpp ? Int(current[i - bpp]) : 0
                o[i] = current[i] &- UInt8((left + Int(previous[i])) >> 1)
            }
        default:
            for i in 0..<count {
                let a = i >= bpp ? Int(current[i - bpp]) : 0
                let b = Int(previous[i])
                let c = i >= bpp ? Int(previous[i - bpp]) : 0
                let p = a + b - c
                let pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                let predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                o[i] = current[i] &- UInt8(predictor)
            }
        }
    }
}
