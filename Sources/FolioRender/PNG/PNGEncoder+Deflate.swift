import CCairo
import CLibdeflate
import Dispatch
import FolioConcurrency

/// The zlib stream of the IDAT data, compressed as horizontal strips on several threads.
///
/// Each strip is a raw deflate stream whose window is first filled (deflateSetDictionary) with the
/// 32 KiB of filtered data before it, so it may refer back across the cut as one stream would; all
/// strips but the last end with Z_SYNC_FLUSH (byte-aligned, not final), the last with Z_FINISH. The
/// pieces are joined behind one zlib header, and the strips' Adler-32s combined (adler32_combine).
/// Strips depend only on the image, never on the number of cores, so the bytes never do either.
struct ZlibStrips: Sendable {
    let source: SourceImage
    let layout: RowLayout
    let options: PNGEncoder.Options
    /// Rows compressed with Z_RLE: repeats of the row above in runs of at least two, which filter to
    /// zeros. zlib's default strategy spends a third of its time on such rows; Z_RLE takes almost
    /// none, and blocks of their own keep the text's Huffman codes apart from theirs (smaller too).
    let runLength: [Bool]
    /// First row of each strip, then the height.
    let bounds: [Int]

    /// Below this much weighted data the image is one strip; from it on two, and twice as many for
    /// each doubling from 4 MiB (4, then 8): powers of two keep 1, 2, 4 or 8 cores evenly busy, and
    /// a cut costs only 50–100 bytes (Docs/png-encoder.md).
    static let smallestStriped = 256 << 10
    static let maximumStrips = 8

    init(source: SourceImage, layout: RowLayout, options: PNGEncoder.Options) {
        self.source = source
        self.layout = layout
        self.options = options
        let height = source.height
        var runLength = [Bool](repeating: false, count: height)
        if options.runLengthForRepeatedRows && (options.filter == .noneOrUp || options.filter == .minimumSum) {
            var y = 1
            while y < height {
                guard layout.repeats[y] else { y += 1; continue }
                var end = y
                while end < height && layout.repeats[end] { end += 1 }
                if end - y >= 2 { for row in y..<end { runLength[row] = true } }
                y = end
            }
        }
        self.runLength = runLength
        // Work per row: Z_RLE rows cost about an eighth of others.
        let lineLength = layout.rowBytes + 1
        let weights = runLength.map { $0 ? lineLength / 8 + 1 : lineLength }
        let total = weights.reduce(0, +)
        var strips = options.strips ?? {
            guard total >= ZlibStrips.smallestStriped else { return 1 }
            var count = 2
            while count < ZlibStrips.maximumStrips && total >= count << 21 { count *= 2 }
            return count
        }()
        strips = max(1, min(strips, height))
        var bounds = [0]
        var sum = 0, y = 0
        for strip in 1..<strips {
            let goal = total * strip / strips
            while y < height - (strips - strip) && (sum < goal || y < bounds.last! + 1) {
                sum += weights[y]; y += 1
            }
            bounds.append(y)
        }
        bounds.append(height)
        self.bounds = bounds
    }

    var stripCount: Int { bounds.count - 1 }

    /// zlib header, the strips' deflate data, Adler-32.
    func stream() -> [UInt8] {
        var pieces: [Piece]
        if options.parallel && stripCount > 1 {
            let done = Guarded([Piece](repeating: Piece(), count: stripCount))
            DispatchQueue.concurrentPerform(iterations: stripCount) { strip in
                let piece = compress(strip: strip)
                done.withLock { $0[strip] = piece }
            }
            pieces = done.withLock { $0 }
        } else {
            pieces = (0..<stripCount).map { compress(strip: $0) }
        }
        let flags: UInt16 = options.level < 2 ? 0 : options.level < 6 ? 1 : options.level == 6 ? 2 : 3
        var header: UInt16 = 0x7800 | flags << 6  // deflate, 32 KiB window
        header += 31 - header % 31
        var stream = [UInt8(header >> 8), UInt8(header & 0xFF)]
        stream.reserveCapacity(pieces.reduce(6) { $0 + $1.bytes.count })
        var adler = adler32(0, nil, 0)
        for piece in pieces {
            stream += piece.bytes
            adler = adler32_combine(adler, piece.adler, .init(piece.length))
        }
        stream += [UInt8((adler >> 24) & 0xFF), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
        return stream
    }

    struct Piece: Sendable {
        var bytes: [UInt8] = []
        var adler: uLong = 1
        /// Uncompressed length.
        var length = 0
    }

    private func compress(strip: Int) -> Piece {
        let start = bounds[strip], end = bounds[strip + 1]
        var rows = RowFilterer(source: source, layout: layout, filter: options.filter)
        defer { rows.deallocate() }
        let lineLength = rows.lineLength
        let deflater = Deflater(level: options.level, tune: options.tune,
                                capacity: max(1 << 16, (end - start) * lineLength / 16))
        if start > 0 {
            // The window as one stream would have it: the last 32 KiB of filtered rows before the strip.
            let primed = min(start, (32768 + lineLength - 1) / lineLength)
            var dictionary = [UInt8]()
            dictionary.reserveCapacity(primed * lineLength)
            for y in (start - primed)..<start {
                dictionary += UnsafeBufferPointer(start: rows.filtered(row: y), count: lineLength)
            }
            deflater.setDictionary(dictionary.suffix(32768))
        }
        var adler = Adler32()
        var usesRunLength = false
        for y in start..<end {
            let line = rows.filtered(row: y)
            if runLength[y] != usesRunLength {
                usesRunLength = runLength[y]
                deflater.setStrategy(usesRunLength ? Z_RLE : Z_DEFAULT_STRATEGY)
            }
            if line == UnsafePointer(rows.upZeros) {
                adler.appendUpZeros(count: lineLength - 1)
            } else {
                adler.append(line, count: lineLength)
            }
            deflater.feed(line, count: lineLength)
        }
        let bytes = deflater.finish(strip == stripCount - 1 ? Z_FINISH : Z_SYNC_FLUSH)
        return Piece(bytes: bytes, adler: adler.value, length: (end - start) * lineLength)
    }
}

/// Adler-32 with a shortcut for the all-zero rows of repeated rows. libdeflate's checksum (vectorised)
/// is about 8× faster than zlib's on these rows: ≈ 0.15 instead of 1.1 ms for a 1600×900 chart.
struct Adler32 {
    private(set) var value: uLong = 1

