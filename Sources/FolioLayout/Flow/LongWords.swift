import FolioLanguage

extension Edition {
    /// `text` with soft hyphens in the words too wide for `width` by themselves, and only in those.
    ///
    /// Narrow cells and chart labels would otherwise cut such a word anywhere ("Anphaphaani-" / "a");
    /// hyphenating every word instead lets the greedy line breaker split words that would have fit
    /// on the next line ("Share of tar-" / "get"), which a typesetter would not.
    func breakingLongWords(_ text: String, font: FontSpec, width: Double, measurer: TextMeasurer) -> String {
        // No glyph of the bundled fonts is wider than 1.05 em: shorter words cannot overflow and are not measured.
        let safeLength = Int(width / (font.size * 1.05))
        guard text.count > safeLength else { return text }
        var changed = false
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard word.count > safeLength else { return String(word) }
            // A line may already break after a hyphen ("Europe-" / "Central Asia"): only a part
            // between hyphens that is too wide by itself needs more break points.
            return Self.hyphenParts(word).map { part -> String in
                guard part.count > safeLength, measurer.width(of: String(part), font: font) > width else { return String(part) }
                changed = true
                return hyphenated(String(part))
            }.joined()
        }
        return changed ? words.joined(separator: " ") : text
    }

    /// "Europe-Central" → ["Europe-", "Central"]: each part keeps the hyphen that ends it.
    static func hyphenParts(_ word: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = word.startIndex
        for index in word.indices where word[index] == "-" {
            parts.append(word[start...index])
            start = word.index(after: index)
        }
        if start < word.endIndex || parts.isEmpty { parts.append(word[start...]) }
        return parts
    }
}
