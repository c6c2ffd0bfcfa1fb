/// A strict RFC 8259 JSON reader that keeps line and column for every value.
///
/// Written here rather than feeding JSON to Yams because libyaml rejects escaped surrogate
/// pairs (`"\ud83d\ude00"`, which Python's `json.dump` writes for any non-BMP character) and
/// silently accepts non-JSON (comments, unquoted text, raw line breaks in strings), so a `.json`
/// file could load while other JSON tools reject it.
struct JSONSource {
    /// Same bound as libyaml's, so both formats fail alike on pathological nesting.
    static let maxDepth = 1000

    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: Int
    private let maxNodes: Int
    private var index = 0
    private var line = 1
    private var column = 1
    private var nodeCount = 0
    /// Where the node limit is reported: the document as a whole is too big, not one value in it.
    private var rootPosition: SourcePosition

    /// The document's root, or `nil` when the file holds only whitespace.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: Int, maxNodes: Int) throws(ParseFailure) -> SourceNode? {
        var reader = JSONSource(bytes: bytes, file: file, maxNodes: maxNodes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
        reader.skipWhitespace()
        guard reader.index < bytes.count else { return nil }
        reader.rootPosition = reader.position
        let root = try reader.value(depth: 1)
        reader.skipWhitespace()
        if reader.index < bytes.count {
            throw reader.failure("unexpected \(reader.describeCurrent()) after the end of the JSON value")
        }
        return root
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: Int, maxNodes: Int) {
        self.bytes = bytes
        self.file = file
        self.maxNodes = maxNodes
        rootPosition = .start(of: file)
    }

    // MARK: Values

