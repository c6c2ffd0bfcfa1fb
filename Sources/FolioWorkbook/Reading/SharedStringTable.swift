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
