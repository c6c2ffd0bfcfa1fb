extension LanguageTag {
    /// The tag among `available` that best serves `wanted`, by RFC 4647's lookup: `wanted` itself,
    /// then with its last subtag dropped, and so on ("zh-Hant-TW", "zh-Hant", "zh"), compared
    /// ignoring case. A more specific tag never serves a less specific one: data in "fr-CA" is no
    /// "fr" text, and "zh-Hans" is no "zh-Hant".
    public static func lookup(_ wanted: String, in available: some Sequence<String>) -> String? {
        let byLowercase = Dictionary(available.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var subtags = wanted.lowercased().split(separator: "-")
        while !subtags.isEmpty {
            if let found = byLowercase[subtags.joined(separator: "-")] { return found }
            subtags.removeLast()
            // A single-letter subtag ("x" of "zh-x-private") never ends a candidate.
            if subtags.last?.count == 1 { subtags.removeLast() }
        }
        return nil
    }

    /// Whether text in `data` serves readers of `edition` as it is.
    static func serves(_ data: String, _ edition: String) -> Bool {
        lookup(edition, in: [data]) != nil
    }
}
