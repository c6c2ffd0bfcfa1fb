/// A parsed input file as a plain tree with positions. YAML, JSON and CSV data are all turned into
/// this, so validation is written (and tested) once for every format.
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
