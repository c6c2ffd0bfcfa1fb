/// The little of PDF syntax `PDFAccessibility` needs to read a file Cairo 1.16 wrote: objects
/// (without stream data), the cross-reference table chain and the trailer. Not a general PDF reader:
/// no cross-reference streams, object streams or encryption, which Cairo 1.16 never writes.
///
/// Every read is bounds-checked and fails with `PDFAccessibility.Failure`, so damaged or foreign
/// input gives an error message, never a crash.
enum PDFSyntax {
    typealias Failure = PDFAccessibility.Failure

    struct Reference: Hashable, Comparable, CustomStringConvertible {
        var number: Int
        var generation: Int

        static func < (a: Reference, b: Reference) -> Bool {
            (a.number, a.generation) < (b.number, b.generation)
        }

        var description: String { "\(number) \(generation) R" }
    }

    indirect enum Value {
        case null
        case boolean(Bool)
        case integer(Int)
        case real
        case name(String)
        /// Literal or hexadecimal string; the content is not needed.
        case string
        case array([Value])
        case dictionary(Dict)
        case reference(Reference)

        var dictionary: Dict? { if case .dictionary(let d) = self { return d } else { return nil } }
        var name: String? { if case .name(let n) = self { return n } else { return nil } }
        var integer: Int? { if case .integer(let i) = self { return i } else { return nil } }
        var reference: Reference? { if case .reference(let r) = self { return r } else { return nil } }
    }

    /// A dictionary that remembers where each entry was in the file, so an object can be rewritten
    /// by copying its other entries byte for byte.
    struct Dict {
        struct Entry {
            /// Name without the slash, `#xx` escapes decoded.
            var key: String
            var value: Value
            /// From the key's slash to the end of the value.
            var bytes: [UInt8]
        }

        var entries: [Entry] = []

        subscript(key: String) -> Value? { entries.first { $0.key == key }?.value }
    }

    /// An indirect object as found at the offset the cross-reference table gives.
    struct IndirectObject {
        var reference: Reference
        var value: Value
    }

    // MARK: - Scanner

    /// Reads tokens and objects from a byte position onwards.
    struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var position: Int