    private mutating func value(depth: Int) throws(ParseFailure) -> SourceNode {
        let start = position
        nodeCount += 1
        guard nodeCount <= maxNodes else {
            throw ParseFailure(position: rootPosition, message: "document has more than \(maxNodes) nodes")
        }
        guard let byte = current else { throw failure("unexpected end of file, expected a value") }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth <= Self.maxDepth else { throw ParseFailure.tooDeep(at: start, limit: Self.maxDepth) }
            return try object(depth: depth, start: start)
        case UInt8(ascii: "["):
            guard depth <= Self.maxDepth else { throw ParseFailure.tooDeep(at: start, limit: Self.maxDepth) }
            return try array(depth: depth, start: start)
        case UInt8(ascii: "\""):
            return SourceNode(content: .scalar(.init(text: try string(), style: .quoted)), position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return SourceNode(content: .scalar(.init(text: try number(), style: .plain)), position: start)
        default:
            for word in ["true", "false", "null"] where matches(word) {
                for _ in word.utf8 { advance() }
                return SourceNode(content: .scalar(.init(text: word, style: .plain)), position: start)
            }
            throw failure("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func object(depth: Int, start: SourcePosition) throws(ParseFailure) -> SourceNode {
        advance() // {
        var pairs: [SourceNode.Pair] = []
        var seen: [String: SourcePosition] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return SourceNode(content: .mapping(pairs), position: start)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw failure("unexpected \(describeCurrent()), expected a key in double quotes")
            }
            let keyPosition = position
            nodeCount += 1
            guard nodeCount <= maxNodes else {
                throw ParseFailure(position: rootPosition, message: "document has more than \(maxNodes) nodes")
            }
            let key = try string()
            if let first = seen[key] {
                throw ParseFailure(position: keyPosition,
                                   message: "duplicate key \(Quoting.quoted(key)) (\(first.firstAt(seenFrom: keyPosition)))")
            }
            seen[key] = keyPosition
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw failure("unexpected \(describeCurrent()), expected ':' after the key")
            }
            advance()
            skipWhitespace()
            let value = try value(depth: depth + 1)
            pairs.append(.init(key: SourceNode(content: .scalar(.init(text: key, style: .quoted)), position: keyPosition),
                               value: value))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "}"):
                advance()
                return SourceNode(content: .mapping(pairs), position: start)
            default: throw failure("unexpected \(describeCurrent()), expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int, start: SourcePosition) throws(ParseFailure) -> SourceNode {
        advance() // [
        var items: [SourceNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            return SourceNode(content: .sequence(items), position: start)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): advance()
            case UInt8(ascii: "]"):
                advance()
                return SourceNode(content: .sequence(items), position: start)
            default: throw failure("unexpected \(describeCurrent()), expected ',' or ']'")
            }
        }
    }

    // MARK: Scalars

    private mutating func string() throws(ParseFailure) -> String {
        advance() // opening quote
        var utf8: [UInt8] = []
        while true {
            guard let byte = current else { throw failure("unexpected end of file inside a string") }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escapeStart = position
                advance()
                guard let escaped = current else { throw failure("unexpected end of file inside a string") }
                advance()
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape(start: escapeStart)
                    utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw ParseFailure(position: escapeStart,
                                       message: "invalid escape \(Quoting.quoted("\\" + String(decoding: [escaped], as: UTF8.self))) in a string")
                }
            case 0..<0x20:
                throw failure("control character U+\(Quoting.hex(UInt32(byte), digits: 4)) in a string (write it as an escape such as \\n)")
            default:
                utf8.append(byte)
                advance()
            }
        }
    }

    /// After `\u`: reads four hex digits, and a second `\uXXXX` when the first is a high surrogate.
    private mutating func unicodeEscape(start: SourcePosition) throws(ParseFailure) -> Unicode.Scalar {
        let first = try hexQuad(start: start)
        if (0xD800...0xDBFF).contains(first) {
            guard matches("\\u") else {
                throw ParseFailure(position: start, message: "unpaired surrogate \\u\(Quoting.hex(first, digits: 4)) in a string")
            }
            advance(); advance()
            let second = try hexQuad(start: start)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw ParseFailure(position: start, message: "unpaired surrogate \\u\(Quoting.hex(first, digits: 4)) in a string")
            }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw ParseFailure(position: start, message: "unpaired surrogate \\u\(Quoting.hex(first, digits: 4)) in a string")
        }
        return scalar
    }

    private mutating func hexQuad(start: SourcePosition) throws(ParseFailure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw ParseFailure(position: start, message: "invalid \\u escape in a string (expected four hex digits)")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    /// Keeps the number's text as written; the validator decides which numbers it accepts.
    private mutating func number() throws(ParseFailure) -> String {
        let startIndex = index
        let start = position
        func digits() -> Int {
            var count = 0
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { advance(); count += 1 }
            return count
        }
        if current == UInt8(ascii: "-") { advance() }
        let leadingZero = current == UInt8(ascii: "0")
        let intDigits = digits()
        var valid = intDigits > 0 && !(leadingZero && intDigits > 1)
        if valid, current == UInt8(ascii: ".") {
            advance()
            valid = digits() > 0
        }
        if valid, current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            valid = digits() > 0
        }
        // Swallow the rest of a malformed token so the message shows all of it.
        while let byte = current, Self.isNumberTail(byte) { valid = false; advance() }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[startIndex..<index]), as: UTF8.self)
        guard valid else { throw ParseFailure(position: start, message: "invalid number \(Quoting.quoted(text))") }
        return text
    }

    // MARK: Scanning

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private var position: SourcePosition { SourcePosition(file: file, line: line, column: column) }

    /// Moves one byte on, counting columns in Unicode scalars like libyaml does.
    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A || (byte == 0x0D && current != 0x0A) {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 && byte != 0x0D {
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
    }

    private func matches(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count else { return false }
        return (0..<utf8.count).allSatisfy { bytes[index + $0] == utf8[$0] }
    }

    private func failure(_ message: String) -> ParseFailure {
        ParseFailure(position: position, message: message)
    }

    private func describeCurrent() -> String {
        guard let byte = current else { return "end of file" }
        if byte == UInt8(ascii: "'") { return "\"'\"" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return "character U+\(Quoting.hex(UInt32(byte), digits: 4))" }
        // A non-ASCII character: decode it so the message names it.
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        return "'\(text)'"
    }

    private static func isNumberTail(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
