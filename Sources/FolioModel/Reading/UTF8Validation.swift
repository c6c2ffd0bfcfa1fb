/// Finds where bytes stop being UTF-8, so the error can point at the bad byte
/// instead of saying only that the file "could not be decoded".
enum UTF8Validation {
    /// Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and values above U+10FFFF are rejected as the standard requires).
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + 1 < n, (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<length {
                guard i + k < n, (0x80...0xBF).contains(bytes[i + k]) else { return i }
            }
            i += length
        }
        return nil
    }

    /// The message for a byte `firstInvalidOffset` found at `offset` in the file.
    static func invalidByteMessage(_ byte: UInt8, offset: Int) -> String {
        "file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at byte offset \(offset))"
    }

    /// Line and column of a byte offset in bytes valid up to it; CR, LF and CRLF each end a line.
    static func position(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        var line = 1, column = 1
        // A byte order mark takes no column, as in libyaml.
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A || (byte == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// A byte order mark of another Unicode encoding explains a decoding failure better than a byte offset.
    static func foreignByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func starts(_ prefix: [UInt8]) -> Bool {
            bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
        }
        if starts([0x00, 0x00, 0xFE, 0xFF]) || starts([0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32" }
        if starts([0xFE, 0xFF]) || starts([0xFF, 0xFE]) { return "UTF-16" }
        return nil
    }
}
