import CCairo
import CLibdeflate

/// The `.fast` compression: a deflate encoder that looks only for the repeats a chart is made of,
/// a run of one colour (distance: one pixel) and a stretch equal to the row above (distance: one
/// row), and, where neither applies, the last place the next 4 bytes were seen (one slot per hash,
/// no chains: antialiased glyph edges recur), instead of zlib's hash-chain search at every byte.
///
/// Why: on the service's PNG route zlib was 70 % of the CPU (level 6) and still half at level 1, so
/// throughput was bound by the compressor, not by drawing. Checking a few candidates per byte (8
/// bytes at a time) is several times faster, and on charts these repeats are most of what zlib
/// finds (sizes compared in Docs/png-encoder.md). Symbols are coded with per-block dynamic Huffman codes (length
/// limited, RFC 1951 §3.2.7), so the literals of antialiased text still cost 5–7 bits, not 8–9.
/// Rows are filtered None: the data stays byte-identical to the pixels, which keeps the matches exact.
///
/// Deterministic: no threads, no hashing seeds; the same pixels always give the same stream.
struct RowMatchDeflate {
    let source: SourceImage
    let layout: RowLayout

    /// log2 of the slots of the table of recent 4-byte sequences (one position each, no chains).
    static let hashBits = 14

    /// Input bytes per deflate block: each block gets Huffman codes fitted to its own part of the image.
    static let blockInput = 256 << 10

    /// The zlib stream (header, blocks, Adler-32) of the None-filtered rows.
    func stream() -> [UInt8] {
        let lineLength = layout.rowBytes + 1
        let total = lineLength * source.height
        // Slack past the end lets the 8-byte compares read whole words near the last byte.
        let data = UnsafeMutablePointer<UInt8>.allocate(capacity: total + 8)
        defer { data.deallocate() }
        (data + total).initialize(repeating: 0, count: 8)
        for y in 0..<source.height {
            let line = data + y * lineLength
            if y > 0 && layout.repeats[y] {
                line.update(from: line - lineLength, count: lineLength)
            } else {
                line[0] = 0
                layout.convert(row: y, of: source, into: line + 1)
            }
        }
        // libdeflate's vectorised Adler-32 reads the whole image (≈ 0.25 ms for 1600×900) faster than
        // zlib's reads only the rows that differ from the row above (≈ 1.1 ms).
        let adler = libdeflate_adler32(1, data, total)
        var writer = BitWriter()
        writer.bytes.reserveCapacity(total / 16 + 1024)
        writer.bytes += [0x78, 0x01]  // deflate, 32 KiB window, "fastest" flag; 0x7801 is a multiple of 31
        let rowDistance = lineLength <= 32768 ? lineLength : 0
        let pixelDistance = layout.filterStride
        var tokens: [UInt32] = []
        tokens.reserveCapacity(Self.blockInput)
        let recent = UnsafeMutablePointer<Int32>.allocate(capacity: 1 << Self.hashBits)
        defer { recent.deallocate() }
        recent.initialize(repeating: -1, count: 1 << Self.hashBits)
        var position = 0
        while position < total {
            let end = min(total, position + Self.blockInput)
            tokens.removeAll(keepingCapacity: true)
            position = Self.tokenize(data, from: position, to: end, total: total, rowDistance: rowDistance,
                                     pixelDistance: pixelDistance, recent: recent, into: &tokens)
            DeflateBlock(tokens: tokens).write(to: &writer, final: position >= total)
        }
        writer.alignToByte()
        writer.bytes += [UInt8((adler >> 24) & 0xFF), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF),
                         UInt8(adler & 0xFF)]
        return writer.bytes
    }

    /// Greedy parse of `data[start..<end]`: at each byte the longest candidate match that is long
    /// enough to pay, else a literal. A match may run past `end` (up to `total`); the position
    /// it stops at is returned. Token: a literal byte, or 1 << 31 | length << 16 | distance.
    static func tokenize(_ data: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int, total: Int,
                         rowDistance: Int, pixelDistance: Int, recent: UnsafeMutablePointer<Int32>,
                         into tokens: inout [UInt32]) -> Int {
        var i = start
        while i < end {
            let limit = min(258, total - i)
            var length = 0, distance = 0
            if rowDistance > 0 && i >= rowDistance {
                let up = matchLength(data + i, data + i - rowDistance, limit: limit)
                // A row match needs a long distance code (11 extra bits at 4801): it pays from 6 bytes.
                if up >= 6 { length = up; distance = rowDistance }
            }
            if length < limit && i >= pixelDistance {
                let run = matchLength(data + i, data + i - pixelDistance, limit: limit)
                if run >= 3 && run > length { length = run; distance = pixelDistance }
            }
            if length < 6 && i + 4 <= total {
                // Neither repeat: the last place these 4 bytes were seen (antialiased glyph edges recur).
                let word = UnsafeRawPointer(data + i).loadUnaligned(as: UInt32.self)
                let slot = Int((word &* 2_654_435_761) >> (32 - UInt32(hashBits)))
                let candidate = Int(recent[slot])
                recent[slot] = Int32(i)
                if candidate >= 0 && i - candidate <= 32768 {
                    let found = matchLength(data + i, data + candidate, limit: limit)
                    if found >= 4 && found > length { length = found; distance = i - candidate }
                }
            }
            if length > 0 {
                tokens.append(1 << 31 | UInt32(length) << 16 | UInt32(distance))
                i += length
            } else {
                tokens.append(UInt32(data[i]))
                i += 1
            }
        }
        return i
    }

    /// Bytes equal at `a` and `b`, at most `limit`; compares 8 at a time (both may read up to 7 bytes
    /// past `limit`, which the buffer's slack allows).
    @inline(__always)
    static func matchLength(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, limit: Int) -> Int {
        var n = 0
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        while n < limit {
            let x = rawA.loadUnaligned(fromByteOffset: n, as: UInt64.self)
            let y = rawB.loadUnaligned(fromByteOffset: n, as: UInt64.self)
            let difference = x ^ y
            if difference != 0 { return min(limit, n + (UInt64(littleEndian: difference).trailingZeroBitCount >> 3)) }
            n += 8
        }
        return limit
    }
}

