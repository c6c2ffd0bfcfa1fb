/// Reads typed values out of `SourceNode`s, reporting each mismatch at the value's position
/// and carrying on, so one check shows every problem in the file.
struct NodeReader {
    let sink: DiagnosticSink

    /// YAML 1.1 booleans, as Yams resolves them; JSON has only `true` and `false`.
    static let trueWords: Set<String> = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"]
    static let falseWords: Set<String> = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"]

    func fields(_ node: SourceNode, path: FieldPath, known: [String]?, expected: String = "a mapping") -> Fields? {
        guard case let .mapping(pairs) = node.content else {
            sink.error("expected \(expected), found \(describe(node))", at: node.position, path: path)
            return nil
        }
        return Fields(node: node, pairs: pairs, path: path, known: known, reader: self)
    }

    func list(_ node: SourceNode, path: FieldPath) -> [SourceNode]? {
        guard case let .sequence(items) = node.content else {
            sink.error("expected a list, found \(describe(node))", at: node.position, path: path)
            return nil
        }
        return items
    }

    /// Any scalar is text, taken as written: `4.10`, `2014-15` and `yes` are not converted.
    func text(_ node: SourceNode, path: FieldPath, nonEmpty: Bool) -> String? {
        guard let scalar = node.scalar, !node.isNull else {
            sink.error("expected text, found \(describe(node))", at: node.position, path: path)
            return nil
        }
        var text = scalar.text
        if scalar.style == .block {
            while let last = text.last, last.isNewline { text.removeLast() }
        }
        if nonEmpty && text.allSatisfy(\.isWhitespace) {
            sink.error("must not be empty", at: node.position, path: path)
            return nil
        }
        return text
    }

    /// Only unquoted digits count: `"10"`, `1.5`, `1e3`, `+3` and YAML's `yes` are refused, so a
    /// typo never silently becomes a number.
    func wholeNumber(_ node: SourceNode, path: FieldPath) -> Int? {
        if let scalar = node.scalar, scalar.style == .plain, !scalar.text.isEmpty,
           scalar.text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            if let value = Int(scalar.text) { return value }
            sink.error("number \(Quoting.bare(scalar.text)) is too large", at: node.position, path: path)
            return nil
        }
        sink.error("expected a whole number >= 0, found \(describe(node))", at: node.position, path: path)
        return nil
    }

    func boolean(_ node: SourceNode, path: FieldPath) -> Bool? {
        if let scalar = node.scalar, scalar.style == .plain {
            if Self.trueWords.contains(scalar.text) { return true }
            if Self.falseWords.contains(scalar.text) { return false }
        }
        sink.error("expected true or false, found \(describe(node))", at: node.position, path: path)
        return nil
    }

    /// How a value is named in "found ..." messages: bare when it reads as a number, boolean or
    /// null (`found -3`, `found yes`), quoted when it is text (`found "ten"`).
    func describe(_ node: SourceNode) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case let .scalar(scalar):
            guard scalar.style == .plain else { return Quoting.quoted(scalar.text) }
            if scalar.text.isEmpty { return "nothing" }
            if node.isNull || Self.trueWords.contains(scalar.text) || Self.falseWords.contains(scalar.text)
                || Self.looksNumeric(scalar.text) {
                return Quoting.bare(scalar.text)
            }
            return Quoting.quoted(scalar.text)
        }
    }

    private static func looksNumeric(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        if scalars.first == "." { scalars = scalars.dropFirst() }
        guard let first = scalars.first else { return false }
        return ("0"..."9").contains(first)
    }
}

/// One mapping's pairs, looked up by key. Keys are compared as text, so `1:` and `"1":` collide
/// here even though Yams (which compares resolved types) lets them both through.
final class Fields {
    let node: SourceNode
    let path: FieldPath
    private let reader: NodeReader
    private var index: [String: SourceNode.Pair] = [:]
    /// Text keys in document order, for mappings whose keys are data (region names).
    private(set) var entries: [(key: String, pair: SourceNode.Pair)] = []

    init(node: SourceNode, pairs: [SourceNode.Pair], path: FieldPath, known: [String]?, reader: NodeReader) {
        self.node = node
        self.path = path
        self.reader = reader
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                reader.sink.error("expected a text key, found \(reader.describe(pair.key))", at: pair.key.position, path: path)
                continue
            }
            if let first = index[key] {
                reader.sink.error("duplicate key \(Quoting.quoted(key)) (\(reader.sink.firstAt(first.key.position, seenFrom: pair.key.position)))",
                                  at: pair.key.position, path: path)
                continue
            }
            index[key] = pair
            entries.append((key, pair))
            if let known, !known.contains(key) {
                var message = "unknown key \(Quoting.quoted(key))"
                if let guess = Suggestion.closest(to: key, among: known) { message += "; did you mean \(Quoting.quoted(guess))?" }
                reader.sink.warning(message, at: pair.key.position, path: path)
            }
        }
    }

    /// The value, or `nil` when the key is absent or its value is null (`subtitle:` or `subtitle: ~`).
    func optional(_ key: String) -> SourceNode? {
        guard let value = index[key]?.value, !value.isNull else { return nil }
        return value
    }

    /// The value; reports a missing key at the mapping, and an empty value at its key.
    func required(_ key: String) -> SourceNode? {
        guard let pair = index[key] else {
            reader.sink.error("missing required field \(Quoting.quoted(key))", at: node.position, path: path)
            return nil
        }
        guard !pair.value.isNull else {
            reader.sink.error("required field \(Quoting.quoted(key)) has no value", at: pair.key.position, path: path.appending(key))
            return nil
        }
        return pair.value
    }

    func keyPosition(_ key: String) -> SourcePosition? {
        index[key]?.key.position
    }
}
