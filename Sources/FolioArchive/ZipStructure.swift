/// Checks that a ZIP archive's directory stays inside its bytes before ZIPFoundation reads it.
///
/// ZIPFoundation 0.9.20 reading from memory trusts the offsets it finds: a central directory
/// placed past the end of the data makes it seek there and then trap on a negative read length,
/// which would take the whole process down (found by fuzzing). So every offset and length it will
/// follow is checked here first: the end record, each central directory record, each local header
/// and the compressed data behind it. ZIP64 archives are refused: an Office file within Folio's
/// limits never needs them.
enum ZipStructure {
    static func check(_ bytes: [UInt8]) throws(PackageArchive.Failure) {
        func word(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func long(_ at: Int) -> Int { word(at) | word(at + 2) << 16 }
        let count = bytes.count
        guard count >= 22 else { throw .unreadable }
        // The end record is in the last 22 + 65535 (comment) bytes; take the last one found.
        var end = count - 22
        let lowest = max(0, count - 22 - 65_535)
        while end >= lowest, long(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { throw .unreadable }
        if end >= 20, long(end - 20) == 0x0706_4B50 { throw .unreadable }     // a ZIP64 locator
        let entries = word(end + 10), directorySize = long(end + 12), directoryStart = long(end + 16)
        guard word(end + 4) == 0, word(end + 6) == 0, word(end + 8) == entries,
              entries != 0xFFFF, directorySize != 0xFFFF_FFFF, directoryStart != 0xFFFF_FFFF,
              directoryStart + directorySize <= end else { throw .unreadable }
        var record = directoryStart
        for _ in 0..<entries {
            guard record + 46 <= directoryStart + directorySize, long(record) == 0x0201_4B50 else { throw .unreadable }
            let compressed = long(record + 20), uncompressed = long(record + 24)
            let nameLength = word(record + 28), extraLength = word(record + 30), commentLength = word(record + 32)
            let local = long(record + 42)
            guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
                  record + 46 + nameLength + extraLength + commentLength <= directoryStart + directorySize,
                  local + 30 <= directoryStart, long(local) == 0x0403_4B50 else { throw .unreadable }
            // A stored entry is read by its uncompressed size, a deflated one by its compressed size;
            // with a data descriptor (flag bit 3), that record is read right after the data.
            let dataStart = local + 30 + word(local + 26) + word(local + 28)
            let dataSize = word(record + 10) == 0 ? max(compressed, uncompressed) : compressed
            guard dataStart + dataSize <= directoryStart else { throw .unreadable }
            if word(record + 8) & 0x08 != 0, dataStart + dataSize + 16 > count { throw .unreadable }
            record += 46 + nameLength + extraLength + commentLength
        }
    }
}