/// One dynamic-Huffman deflate block (BTYPE 2) of literal and match tokens.
struct DeflateBlock {
    let tokens: [UInt32]

    func write(to writer: inout BitWriter, final: Bool) {
        var literalCounts = [Int](repeating: 0, count: 286)
        var distanceCounts = [Int](repeating: 0, count: 30)
        for token in tokens {
            if token & (1 << 31) == 0 {
                literalCounts[Int(token)] += 1
            } else {
                literalCounts[257 + Int(DeflateTables.lengthCode[Int((token >> 16) & 0x1FF)])] += 1
                distanceCounts[DeflateTables.distanceCode(Int(token & 0xFFFF))] += 1
            }
        }
        literalCounts[256] = 1  // end of block
        let literalLengths = HuffmanCode.lengths(for: literalCounts, limit: 15)
        let distanceLengths = HuffmanCode.lengths(for: distanceCounts, limit: 15)
        let literalCode = HuffmanCode(lengths: literalLengths)
        let distanceCode = HuffmanCode(lengths: distanceLengths)

        writer.write(final ? 1 : 0, bits: 1)
        writer.write(2, bits: 2)
        writeHeader(literalLengths: literalLengths, distanceLengths: distanceLengths, to: &writer)
        for token in tokens {
            if token & (1 << 31) == 0 {
                literalCode.write(Int(token), to: &writer)
                continue
            }
            let length = Int((token >> 16) & 0x1FF), distance = Int(token & 0xFFFF)
            let lengthSymbol = Int(DeflateTables.lengthCode[length])
            literalCode.write(257 + lengthSymbol, to: &writer)
            let lengthExtra = DeflateTables.lengthExtraBits[lengthSymbol]
            if lengthExtra > 0 { writer.write(UInt32(length - DeflateTables.lengthBase[lengthSymbol]), bits: lengthExtra) }
            let distanceSymbol = DeflateTables.distanceCode(distance)
            distanceCode.write(distanceSymbol, to: &writer)
            let distanceExtra = DeflateTables.distanceExtraBits[distanceSymbol]
            if distanceExtra > 0 {
                writer.write(UInt32(distance - DeflateTables.distanceBase[distanceSymbol]), bits: distanceExtra)
            }
        }
        literalCode.write(256, to: &writer)
    }

