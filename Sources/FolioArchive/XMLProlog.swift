/// The prolog of an XML document: what comes before its root element.
///
/// Folio reads XML it did not write (IATI files, the parts of a workbook) and never expands the
/// entities a DOCTYPE could declare (a "billion laughs" grows a few bytes into gigabytes). libxml2
/// would parse the declaration before Folio could refuse it, so the bytes are looked at first.
public enum XMLProlog {
    /// Where a DOCTYPE (or any other `<!` declaration but a comment) starts in the prolog, after the
    /// byte order mark, the XML declaration, processing instructions, comments and blanks; nil when
    /// the root element comes first.
    public static func doctypeOffset(_ bytes: [UInt8]) -> Int? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func starts(_ text: String) -> Bool {
            let utf8 = Array(text.utf8)
            return i + utf8.count <= bytes.count && bytes[i..<i + utf8.count].elementsEqual(utf8)
        }
        func skip(past terminator: String) {
            let end = Array(terminator.utf8)
            while i + end.count <= bytes.count {
                if bytes[i..<i + end.count].elementsEqual(end) { i += end.count; return }
                i += 1
            }
            i = bytes.count
        }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D:
                i += 1
            case UInt8(ascii: "<"):
                if starts("<?") { skip(past: "?>") } else if starts("<!--") { skip(past: "-->") } else if starts("<!") { return i } else { return nil }
            default:
                return nil
            }
        }
        return nil
    }

    /// The 1-based line of a DOCTYPE in the prolog, for messages; nil when there is none.
    public static func doctypeLine(_ bytes: [UInt8]) -> Int? {
        doctypeOffset(bytes).map { offset in bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
    }
}
