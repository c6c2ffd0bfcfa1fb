import Foundation

/// A YAML file as a plain tree with positions, for inputs other than reports (style sheets).
///
/// It goes through the same path as report files (`SourceDocument`: size and node limits, encoding,
/// alias screening, deep-nesting stack), so every YAML input Folio reads is safe against hostile
/// files and its problems are worded alike.
public struct YAMLTree: Sendable {
    public enum Value: Sendable {
        /// Text as written; `quoted` when the author quoted it (then "10" is text, not a number).
        case scalar(String, quoted: Bool)
        case sequence([YAMLTree])
        case mapping([Entry])
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyLine: Int
        public var keyColumn: Int
        public var value: YAMLTree
    }

    public var value: Value
    public var line: Int
    public var column: Int

    /// Parses `data`; problems come back as diagnostics naming `fileName`, never as a crash.
    public static func parse(data: Data, fileName: String, options: LoadOptions = LoadOptions())
        -> (tree: YAMLTree?, diagnostics: [Diagnostic]) {
        LargeStack.run {
            do throws(ParseFailure) {
                let root = try SourceDocument.tree(data, syntax: .yaml, file: 0, options: options)
                guard let root, !SourceDocument.isEmpty(root) else { throw ParseFailure(position: .start, message: "file is empty") }
                return (YAMLTree(root), [])
            } catch {
                let sink = DiagnosticSink(file: fileName)
                sink.error(error.message, at: error.position)
                return (nil, sink.sorted)
            }
        }
    }

    init(_ node: SourceNode) {
        line = node.position.line
        column = node.position.column
        switch node.content {
        case .scalar(let scalar):
            value = .scalar(scalar.style == .block ? String(scalar.text.dropLast(scalar.text.hasSuffix("\n") ? 1 : 0)) : scalar.text,
                            quoted: scalar.style != .plain)
        case .sequence(let items):
            value = .sequence(items.map(YAMLTree.init))
        case .mapping(let pairs):
            value = .mapping(pairs.map { pair in
                Entry(key: pair.key.scalar?.text ?? "", keyLine: pair.key.position.line,
                      keyColumn: pair.key.position.column, value: YAMLTree(pair.value))
            })
        }
    }
}