    /// HLIT, HDIST, HCLEN, the code-length code, then both code lengths run-length coded (16: repeat
    /// the previous 3–6 times, 17: 3–10 zeros, 18: 11–138 zeros).
    private func writeHeader(literalLengths: [UInt8], distanceLengths: [UInt8], to writer: inout BitWriter) {
        let literalCount = max(257, (literalLengths.lastIndex { $0 != 0 } ?? 0) + 1)
        let distanceCount = max(1, (distanceLengths.lastIndex { $0 != 0 } ?? 0) + 1)
        let lengths = Array(literalLengths[..<literalCount]) + Array(distanceLengths[..<distanceCount])
        var symbols: [(symbol: Int, extra: UInt32, bits: Int)] = []
        var i = 0
        while i < lengths.count {
            let value = lengths[i]
            var run = 1
            while i + run < lengths.count && lengths[i + run] == value { run += 1 }
            if value == 0 && run >= 3 {
                let take = min(run, 138)
                symbols.append(take >= 11 ? (18, UInt32(take - 11), 7) : (17, UInt32(take - 3), 3))
                i += take
            } else if value != 0 && run >= 4 {
                symbols.append((Int(value), 0, 0))
                let take = min(run - 1, 6)
                symbols.append((16, UInt32(take - 3), 2))
                i += 1 + take
            } else {
                symbols.append((Int(value), 0, 0))
                i += 1
            }
        }
        var counts = [Int](repeating: 0, count: 19)
        for entry in symbols { counts[entry.symbol] += 1 }
        let codeLengths = HuffmanCode.lengths(for: counts, limit: 7)
        let code = HuffmanCode(lengths: codeLengths)
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        let codeLengthCount = max(4, (order.lastIndex { codeLengths[$0] != 0 } ?? 0) + 1)
        writer.write(UInt32(literalCount - 257), bits: 5)
        writer.write(UInt32(distanceCount - 1), bits: 5)
        writer.write(UInt32(codeLengthCount - 4), bits: 4)
        for symbol in order.prefix(codeLengthCount) { writer.write(UInt32(codeLengths[symbol]), bits: 3) }
        for entry in symbols {
            code.write(entry.symbol, to: &writer)
            if entry.bits > 0 { writer.write(entry.extra, bits: entry.bits) }
        }
    }
}

/// A canonical Huffman code (RFC 1951 §3.2.2), its codes bit-reversed for deflate's LSB-first order.
struct HuffmanCode {
    let codes: [UInt32]
    let lengths: [UInt8]

    init(lengths: [UInt8]) {
        self.lengths = lengths
        var lengthCounts = [Int](repeating: 0, count: 16)
        for length in lengths where length > 0 { lengthCounts[Int(length)] += 1 }
        var next = [Int](repeating: 0, count: 16)
        var code = 0
        for bits in 1..<16 {
            code = (code + lengthCounts[bits - 1]) << 1
            next[bits] = code
        }
        var codes = [UInt32](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            var value = next[Int(length)], reversed = 0
            next[Int(length)] += 1
            for _ in 0..<Int(length) { reversed = reversed << 1 | value & 1; value >>= 1 }
            codes[symbol] = UInt32(reversed)
        }
        self.codes = codes
    }

    @inline(__always)
    func write(_ symbol: Int, to writer: inout BitWriter) {
        writer.write(codes[symbol], bits: Int(lengths[symbol]))
    }

