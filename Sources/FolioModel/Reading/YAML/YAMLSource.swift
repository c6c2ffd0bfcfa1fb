import Foundation
import Yams

/// Reads YAML through Yams into a `SourceNode` tree, turning every Yams failure into a positioned message.
enum YAMLSource {
    /// libyaml's built-in nesting limit (`MAX_NESTING_LEVEL` in the copy Yams 6.2.2 ships).
    static let maxDepth = 1000

    /// The document's root, or `nil` when the stream holds no document (empty, or only comments).
    static func parse(_ text: String, bytes: UnsafeBufferPointer<UInt8>, file: Int, maxNodes: Int) throws(ParseFailure) -> SourceNode? {
        let masked = AliasKeyScreen.maskedCopy(bytes)
        if let masked {
            let copy = String(decoding: masked, as: UTF8.self)
            if let root = try compose(copy, original: text, file: file), let mark = AliasKeyScreen.firstNonScalarKey(in: root) {
                throw ParseFailure(position: position(of: mark, file: file), message: AliasKeyScreen.message)
            }
        }
        guard let root = try compose(text, original: text, file: file) else { return nil }
        var budget = maxNodes
        guard fits(root, budget: &budget) else {
            // Name aliases as the likely cause only when the file may have some.
            let message = masked == nil ? "document has more than \(maxNodes) nodes"
                                        : "document expands to more than \(maxNodes) nodes (YAML aliases?)"
            throw ParseFailure(position: position(of: root.mark, file: file), message: message)
        }
        return convert(root, file: file)
    }

    /// Only blank lines and comments. Checked before libyaml, which rejects a line of only a tab.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var inComment = false
        var lineStart = true
        for byte in bytes {
            switch byte {
            case 0x0A, 0x0D:
                inComment = false
                lineStart = true
            case _ where inComment:
                break
            case 0x20, 0x09:
                break
            case UInt8(ascii: "#") where lineStart:
                inComment = true
            default:
                return false
            }
        }
        return true
    }

    /// The basic resolver gives every plain scalar the string tag: Folio types scalars itself
    /// (`SourceNode.Style`), and Yams' default resolver ran up to eight regular expressions on each
    /// scalar, and again on every mapping key when it checked for duplicates.
    private static func compose(_ text: String, original: String, file: Int) throws(ParseFailure) -> Node? {
        do {
            return try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            throw failure(from: error, original: original, file: file)
        } catch {
            throw ParseFailure(position: .start(of: file), message: "could not read the file")
        }
    }

    /// Walks the tree as it would be expanded, aliases counted at every use, and stops as soon as
    /// the budget is spent, so a "billion laughs" costs `maxNodes` steps rather than a billion.
    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case let .sequence(sequence):
            for child in sequence where !fits(child, budget: &budget) { return false }
            return true
        case let .mapping(mapping):
            // Index access: iterating a Yams mapping copies all its pairs first.
            for i in mapping.startIndex..<mapping.endIndex {
                let pair = mapping[i]
                guard fits(pair.key, budget: &budget), fits(pair.value, budget: &budget) else { return false }
            }
            return true
        }
    }

    private static func convert(_ node: Node, file: Int) -> SourceNode {
        switch node {
        case let .scalar(scalar):
            let style: SourceNode.Style
            switch scalar.style {
            // An explicit tag (`!!str 10`) makes even a plain scalar text.
            case .plain where scalar.tag.rawValue.isEmpty: style = .plain
            case .literal, .folded: style = .block
            default: style = .quoted
            }
            return SourceNode(content: .scalar(.init(text: scalar.string, style: style)), position: position(of: scalar.mark, file: file))
        case let .sequence(sequence):
            return SourceNode(content: .sequence(sequence.map { convert($0, file: file) }), position: position(of: sequence.mark, file: file))
        case let .mapping(mapping):
            var pairs: [SourceNode.Pair] = []
            pairs.reserveCapacity(mapping.count)
            for i in mapping.startIndex..<mapping.endIndex {
                let pair = mapping[i]
                pairs.append(.init(key: convert(pair.key, file: file), value: convert(pair.value, file: file)))
            }
            return SourceNode(content: .mapping(pairs), position: position(of: mapping.mark, file: file))
        case let .alias(alias):
            // Yams' parser resolves aliases itself; this is only for completeness.
            return SourceNode(content: .scalar(.init(text: "*\(alias.anchor.rawValue)", style: .quoted)), position: .start(of: file))
        }
    }

    private static func position(of mark: Mark?, file: Int) -> SourcePosition {
        guard let mark else { return .start(of: file) }
        return SourcePosition(file: file, line: max(1, mark.line), column: max(1, mark.column))
    }

    // MARK: Errors

    /// Never uses `YamlError.description`: it embeds the whole document for duplicate keys.
    private static func failure(from error: YamlError, original: String, file: Int) -> ParseFailure {
        func position(of mark: Mark?) -> SourcePosition { Self.position(of: mark, file: file) }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                return .tooDeep(at: position(of: mark), limit: maxDepth)
            }
            if context?.text == "expected a single document in the stream" {
                return ParseFailure(position: position(of: mark), message: "the file holds more than one YAML document")
            }
            var message = "syntax error: \(problem)"
            if let context, !context.text.isEmpty {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return ParseFailure(position: position(of: mark), message: message)
        case let .reader(problem, offset, value, yaml):
            var where_ = offset.map { characterPosition($0, in: yaml) } ?? .start
            where_.file = file
            var message = "invalid character"
            if value >= 0 {
                message += " U+" + Quoting.hex(UInt32(value), digits: 4)
            }
            return ParseFailure(position: where_, message: message + ": " + problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return duplicateKey(duplicates.first ?? "", first: position(of: context.mark), in: original)
        case .memory:
            return ParseFailure(position: .start(of: file), message: "out of memory while reading the file")
        default:
            return ParseFailure(position: .start(of: file), message: "could not read the file as YAML")
        }
    }

    /// Yams reports where a duplicated key first appears; users need the repeat, which is the
    /// line to delete. Block mappings (the usual layout) are searched for it by indentation.
    private static func duplicateKey(_ key: String, first: SourcePosition, in text: String) -> ParseFailure {
        if key == "<uncovertable>" {
            // Two non-scalar keys compared equal: only possible in AliasKeyScreen's copy, or with collection keys.
            return ParseFailure(position: first, message: AliasKeyScreen.message)
        }
        if let repeat_ = DuplicateKeyLocator.repeatPosition(of: key, after: first, in: text) {
            return ParseFailure(position: repeat_,
                                message: "duplicate key \(Quoting.quoted(key)) (\(first.firstAt(seenFrom: repeat_)))")
        }
        return ParseFailure(position: first, message: "duplicate key \(Quoting.quoted(key)) (it appears again later in this mapping)")
    }

    /// Yams gives reader errors as an offset in Characters; columns are wanted in Unicode scalars.
    private static func characterPosition(_ offset: Int, in text: String) -> SourcePosition {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
