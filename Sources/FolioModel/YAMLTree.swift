import Foundation

/// A YAML file as a plain tree with positions, for inputs other than reports (style sheets).
///
/// It goes through the same guarded path as report files (UTF-8 check, size and node limits, alias
/// screening, deep-nesting stack), so every YAML input Folio reads is safe against hostile files.
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
        let sink = DiagnosticSink(file: fileName)
        guard data.count <= options.maxBytes else {
            sink.error("file is larger than the limit of \(options.maxBytes) bytes", at: .start)
            return (nil, sink.sorted)
        }
        let tree = LargeStack.run { () -> YAMLTree? in
            data.withUnsafeBytes { raw -> YAMLTree? in
                let bytes = raw.bindMemory(to: UInt8.self)
                if let offset = UTF8Validation.firstInvalidOffset(bytes) {
                    sink.error("file is not valid UTF-8", at: UTF8Validation.position(ofByteOffset: offset, in: bytes))
                    return nil
                }
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
                guard !YAMLSource.isBlank(body) else {
                    sink.error("file is empty", at: .start)
                    return nil
                }
                do {
                    guard let root = try YAMLSource.parse(String(decoding: body, as: UTF8.self), bytes: body,
                                                          maxNodes: options.maxNodes) else {
                        sink.error("file is empty", at: .start)
                        return nil
                    }
                    return YAMLTree(root)
                } catch let failure as ParseFailure {
                    sink.error(failure.message, at: failure.position)
                } catch {
                    sink.error("could not read the file", at: .start)
                }
                return nil
            }
        }
        return (tree, sink.sorted)
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
