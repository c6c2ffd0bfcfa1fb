/// Converts between byte offsets in a UTF-8 file and the 1-based line and column (in Unicode
/// scalars) that libxml2 reports and diagnostics print.
///
/// Export files are often one line of megabytes, and `XMLParser` reports positions in document
/// order, so a conversion continues from the previous one on the same line instead of counting
/// from the line's start each time (which would be quadratic in the line's length).
final class ColumnIndex {
    private let bytes: [UInt8]
    /// Offset of the first byte of each line.
    private let lineStarts: [Int]
    private var cursor = (line: 1, column: 1, offset: 0)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    private static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// The offset of the scalar at `line`, `column`; nil when the file has no such place.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        if !(cursor.line == line && cursor.column <= column) {
            cursor = (line, 1, lineStarts[line - 1])
        }
        var (current, offset) = (cursor.column, cursor.offset)
        while current < column, offset < bytes.count, bytes[offset] != 0x0A {
            offset += 1
            while offset < bytes.count, Self.isContinuation(bytes[offset]) { offset += 1 }
            current += 1
        }
        cursor = (line, current, offset)
        return min(offset, max(bytes.count - 1, 0))
    }

    /// The line and column of `offset`, counted from its line's start.
    func position(ofOffset offset: Int) -> SourcePosition {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourcePosition(line: low + 1, column: scalars(from: lineStarts[low], to: offset) + 1)
    }

    /// The position of `offset`, which lies before `end`, whose position is `anchor`.
    func position(ofOffset offset: Int, before end: Int, anchor: SourcePosition) -> SourcePosition {
        if bytes[offset..<end].contains(0x0A) { return position(ofOffset: offset) }
        return SourcePosition(line: anchor.line, column: anchor.column - scalars(from: offset, to: end))
    }

    /// The position of `offset`, which lies after `start`, whose position is `anchor`.
    func position(ofOffset offset: Int, after start: Int, anchor: SourcePosition) -> SourcePosition {
        if bytes[start..<offset].contains(0x0A) { return position(ofOffset: offset) }
        return SourcePosition(line: anchor.line, column: anchor.column + scalars(from: start, to: offset))
    }

    private func scalars(from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        return bytes[start..<end].reduce(0) { $0 + (Self.isContinuation($1) ? 0 : 1) }
    }
}