    /// Code lengths for `counts`, none longer than `limit`. Every code is complete: at least two
    /// symbols get a length (decoders reject a lone one-bit code in the literal alphabet). Past the
    /// limit the counts are halved and the tree rebuilt, which flattens it within a few rounds.
    static func lengths(for counts: [Int], limit: Int) -> [UInt8] {
        var counts = counts
        var used = counts.indices.filter { counts[$0] > 0 }
        for symbol in counts.indices where used.count < 2 && counts[symbol] == 0 {
            counts[symbol] = 1
            used.append(symbol)
        }
        while true {
            let lengths = treeDepths(counts)
            if lengths.max()! <= UInt8(limit) { return lengths }
            counts = counts.map { $0 == 0 ? 0 : ($0 + 1) / 2 }
        }
    }

    /// Depth of each leaf in a Huffman tree built with two queues from leaves sorted by count (ties by
    /// symbol, so the tree never depends on sort stability).
    private static func treeDepths(_ counts: [Int]) -> [UInt8] {
        let leaves = counts.indices.filter { counts[$0] > 0 }.sorted { (counts[$0], $0) < (counts[$1], $1) }
        var weight = leaves.map { counts[$0] }
        var parent = [Int](repeating: -1, count: 2 * leaves.count)
        var nextLeaf = 0, nextNode = leaves.count, firstFree = leaves.count
        weight.reserveCapacity(2 * leaves.count)
        func takeSmallest() -> Int {
            if nextLeaf < leaves.count && (nextNode >= firstFree || weight[nextLeaf] <= weight[nextNode]) {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextNode += 1
            return nextNode - 1
        }
        for _ in 1..<leaves.count {
            let a = takeSmallest(), b = takeSmallest()
            weight.append(weight[a] + weight[b])
            parent[a] = firstFree
            parent[b] = firstFree
            firstFree += 1
        }
        var depth = [Int](repeating: 0, count: firstFree)
        if firstFree >= 2 {
            for node in stride(from: firstFree - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        }
        var lengths = [UInt8](repeating: 0, count: counts.count)
        for (index, symbol) in leaves.enumerated() { lengths[symbol] = UInt8(depth[index]) }
        return lengths
    }
}

/// Deflate's length and distance symbols (RFC 1951 §3.2.5).
enum DeflateTables {
    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                             131, 163, 195, 227, 258]
    static let lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                               1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
                                    12, 12, 13, 13]

    /// Length (3…258) → length symbol minus 257.
    static let lengthCode: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for symbol in 0..<29 {
            let last = symbol == 28 ? 258 : lengthBase[symbol + 1] - 1
            for length in lengthBase[symbol]...last where length <= 258 { table[length] = UInt8(symbol) }
        }
        table[258] = 28  // 258 has a symbol of its own (285), though 227 + 31 would also reach it
        return table
    }()

    @inline(__always)
    static func distanceCode(_ distance: Int) -> Int {
        // Two distances in use per image: a search over 30 entries is cheaper than a 32 KiB table.
        var symbol = 29
        while distanceBase[symbol] > distance { symbol -= 1 }
        return symbol
    }
}

/// Bits into bytes, least significant bit first (deflate's order).
struct BitWriter {
    var bytes: [UInt8] = []
    private var accumulator: UInt64 = 0
    private var count = 0

    @inline(__always)
    mutating func write(_ value: UInt32, bits: Int) {
        accumulator |= UInt64(value) << UInt64(count)
        count += bits
        if count >= 32 {
            let word = UInt32(truncatingIfNeeded: accumulator)
            bytes.append(UInt8(word & 0xFF))
            bytes.append(UInt8((word >> 8) & 0xFF))
            bytes.append(UInt8((word >> 16) & 0xFF))
            bytes.append(UInt8(word >> 24))
            accumulator >>= 32
            count -= 32
        }
    }

    mutating func alignToByte() {
        while count > 0 {
            bytes.append(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            count = max(0, count - 8)
        }
        accumulator = 0
    }
}
