import CHyphen
import FolioConcurrency
import Foundation

/// One libhyphen dictionary (`/usr/share/hyphen/hyph_fr.dic`), loaded once and owned here.
///
/// The dictionaries are TeX patterns compiled for LibreOffice; most are UTF-8, some 8-bit
/// (Russian is KOI8-R), so words are encoded to the dictionary's charset through a byte table
/// made once from iconv. libhyphen keeps no state between calls, but nothing in its documentation
/// promises that concurrent calls are safe, so each call holds the dictionary's lock: a word takes
/// microseconds, far below anything contention could cost.
final class HyphenationDictionary: Sendable {
    let file: URL
    /// The smallest number of letters a break may leave before and after it: the dictionary's
    /// own minimum, never below 2.
    let leftMinimum: Int
    let rightMinimum: Int
    private let dictionary: Guarded<OwnedDictionary>
    /// nil for UTF-8 dictionaries; otherwise each character's byte in the dictionary's charset.
    private let singleByte: [Unicode.Scalar: UInt8]?

    /// Owns the C dictionary; only touched inside `dictionary`'s lock.
    private struct OwnedDictionary: ~Copyable {
        let pointer: UnsafeMutablePointer<HyphenDict>
        deinit { hnj_hyphen_free(pointer) }
    }

    /// Longer words are left alone: libhyphen's buffers are sized for words, not strings.
    static let maxWordBytes = 96

    init?(file: URL) {
        guard let loaded = hnj_hyphen_load(file.path) else { return nil }
        leftMinimum = max(2, Int(loaded.pointee.lhmin))
        rightMinimum = max(2, Int(loaded.pointee.rhmin))
        let charset = withUnsafeBytes(of: loaded.pointee.cset) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        if loaded.pointee.utf8 != 0 {
            singleByte = nil
        } else {
            guard let table = Self.byteTable(charset: charset) else {
                hnj_hyphen_free(loaded)
                return nil
            }
            singleByte = table
        }
        self.file = file
        dictionary = Guarded(OwnedDictionary(pointer: loaded))
    }

    /// Offsets, in unicode scalars from the start of `word`, after which a hyphen may go;
    /// `word` must be lowercase letters only.
    func breaks(in word: [Unicode.Scalar]) -> [Int] {
        guard word.count >= leftMinimum + rightMinimum else { return [] }
        var bytes: [UInt8] = []
        var scalarAtByte: [Int] = []   // the scalar each byte belongs to
        for (index, scalar) in word.enumerated() {
            if let singleByte {
                guard let byte = singleByte[scalar] else { return [] }
                bytes.append(byte)
                scalarAtByte.append(index)
            } else {
                for byte in String(scalar).utf8 {
                    bytes.append(byte)
                    scalarAtByte.append(index)
                }
            }
        }
        guard bytes.count <= Self.maxWordBytes else { return [] }
        let encoded = bytes
        guard let marks = dictionary.withLock({ owned in Self.marks(owned.pointer, encoded) }) else { return [] }
        var result: [Int] = []
        for byte in 0..<bytes.count where marks[byte] {
            // The break follows the last byte of a scalar, never the middle of one.
            guard byte + 1 == bytes.count || scalarAtByte[byte + 1] != scalarAtByte[byte] else { continue }
            let before = scalarAtByte[byte] + 1
            if before >= leftMinimum, word.count - before >= rightMinimum { result.append(before) }
        }
        return result
    }

    /// Per byte of `word`, whether libhyphen allows a standard break after it; nil when it fails.
    private static func marks(_ dictionary: UnsafeMutablePointer<HyphenDict>, _ word: [UInt8]) -> [Bool]? {
        var hyphens = [CChar](repeating: 0, count: word.count + 5)
        var replacements: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        var positions: UnsafeMutablePointer<Int32>? = nil
        var cuts: UnsafeMutablePointer<Int32>? = nil
        let status = word.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                hnj_hyphen_hyphenate2(dictionary, characters.baseAddress, Int32(word.count), &hyphens, nil,
                                      &replacements, &positions, &cuts)
            }
        }
        defer {
            if let replacements {
                for index in 0..<word.count { free(replacements[index]) }
                free(replacements)
            }
            free(positions)
            free(cuts)
        }
        guard status == 0 else { return nil }
        // A non-standard break (German "Schiff=fahrt") changes letters; soft hyphens cannot.
        return (0..<word.count).map { hyphens[$0] & 1 == 1 && replacements?[$0] == nil }
    }

    /// Character → byte for an 8-bit charset, from iconv decoding bytes 0x80–0xFF once.
    private static func byteTable(charset: String) -> [Unicode.Scalar: UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var table: [Unicode.Scalar: UInt8] = [:]
        for byte in UInt8(0)...UInt8(255) {
            var input: [CChar] = [CChar(bitPattern: byte)]
            var output = [CChar](repeating: 0, count: 8)
            var inLeft = 1, outLeft = output.count
            let converted = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                    var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
            }
            guard converted != -1 else { continue }
            let utf8 = output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
            let text = String(decoding: utf8, as: UTF8.self)
            if text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first { table[scalar] = byte }
        }
        return table
    }
}
