/// Reads the text fields that may be given in several languages, and keeps what `Report` needs
/// of them: the other languages' texts (`Report.translations`) and where every text field was
/// written (`Report.locations`).
///
/// A translatable field is a text, in the data's `language:`, or a mapping from language tags to
/// texts that must include the data's language: `title: {en: ..., fr: ..., es: ...}`. A class, so
/// the validator's non-mutating readers can record into it.
final class TranslatedFields {
    /// The data's `language:`; the mapping's text in it becomes the field's plain text.
    var language = Report.defaultLanguage
    private let reader: NodeReader
    private(set) var translations: [String: Translation] = [:]
    private(set) var locations: [(path: FieldPath, location: FieldLocation)] = []

    init(reader: NodeReader) {
        self.reader = reader
    }

    /// The field's text in the data's language; records its translations and its location.
    func text(_ node: SourceNode, path: FieldPath, nonEmpty: Bool) -> String? {
        guard case .mapping = node.content else {
            let text = reader.text(node, path: path, nonEmpty: nonEmpty)
            if text != nil { locate(path, node.position) }
            return text
        }
        guard let fields = reader.fields(node, path: path, known: nil, expected: "text or a mapping from language tags to texts") else {
            return nil
        }
        var own: String?
        var others: [String: String] = [:]
        var complete = true
        for (tag, pair) in fields.entries where !reader.sink.isFull {
            guard LanguageTag.isValid(tag) else {
                reader.sink.error("expected a language tag such as \"fr\" or \"es\" as key, found \(Quoting.quoted(tag))",
                                  at: pair.key.position, path: path)
                complete = false
                continue
            }
            guard let text = reader.text(pair.value, path: path.appending(tag), nonEmpty: nonEmpty) else {
                complete = false
                continue
            }
            if tag.lowercased() == language.lowercased() { own = text } else { others[tag] = text }
        }
        guard let own else {
            if complete {
                reader.sink.error("no \(Quoting.quoted(language)) text (the data's language); every translated text needs one",
                                  at: node.position, path: path)
            }
            return nil
        }
        if !others.isEmpty { translations[path.description] = Translation(others) }
        locate(path, node.position)
        return own
    }

    func locate(_ path: FieldPath, _ position: SourcePosition) {
        let files = reader.sink.files
        let file = files.indices.contains(position.file) ? files[position.file] : files[0]
        // Line 0 is a file as a whole (a CSV folder's title taken from its name).
        locations.append((path, position.line > 0
            ? FieldLocation(file: file, line: position.line, column: position.column)
            : FieldLocation(file: file, line: 1, column: 1)))
    }
}
