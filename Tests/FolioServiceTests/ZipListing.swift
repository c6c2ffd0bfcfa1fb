import Foundation

/// Reads the entry names of a ZIP from its central directory: enough to check what a ZIP route
/// put in, without a ZIP library in the tests.
enum ZipListing {
    struct Entry: Equatable {
        var name: String
        /// 0 stored, 8 deflated.
        var method: Int
        var size: Int
    }

    static func entries(_ bytes: [UInt8]) -> [Entry]? {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22, bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        // End of central directory: the last PK\5\6 (no archive comment here).
        guard let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: {
            bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 5 && bytes[$0 + 3] == 6
        }) else { return nil }
        let count = u16(end + 10)
        var at = u32(end + 16)
        var result: [Entry] = []
        for _ in 0..<count {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4B50 else { return nil }
            let nameLength = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            result.append(Entry(name: name, method: u16(at + 10), size: u32(at + 24)))
            at += 46 + nameLength + extra + comment
        }
        return result
    }
}
