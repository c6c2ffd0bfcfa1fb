import Foundation

/// JSON bodies as the service writes them: sorted keys, unescaped slashes, ISO 8601 dates, one
/// trailing newline (so `curl` output ends cleanly).
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8)) + [0x0A]
    }
}
