/// One record of a CSV file: its fields, and the physical line it starts on (a quoted field may
/// span several lines, so record numbers and line numbers differ).
struct CSVRecord {
    var line: Int
    var fields: [String]

    /// Empty, or only whitespace in every field: skipped like a blank line.
    var isBlank: Bool {
        fields.allSatisfy { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
    }
}

/// A CSV file read into records (RFC 4180, leniently): UTF-8 with or without a byte order mark,
/// comma or semicolon separators (whichever the header line uses more), quoted fields with
/// doubled quotes and embedded line breaks, and LF, CRLF or CR line ends.
///
/// Positions are a physical line (where the record starts) and a 1-based field number. Reading
/// is one linear pass over the bytes: no input can make it run long or recurse.
struct CSVTable {
    var separator: UInt8
    /// Blank records included; callers skip them.
    var records: [CSVRecord]

    static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// A syntax or encoding problem ends the reading of the file (a `ParseFailure` at the record's
    /// line and the field's number).
    /// - Parameter maxCells: most fields the file may hold (the loader's node limit).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: Int, maxCells: Int) throws(ParseFailure) -> CSVTable {
        var reader = Reader(bytes: bytes, start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0, file: file, maxCells: maxCells)
        reader.separator = detectSeparator(bytes, from: reader.index)
        var records: [CSVRecord] = []
        while reader.index < bytes.count {
            records.append(try reader.record())
        }
        return CSVTable(separator: reader.separator, records: records)
    }

    /// Counts commas and semicolons outside quotes on the first line that has any text.
    static func detectSeparator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false, sawText = false
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == lf || byte == cr {
                    if sawText { break }
                } else if byte == comma {
                    commas += 1
                } else if byte == semicolon {
                    semicolons += 1
                }
            }
            if byte != lf && byte != cr && byte != 0x20 && byte != 0x09 { sawText = true }
            i += 1
        }
        return semicolons > commas ? semicolon : comma
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let file: Int
        let maxCells: Int
        var separator = CSVTable.comma
        var line = 1
        var cells = 0

        init(bytes: UnsafeBufferPointer<UInt8>, start: Int, file: Int, maxCells: Int) {
            self.bytes = bytes
            self.index = start
            self.file = file
            self.maxCells = maxCells
        }

        private func failure(line: Int, field: Int, _ message: String) -> ParseFailure {
            ParseFailure(position: SourcePosition(file: file, line: line, column: field), message: message)
        }

        mutating func record() throws(ParseFailure) -> CSVRecord {
            let start = line
            var fields: [String] = []
            while true {
                cells += 1
                if cells > maxCells {
                    throw failure(line: start, field: fields.count + 1, "file has more than \(maxCells) cells")
                }
                fields.append(try field(recordLine: start, number: fields.count + 1))
                guard index < bytes.count else { break }
                let byte = bytes[index]
                if byte == separator {
                    index += 1
                    continue
                }
                // A line end (field() stops only at a separator, a line end or the end of the file).
                endLine()
                break
            }
            return CSVRecord(line: start, fields: fields)
        }

        /// Consumes LF, CRLF or CR.
        private mutating func endLine() {
            if bytes[index] == CSVTable.cr, index + 1 < bytes.count, bytes[index + 1] == CSVTable.lf { index += 1 }
            index += 1
            line += 1
        }

        private mutating func field(recordLine: Int, number: Int) throws(ParseFailure) -> String {
            let start = index
            var text: [UInt8] = []
            if index < bytes.count, bytes[index] == CSVTable.quote {
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw failure(line: recordLine, field: number, "quoted field is never closed (a \" is missing)")
                    }
                    let byte = bytes[index]
                    if byte == CSVTable.quote {
                        if index + 1 < bytes.count, bytes[index + 1] == CSVTable.quote {
                            text.append(byte)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if byte == CSVTable.lf || (byte == CSVTable.cr && !(index + 1 < bytes.count && bytes[index + 1] == CSVTable.lf)) {
                        line += 1
                    }
                    text.append(byte)
                    index += 1
                }
                // Spaces after the closing quote are tolerated; anything else is a mistake.
                while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
                if index < bytes.count, bytes[index] != separator, bytes[index] != CSVTable.lf, bytes[index] != CSVTable.cr {
                    throw failure(line: recordLine, field: number,
                                  "unexpected text after the closing quote (write a \" inside a quoted field as \"\")")
                }
                try check(from: start, to: index, quoted: true, recordLine: recordLine, number: number)
            } else {
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == separator || byte == CSVTable.lf || byte == CSVTable.cr { break }
                    text.append(byte)
                    index += 1
                }
                try check(from: start, to: index, quoted: false, recordLine: recordLine, number: number)
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// UTF-8 validity of the field as written, and no NUL outside quotes: that is a binary file.
        private func check(from start: Int, to end: Int, quoted: Bool, recordLine: Int, number: Int) throws(ParseFailure) {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let offset = UTF8Validation.firstInvalidOffset(raw) {
                throw failure(line: recordLine, field: number, UTF8Validation.invalidByteMessage(raw[offset], offset: start + offset))
            }
            if !quoted, raw.contains(0) {
                throw failure(line: recordLine, field: number, "file holds a NUL byte: it is not a text file")
            }
        }
    }
}
