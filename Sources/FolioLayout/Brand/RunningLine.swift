import FolioModel

/// A running header or footer: a line in the margin with a left and a right part, each a template
/// of plain text and fields (`"{title}"`, `"{page} / {pages}"`).
///
/// Left and right are the sides in a left-to-right edition; an Arabic edition mirrors the page.
public struct RunningLine: Sendable, Equatable {
    public var left: FieldTemplate
    public var right: FieldTemplate

    public init(left: FieldTemplate, right: FieldTemplate) {
        self.left = left; self.right = right
    }

    /// Report title, and the outcome being read.
    public static let standardHeader = RunningLine(left: FieldTemplate([.field(.title)]),
                                                   right: FieldTemplate([.field(.outcome)]))
    /// Report title, and "Page 3 of 12" in the catalogue's words.
    public static let standardFooter = RunningLine(left: FieldTemplate([.field(.title)]),
                                                   right: FieldTemplate([.pageNumberPhrase]))

    /// Whether the line prints nothing, so no rule is drawn for it either.
    public var isEmpty: Bool { left.parts.isEmpty && right.parts.isEmpty }
}

/// Plain text with `{field}` placeholders. The text is never markup: what a style sheet writes is
/// printed as written, `{{` and `}}` print a brace.
public struct FieldTemplate: Sendable, Equatable {
    public enum Field: String, Sendable, CaseIterable {
        /// The report's title.
        case title
        /// The outcome being read on the page (before the first outcome: the section's title).
        case outcome
        /// The page's label: 1, 2, 3 in the body, roman numerals on the contents pages.
        case page
        /// Number of body pages.
        case pages
        /// The date of the data, in the edition's long form; empty when the data has none.
        case date
    }

    public enum Part: Sendable, Equatable {
        case text(String)
        case field(Field)
        /// "Page 3 of 12" in the edition's words (the catalogue's `page.number`); on contents pages,
        /// their roman numeral. Only the standard footer uses it: a sheet writes its own words.
        case pageNumberPhrase
    }

    public var parts: [Part]

    public init(_ parts: [Part]) { self.parts = parts }

    /// A field name that is not a field, or a brace left open, at `offset` characters into the text.
    public struct ParseError: Error, Equatable {
        public var offset: Int
        public var message: String
    }

    /// Reads `"{title} · {date}"`.
    public static func parse(_ text: String) throws(ParseError) -> FieldTemplate {
        var parts: [Part] = []
        var literal = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if (character == "{" || character == "}"), index + 1 < characters.count, characters[index + 1] == character {
                literal.append(character)
                index += 2
                continue
            }
            if character == "}" {
                throw ParseError(offset: index, message: "a \"}\" closes no field; write \"}}\" for a brace")
            }
            guard character == "{" else {
                literal.append(character)
                index += 1
                continue
            }
            guard let close = characters[index...].firstIndex(of: "}") else {
                throw ParseError(offset: index, message: "a \"{\" opens a field that is never closed; write \"{{\" for a brace")
            }
            let name = String(characters[(index + 1)..<close])
            guard let field = Field(rawValue: name) else {
                let known = Field.allCases.map(\.rawValue)
                let hint = Suggestion.closest(to: name, among: known).map { "; did you mean \"{\($0)}\"?" }
                    ?? "; the fields are " + known.map { "{\($0)}" }.joined(separator: ", ")
                throw ParseError(offset: index, message: "unknown field \"{\(name.prefix(40))}\"" + hint)
            }
            if !literal.isEmpty { parts.append(.text(literal)) }
            literal = ""
            parts.append(.field(field))
            index = close + 1
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return FieldTemplate(parts)
    }

    /// The text with each field replaced; `phrase` is what `.pageNumberPhrase` prints.
    /// - Parameter isolate: applied to each field's value when the template mixes fields with other
    ///   text, so that in a right-to-left edition an English title beside an Arabic date keeps its
    ///   own direction (`Edition.isolated`). A template of one field prints the value as it is.
    public func filled(_ values: [Field: String], phrase: String, isolate: (String) -> String = { $0 }) -> String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .field(let field):
                let value = values[field] ?? ""
                return parts.count > 1 ? isolate(value) : value
            case .pageNumberPhrase: return phrase
            }
        }.joined()
    }
}
