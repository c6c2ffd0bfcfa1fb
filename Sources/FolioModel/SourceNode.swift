/// A 1-based line and column (columns in Unicode scalars, as libyaml counts them).
struct SourcePosition: Equatable, Comparable, Sendable {
    var line: Int
    var column: Int

    static let start = SourcePosition(line: 1, column: 1)

    static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A parsed input file as a plain tree with positions. YAML and JSON are both turned into this,
/// so validation is written (and tested) once for both formats.
struct SourceNode: Sendable {
    enum Content: Sendable {
        case scalar(Scalar)
        case sequence([SourceNode])
        case mapping([Pair])
    }

    struct Pair: Sendable {
        var key: SourceNode
        var value: SourceNode
    }

    /// How a scalar was written. Numbers, booleans and nulls count only when plain:
    /// `target: "10"` is text, not a number.
    enum Style: Sendable {
        case plain
        case quoted
        /// YAML `|` or `>`: its text ends with a line break the author did not mean as content.
        case block
    }

    struct Scalar: Sendable {
        /// The text as written (quotes and escapes resolved, no type conversion): `4.10` stays "4.10".
        var text: String
        var style: Style
    }

    var content: Content
    var position: SourcePosition

    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    var scalar: Scalar? {
        if case let .scalar(scalar) = content { return scalar }
        return nil
    }

    /// YAML's empty value, `~` and `null`, and JSON's `null`.
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.style == .plain && Self.nullWords.contains(scalar.text)
    }
}

extension SourcePosition {
    /// "first at line 12" for messages about repeats; adds the column when both are on one line.
    func firstAt(seenFrom other: SourcePosition) -> String {
        line == other.line ? "first at line \(line), column \(column)" : "first at line \(line)"
    }
}
