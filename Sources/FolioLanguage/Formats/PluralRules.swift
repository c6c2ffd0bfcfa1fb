import _FoundationICU

/// CLDR plural categories ("one", "few", "many", "other" …) of a language, from the ICU data that
/// Foundation ships: a new language in a catalogue gets its plural rules without code.
///
/// ICU's rule objects are not documented as thread-safe for concurrent use, so each call opens its
/// own; opening costs microseconds and counts are formatted a few hundred times per document.
public struct PluralRules: Sendable {
    public let language: String

    public init(language: String) { self.language = language }

    /// The category of a whole number: "one" for 1 in English, "few" for 3 in Russian, "other" in Chinese.
    public func category(of count: Int) -> String {
        var status = U_ZERO_ERROR
        guard let rules = swift_uplrules_open(language, &status), status.rawValue <= U_ZERO_ERROR.rawValue else { return "other" }
        defer { swift_uplrules_close(rules) }
        var buffer = [UChar](repeating: 0, count: 16)
        let length = swift_uplrules_select(rules, Double(count), &buffer, Int32(buffer.count), &status)
        guard status.rawValue <= U_ZERO_ERROR.rawValue, length > 0 else { return "other" }
        return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
    }
}
