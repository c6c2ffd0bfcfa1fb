import FolioConcurrency
import Foundation

/// Marks where the words of a text may break across lines, for one language, by inserting soft
/// hyphens (U+00AD) that Pango breaks at and shows as "-" only at the end of a line.
///
/// A narrow table cell otherwise breaks a long word wherever the width runs out, leaving a letter or
/// two alone on a line; the dictionary's points give "Organisa-" / "tion" instead, and no break
/// leaves fewer than two letters on either side. The patterns are Debian's (`hyphen-en-us`, `hyphen-fr`,
/// `hyphen-es`, `hyphen-ru`, read with libhyphen); a language without one is left unbroken.
public struct Hyphenator: Sendable {
    public let language: String
    let dictionary: HyphenationDictionary

    /// Where the dictionaries are: Debian's folder unless `FOLIO_HYPHEN_DIR` names another.
    public static var folder: URL {
        let environment = ProcessInfo.processInfo.environment["FOLIO_HYPHEN_DIR"] ?? ""
        return URL(fileURLWithPath: environment.isEmpty ? "/usr/share/hyphen" : environment, isDirectory: true)
    }

    /// Dictionaries by file, loaded on first use and kept for the process: a dictionary takes a few
    /// milliseconds to read and is the same for every edition.
    private static let loaded = Guarded<[String: HyphenationDictionary?]>([:])

    /// Each language tag's answer, so that asking again costs a dictionary lookup, not a folder listing.
    private static let byLanguage = Guarded<[String: Hyphenator?]>([:])

    /// The hyphenator for a BCP 47 tag ("fr", "es-MX", "en"), or nil when no dictionary is installed.
    public static func forLanguage(_ language: String) -> Hyphenator? {
        if let known = byLanguage.withLock({ $0[language] }) { return known }
        let found = find(language)
        // Tags come from requests too (`?lang=`): remember a bounded number of them.
        byLanguage.withLock { known in
            if known.count < 256 { known[language] = found }
        }
        return found
    }

    private static func find(_ language: String) -> Hyphenator? {
        for file in candidateFiles(language) {
            let key = file.path
            let cached = loaded.withLock { $0[key] }
            if let cached {   // tried before; nil inside when the file would not load
                if let cached { return Hyphenator(language: language, dictionary: cached) }
                continue
            }
            guard FileManager.default.fileExists(atPath: key) else { continue }
            let made = HyphenationDictionary(file: file)
            let kept = loaded.withLock { known -> HyphenationDictionary? in
                if let earlier = known[key] { return earlier }   // another thread loaded it first
                known[key] = made
                return made
            }
            if let kept { return Hyphenator(language: language, dictionary: kept) }
        }
        return nil
    }

    /// `hyph_fr_CA.dic`, then `hyph_fr.dic`, `hyph_fr_FR.dic`, then any `hyph_fr_*.dic` (Spanish
    /// is only `hyph_es_ES.dic` and its links, Russian only `hyph_ru_RU.dic`).
    static func candidateFiles(_ language: String) -> [URL] {
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let primary = parts.first?.lowercased(), !primary.isEmpty,
              primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return [] }
        var names: [String] = []
        if let region = parts.dropFirst().first(where: { $0.count == 2 }) { names.append("hyph_\(primary)_\(region.uppercased()).dic") }
        names += ["hyph_\(primary).dic", "hyph_\(primary)_\(primary.uppercased()).dic"]
        let others = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        names += others.filter { $0.hasPrefix("hyph_\(primary)_") && $0.hasSuffix(".dic") }.sorted()
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }.map { folder.appendingPathComponent($0) }
    }

    /// `text` with a soft hyphen at every break point of every word; spaces, punctuation and words
    /// that already carry soft hyphens are kept as they are.
    public func hyphenated(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var result = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            // A word hyphenated by its author keeps the author's points.
            guard word.count >= 4, !word.contains("\u{AD}") else { result.append(contentsOf: word); return }
            let points = Set(breaks(in: word))
            for (index, scalar) in word.enumerated() {
                if points.contains(index) { result.append("\u{AD}") }
                result.append(scalar)
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar == "\u{AD}"
                || (scalar.properties.generalCategory == .nonspacingMark && !word.isEmpty) {
                word.append(scalar)
            } else {
                flush()
                result.append(scalar)
            }
        }
        flush()
        return String(result)
    }

    /// Offsets in `word`'s unicode scalars after which a break is allowed.
    public func breaks(in word: [Unicode.Scalar]) -> [Int] {
        let lowered = word.map { scalar -> Unicode.Scalar in
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first! : scalar
        }
        // Never between a letter and the accent that follows it.
        return dictionary.breaks(in: lowered).filter { word[$0].properties.generalCategory != .nonspacingMark }
    }
}
