/// Excel's `_xHHHH_` escape: characters XML cannot carry (control characters) are written as
/// `_x0001_`, and a literal `_x` sequence that would look like one as `_x005F_x…`.
enum ExcelEscapes {
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               scalars[(i + 2)..<(i + 6)].allSatisfy({ $0.properties.isASCIIHexDigit }),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        scalars = []
        return String(out)
    }
}

/// The shared string table (`xl/sharedStrings.xml`): each `si` is plain (`<t>`) or rich text
/// (`<r><t>`), whose runs are joined; phonetic guides (`rPh`) are not part of the text.
final class SharedStringTable: XMLPartHandler {
    private(set) var strings: [String] = []
    private let part: String
    private let limit: Int
    private var current = ""
    private var inItem = false, inText = false, phonetic = 0

    private init(part: String, limit: Int) {
        self.part = part
        self.limit = limit
    }

    static func read(_ bytes: [UInt8], part: String, limit: Int) throws(WorkbookReader.Failure) -> [String] {
        let table = SharedStringTable(part: part, limit: limit)
        try StrictXML.parse(bytes, part: part, into: table)
        return table.strings
    }

    func start(_ name: String, namespace: String, attributes: [String: String]) throws(WorkbookReader.Failure) {
        guard namespace == WorkbookReader.mainNamespace else { return }
        switch name {
        case "si":
            guard strings.count < limit else {
                throw .xml(part: part, line: 1, "more than \(limit) shared strings")
            }
            inItem = true
            current = ""
        case "rPh": phonetic += 1
        case "t": inText = inItem && phonetic == 0
        default: break
        }
    }

    func end(_ name: String, namespace: String) throws(WorkbookReader.Failure) {
        guard namespace == WorkbookReader.mainNamespace else { return }
        switch name {
        case "si":
            strings.append(ExcelEscapes.decode(current))
            inItem = false
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    func text(_ text: String) {
        if inText { current += text }
    }
}
