/// A cell's address in A1 notation ("C12": column C, row 12), the way spreadsheet users name cells
/// and the way Folio's messages point at them.
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based row number.
    public var row: Int
    /// 1-based column number (A = 1, Z = 26, AA = 27).
    public var column: Int

    /// Excel's limits: 1,048,576 rows and 16,384 columns (XFD).
    public static let maximumRow = 1_048_576
    public static let maximumColumn = 16_384

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses "C12" (letters then digits, no `$`); nil for anything else or beyond Excel's limits.
    public init?(_ text: some StringProtocol) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                if digits == 0 && byte == UInt8(ascii: "0") { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, (1...Self.maximumRow).contains(row), (1...Self.maximumColumn).contains(column) else {
            return nil
        }
        self.init(row: row, column: column)
    }

    /// "A", "Z", "AA"… for a 1-based column number.
    public static func letters(ofColumn column: Int) -> String {
        var number = column
        var scalars: [Unicode.Scalar] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder)))
            number = (number - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    public var description: String { Self.letters(ofColumn: column) + String(row) }

    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