        /// Arrays and dictionaries nested deeper than this are refused (Cairo nests three levels),
        /// so hostile input cannot exhaust the stack.
        static let maximumDepth = 64

        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0 || byte == 9 || byte == 10 || byte == 12 || byte == 13 || byte == 32
        }

        static func isDelimiter(_ byte: UInt8) -> Bool {
            "()<>[]{}/%".utf8.contains(byte)
        }

        static func isRegular(_ byte: UInt8) -> Bool { !isWhitespace(byte) && !isDelimiter(byte) }

        var atEnd: Bool { position >= bytes.count }

        func peek(_ offset: Int = 0) -> UInt8? {
            position + offset < bytes.count ? bytes[position + offset] : nil
        }

        func failure(_ message: String) -> Failure {
            Failure("\(message) at byte \(position)")
        }

        mutating func skipWhitespaceAndComments() {
            while let byte = peek() {
                if Scanner.isWhitespace(byte) {
                    position += 1
                } else if byte == UInt8(ascii: "%") {
                    while let byte = peek(), byte != 10, byte != 13 { position += 1 }
                } else {
                    return
                }
            }
        }

        /// A run of regular characters (keyword or number); empty if a delimiter or the end comes first.
        mutating func token() -> String {
            skipWhitespaceAndComments()
            let start = position
            while let byte = peek(), Scanner.isRegular(byte) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        mutating func expect(_ keyword: String) throws {
            let found = token()
            guard found == keyword else { throw failure("expected “\(keyword)”, found “\(found.prefix(20))”") }
        }

        mutating func integer() throws -> Int {
            let found = token()
            guard let value = Int(found), value >= 0 else { throw failure("expected a number, found “\(found.prefix(20))”") }
            return value
        }

        mutating func value(depth: Int = 0) throws -> Value {
            guard depth < Scanner.maximumDepth else { throw failure("objects nested too deeply") }
            skipWhitespaceAndComments()
            guard let byte = peek() else { throw failure("unexpected end of file") }
            switch byte {
            case UInt8(ascii: "/"):
                return .name(try name())
            case UInt8(ascii: "("):
                try skipLiteralString()
                return .string
            case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
                return .dictionary(try dictionary(depth: depth))
            case UInt8(ascii: "<"):
                guard let end = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else {
                    throw failure("unterminated hexadecimal string")
                }
                position = end + 1
                return .string
            case UInt8(ascii: "["):
                position += 1
                var items: [Value] = []
                while true {
                    skipWhitespaceAndComments()
                    if peek() == UInt8(ascii: "]") { position += 1; return .array(items) }
                    items.append(try value(depth: depth + 1))
                }
            default:
                return try numberOrKeyword()
            }
        }

        private mutating func numberOrKeyword() throws -> Value {
            let start = position
            let word = token()
            switch word {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            case "null": return .null
            case "": throw failure("unexpected “\(Character(Unicode.Scalar(bytes[position])))”")
            default: break
            }
            guard let number = Int(word) else {
                guard Double(word) != nil else {
                    position = start
                    throw failure("unexpected “\(word.prefix(20))”")
                }
                return .real
            }
            // `n g R` is a reference; anything else leaves the scanner after the first number.
            let afterNumber = position
            if number >= 0, let generation = Int(token()), generation >= 0, token() == "R" {
                return .reference(Reference(number: number, generation: generation))
            }
            position = afterNumber
            return .integer(number)
        }

        private mutating func name() throws -> String {
            position += 1  // the slash
            var decoded: [UInt8] = []
            while let byte = peek(), Scanner.isRegular(byte) {
                if byte == UInt8(ascii: "#"), let high = peek(1).flatMap(Scanner.hexDigit),
                   let low = peek(2).flatMap(Scanner.hexDigit) {
                    decoded.append(high << 4 | low)
                    position += 3
                } else {
                    decoded.append(byte)
                    position += 1
                }
            }
            return String(decoding: decoded, as: UTF8.self)
        }

        private static func hexDigit(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }

        /// Skips `( … )`, which may hold balanced parentheses and backslash escapes.
        private mutating func skipLiteralString() throws {
            var depth = 0
            while let byte = peek() {
                position += 1
                switch byte {
                case UInt8(ascii: "\\"): position += 1
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 { return }
                default: break
                }
            }
            throw failure("unterminated string")
        }

        private mutating func dictionary(depth: Int) throws -> Dict {
            position += 2
            var result = Dict()
            while true {
                skipWhitespaceAndComments()
                guard let byte = peek() else { throw failure("unterminated dictionary") }
                if byte == UInt8(ascii: ">") {
                    guard peek(1) == UInt8(ascii: ">") else { throw failure("expected “>>”") }
                    position += 2
                    return result
                }
                guard byte == UInt8(ascii: "/") else { throw failure("dictionary key is not a name") }
                let start = position
                let key = try name()
                let value = try value(depth: depth + 1)
                result.entries.append(Dict.Entry(key: key, value: value, bytes: Array(bytes[start..<position])))
            }
        }
    }

    // MARK: - File

    /// A PDF file seen through its cross-reference tables: the newest entry for each object wins,
    /// following `/Prev` from the last table back to the first.
    struct File {
        let bytes: UnsafeRawBufferPointer
        /// Offset of the newest cross-reference table (the `startxref` value).
        let startXref: Int
        /// The newest trailer.
        let trailer: Dict
        /// Per object number, its entry packed as `offset << 16 | generation`, or `XrefEntry.absent`
        /// or `.freed`. A flat array: a 10,000-page briefing has a million objects, which as a
        /// dictionary of tuples took tens of megabytes at the very end of the render.
        private let entries: [Int]

        private enum XrefEntry {
            static let absent = -1
            static let freed = -2
        }

        init(_ bytes: UnsafeRawBufferPointer) throws {
            self.bytes = bytes
            guard bytes.starts(with: "%PDF-".utf8) else { throw Failure("not a PDF file (no %PDF- header)") }
            startXref = try File.findStartXref(bytes)

            var entries: [Int] = []
            var newestTrailer: Dict?
            var visited = Set<Int>()
            var next: Int? = startXref
            while let sectionOffset = next {
                guard visited.insert(sectionOffset).inserted else { throw Failure("/Prev chain of cross-reference tables loops") }
                // Newest section first: an entry already set is newer than this section's.
                let trailer = try File.readSection(bytes, at: sectionOffset, into: &entries)
                if trailer["XRefStm"] != nil {
                    throw Failure("hybrid file with cross-reference streams (not written by Cairo 1.16)")
                }
                if trailer["Encrypt"] != nil { throw Failure("encrypted PDF (not written by Cairo 1.16)") }
                newestTrailer = newestTrailer ?? trailer
                switch trailer["Prev"] {
                case nil: next = nil
                case .integer(let previous)?: next = previous
                default: throw Failure("trailer /Prev is not an offset")
                }
            }
            trailer = newestTrailer!  // the loop runs at least once
            self.entries = entries
        }

        /// Object numbers run from 0 to below this.
        var objectNumberLimit: Int { entries.count }

        /// The number after the last `startxref`, looked for in the last kilobyte as readers do.
        private static func findStartXref(_ bytes: UnsafeRawBufferPointer) throws -> Int {
            let keyword = Array("startxref".utf8)
            let tailStart = max(0, bytes.count - 1024)
            var index = bytes.count - keyword.count
            while index >= tailStart {
                if bytes[index..<index + keyword.count].elementsEqual(keyword) {
                    var scanner = Scanner(bytes: bytes, position: index + keyword.count)
                    let offset = try scanner.integer()
                    guard offset < bytes.count else { throw Failure("startxref \(offset) is beyond the end of the file") }
                    return offset
                }
                index -= 1
            }
            throw Failure("no startxref at the end of the file (truncated, or not a PDF)")
        }

        /// Reads one `xref` table into `entries`, where no newer entry is, and returns the trailer after it.
        private static func readSection(_ bytes: UnsafeRawBufferPointer, at offset: Int, into entries: inout [Int]) throws -> Dict {
            var scanner = Scanner(bytes: bytes, position: offset)
            let keyword = scanner.token()
            guard keyword == "xref" else {
                if Int(keyword) != nil {
                    throw Failure("cross-reference stream instead of a table at byte \(offset) (not written by Cairo 1.16)")
                }
                throw Failure("no cross-reference table at byte \(offset)")
            }
            while true {
                let start = scanner.position
                if scanner.token() == "trailer" { break }
                scanner.position = start
                let first = try scanner.integer(), count = try scanner.integer()
                // PDF's own limit on object numbers; also keeps `first + count` from overflowing.
                guard first >= 0, first <= 8_388_607, count >= 0, count <= bytes.count / 20 else {
                    throw scanner.failure("cross-reference subsection too long")
                }
                if first + count > entries.count { entries += repeatElement(XrefEntry.absent, count: first + count - entries.count) }
                for number in first..<first + count {
                    let objectOffset = try scanner.integer(), generation = try scanner.integer()
                    let entry: Int
                    switch scanner.token() {
                    case "n":
                        guard objectOffset < bytes.count else { throw Failure("object \(number) is beyond the end of the file") }
                        guard objectOffset >= 0, (0...0xFFFF).contains(generation) else {
                            throw Failure("bad cross-reference entry for object \(number)")
                        }
                        entry = objectOffset << 16 | generation
                    case "f": entry = XrefEntry.freed
                    default: throw scanner.failure("bad cross-reference entry for object \(number)")
                    }
                    // Set already: by a newer table, or earlier in this one. Either way, that entry counts.
                    if entries[number] == XrefEntry.absent { entries[number] = entry }
                }
            }
            guard case .dictionary(let trailer) = try scanner.value() else { throw scanner.failure("trailer is not a dictionary") }
            return trailer
        }

        /// The object a reference points to; its generation must match the table's.
        func object(_ reference: Reference) throws -> IndirectObject {
            let entry = entries.indices.contains(reference.number) ? entries[reference.number] : XrefEntry.absent
            guard entry >= 0, entry & 0xFFFF == reference.generation else {
                throw Failure("object \(reference) is not in the cross-reference table")
            }
            let offset = entry >> 16
            var scanner = Scanner(bytes: bytes, position: offset)
            let number = try scanner.integer(), generation = try scanner.integer()
            try scanner.expect("obj")
            guard number == reference.number, generation == reference.generation else {
                throw Failure("cross-reference table points object \(reference) at byte \(offset), which holds \(number) \(generation) obj")
            }
            let value = try scanner.value()
            let end = scanner.token()
            guard end == "endobj" else {
                throw Failure(end == "stream" ? "object \(reference) is a stream, expected a dictionary" : "object \(reference) has no endobj")
            }
            return IndirectObject(reference: reference, value: value)
        }
    }
}
