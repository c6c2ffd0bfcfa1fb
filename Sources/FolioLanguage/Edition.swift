import Foundation

/// The language of one edition of a report: its catalogue (over English for missing keys), its
/// formats and its direction. Layout asks the edition for every word it writes.
public struct Edition: Sendable {
    public let language: String
    public let catalogue: Catalogue
    public let formats: LocaleFormats
    /// Keys this language lacked and took from English, and other problems found loading it,
    /// as messages for the user ("catalogue fr: no \"contents\"; using English").
    public let warnings: [String]
    private let fallback: Catalogue

    public init(language: String, catalogue: Catalogue, english: Catalogue, warnings: [String] = []) {
        var found = warnings
        if catalogue.language != english.language {
            for key in english.messages.keys.sorted() where catalogue.messages[key] == nil {
                found.append("catalogue \(language): no \"\(key)\"; using English")
            }
        }
        let formats = LocaleFormats(language: catalogue.locale ?? language, numbering: catalogue.numbering)
        self.language = language
        self.catalogue = catalogue
        self.fallback = english
        self.formats = formats
        self.warnings = found
    }

    public var isRightToLeft: Bool { catalogue.direction == .rightToLeft }

    /// The text of `key` with its `{placeholders}` filled.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        let values = isolated(values)
        switch message(key) {
        case .text(let template):
            return Catalogue.Message.fill(template, values)
        case .plural(let forms):
            return Catalogue.Message.fill(forms["other"] ?? "", values)
        case nil:
            return key
        }
    }

    /// The plural form of `key` for `count`, with `{n}` the formatted count: "2 États Membres".
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        var filled = isolated(values)
        filled["n"] = formats.integer(count)
        switch message(key) {
        case .plural(let forms):
            let category = formats.plurals.category(of: count)
            return Catalogue.Message.fill(forms[category] ?? forms["other"] ?? "", filled)
        case .text(let template):
            return Catalogue.Message.fill(template, filled)
        case nil:
            return key
        }
    }

    /// In a right-to-left edition each value is a bidi isolate (FSI … PDI), so an English title
    /// inside an Arabic sentence keeps its own direction: its full stop stays at its end instead of
    /// jumping to the far side of the line.
    private func isolated(_ values: [String: String]) -> [String: String] {
        guard isRightToLeft, !values.isEmpty else { return values }
        return values.mapValues(isolated)
    }

    /// A value set on its own, outside any message (a period name in a table cell or under an
    /// axis), isolated as message values are: "2018–19" keeps its order in an Arabic edition
    /// instead of reading "19–2018". Unchanged in a left-to-right edition, and when empty.
    public func isolated(_ value: String) -> String {
        isRightToLeft && !value.isEmpty ? "\u{2068}" + value + "\u{2069}" : value
    }

    private func message(_ key: String) -> Catalogue.Message? {
        catalogue.messages[key] ?? fallback.messages[key]
    }
}