    mutating func append(_ bytes: UnsafePointer<UInt8>, count: Int) {
        value = uLong(libdeflate_adler32(UInt32(truncatingIfNeeded: value), bytes, count))
    }

    /// Filter byte 2, then `count` zeros: zeros leave s1 alone and add count × s1 to s2.
    mutating func appendUpZeros(count: Int) {
        let base: UInt64 = 65521
        let s1 = (UInt64(value & 0xFFFF) + 2) % base
        var s2 = (UInt64(value >> 16) + s1) % base
        s2 = (s2 + UInt64(count) % base * s1) % base
        value = uLong(s2 << 16 | s1)
    }
}

/// One raw deflate stream (zlib, no header) into a growing buffer.
final class Deflater {
    /// zlib keeps a pointer back to its z_stream: it must not move, so it lives on the heap.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let level: Int32

    init(level: Int32, tune: (good: Int32, lazy: Int32, nice: Int32, chain: Int32)?, capacity: Int) {
        self.level = level
        stream.initialize(to: z_stream())
        // Raw deflate (−15: 32 KiB window, no header), memLevel 8 (smaller and faster than 9 on charts).
        let status = deflateInit2_(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit2 failed (\(status))")
        if let tune { deflateTune(stream, tune.good, tune.lazy, tune.nice, tune.chain) }
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
        stream.pointee.next_out = buffer
        stream.pointee.avail_out = uInt(capacity)
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        buffer.deallocate()
    }

    private var count: Int { capacity - Int(stream.pointee.avail_out) }

    /// Allowed before the first `feed`: the data the stream may refer back to.
    func setDictionary<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let copy = Array(bytes)
        let status = copy.withUnsafeBufferPointer { deflateSetDictionary(stream, $0.baseAddress, uInt($0.count)) }
        precondition(status == Z_OK, "zlib deflateSetDictionary failed (\(status))")
    }

    func feed(_ bytes: UnsafePointer<UInt8>, count: Int) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes)
        stream.pointee.avail_in = uInt(count)
        run(Z_NO_FLUSH)
    }

    /// Ends the current block and goes on with another strategy (Z_RLE or Z_DEFAULT_STRATEGY).
    func setStrategy(_ strategy: Int32) {
        run(Z_BLOCK)  // so deflateParams' own flush never runs short of output space
        let status = deflateParams(stream, level, strategy)
        precondition(status == Z_OK, "zlib deflateParams failed (\(status))")
    }

    /// Z_SYNC_FLUSH or Z_FINISH; the deflate data.
    func finish(_ flush: Int32) -> [UInt8] {
        run(flush)
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }

    private func run(_ flush: Int32) {
        while true {
            if stream.pointee.avail_out < 1 << 12 { grow() }
            let status = deflate(stream, flush)
            precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "zlib deflate failed (\(status))")
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
            } else if status == Z_BUF_ERROR || (stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0) {
                return  // Z_BUF_ERROR with room to write: nothing left to do
            }
        }
    }

    private func grow() {
        let used = count
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.update(from: buffer, count: used)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
        stream.pointee.next_out = buffer + used
        stream.pointee.avail_out = uInt(capacity - used)
    }
}
