extension Edition {
    /// `text` with soft hyphens at the break points of the edition's language, for narrow table
    /// cells and chart labels; the text unchanged for a language without an installed dictionary.
    public func hyphenated(_ text: String) -> String {
        Hyphenator.forLanguage(language)?.hyphenated(text) ?? text
    }
}
