/// The words Folio writes itself in one language: headings, table headers, page furniture, chart
/// titles and alt texts. Read from `Assets/catalogues/<tag>.yaml`; a style sheet or a project may
/// add languages or override keys without code.
public struct Catalogue: Sendable, Equatable {
    /// One entry: plain text with `{name}` placeholders, or one text per CLDR plural category.
    public enum Message: Sendable, Equatable {
        case text(String)
        case plural([String: String])
    }

    public enum Direction: String, Sendable, Equatable {
        case leftToRight = "ltr"
        case rightToLeft = "rtl"
    }

    /// The BCP 47 tag the catalogue is for.
    public var language: String
    public var direction: Direction
    /// CLDR numbering system for digits ("latn", "arab"); nil keeps the language's default.
    public var numbering: String?
    /// The CLDR locale whose formats the language uses when the edition names no region: English
    /// editions of international organisations write "6 December 2026" (en-GB), not CLDR's
    /// default American "December 6, 2026". Nil uses the language tag itself.
    public var locale: String?
    public var messages: [String: Message]

    public init(language: String, direction: Direction = .leftToRight, numbering: String? = nil, locale: String? = nil,
                messages: [String: Message]) {
        self.language = language
        self.direction = direction
        self.numbering = numbering
        self.locale = locale
        self.messages = messages
    }

    /// This catalogue with `other`'s settings and keys laid over it (an override file wins per key).
    public func merging(_ other: Catalogue) -> Catalogue {
        var merged = self
        merged.direction = other.direction
        merged.numbering = other.numbering ?? numbering
        merged.locale = other.locale ?? locale
        merged.messages.merge(other.messages) { _, new in new }
        return merged
    }
}

extension Catalogue.Message {
    /// Replaces each `{name}` once with its value; values are never scanned again, so text from the
    /// data cannot inject placeholders.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                out += value
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
