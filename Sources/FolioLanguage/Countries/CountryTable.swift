import FolioConcurrency
import Foundation

/// The countries and territories Folio knows, from `Assets/countries/countries.tsv`: names to
/// codes, codes to names in an edition's language, and a likely match for a misspelt name.
///
/// English names are the table's own (UN short names, which these reports print). Other languages
/// take CLDR's names through Foundation, so every language Foundation knows works without adding
/// files, except where `un-names-translated.tsv` gives the UN's name instead: CLDR's everyday names
/// ("Chine continentale", "Territoires palestiniens") are not what UN documents print. A name in the
/// data's language is recognised too: a French file may list "Éthiopie".
public final class CountryTable: Sendable {
    public let countries: [Country]
    /// Folded spelling (name or alias) → index in `countries`.
    private let byName: [String: Int]
    /// The folded English spellings as scalars, for edit distances without converting each time.
    private let englishKeys: [(key: [Unicode.Scalar], index: Int)]
    /// "VN", "VNM" and "704" → index in `countries`.
    private let byCode: [String: Int]
    /// Primary language → alpha-3 → the UN's name, where it replaces CLDR's.
    private let unNames: [String: [String: String]]
    /// Per language, folded CLDR name → index; built on first use of that language.
    private let translated = Guarded<[String: [String: Int]]>([:])

    /// The bundled table, read once per process; nil when `Assets/countries/countries.tsv` is not found.
    public static let bundled: CountryTable? = {
        guard let url = BundledAssets.path("countries/countries.tsv") else { return nil }
        return try? CountryTable(contentsOf: url)
    }()

    /// Reads `countries.tsv` and, when it is there, `un-names-translated.tsv` beside it.
    public convenience init(contentsOf url: URL) throws {
        let translated = url.deletingLastPathComponent().appendingPathComponent("un-names-translated.tsv")
        try self.init(tsv: try Self.text(of: url),
                      translatedTSV: FileManager.default.fileExists(atPath: translated.path) ? try Self.text(of: translated) : nil,
                      file: url.lastPathComponent)
    }

    private static func text(of url: URL) throws -> String {
        guard let text = String(data: try Data(contentsOf: url), encoding: .utf8) else {
            throw CountryTableError(file: url.lastPathComponent, line: 1, message: "not UTF-8")
        }
        return text
    }

    /// Reads the table's tab-separated form: a header, then `alpha_2, alpha_3, numeric, name, aliases`;
    /// and the UN's names by language: a header `alpha_3, fr, es, …`, then a row per place.
    public init(tsv: String, translatedTSV: String? = nil, file: String = "countries.tsv") throws {
        var countries: [Country] = []
        var byName: [String: Int] = [:]
        var byCode: [String: Int] = [:]
        for (lineNumber, fields) in Self.rows(tsv) where lineNumber > 1 {
            guard fields.count == 5, fields[0].count == 2, fields[1].count == 3, !fields[3].isEmpty else {
                throw CountryTableError(file: file, line: lineNumber,
                                        message: "expected alpha_2, alpha_3, numeric, name and aliases separated by tabs")
            }
            let aliases = fields[4].isEmpty ? [] : fields[4].components(separatedBy: " | ").filter { !$0.isEmpty }
            let country = Country(alpha2: fields[0], alpha3: fields[1], numeric: fields[2].isEmpty ? nil : fields[2],
                                  name: fields[3], aliases: aliases)
            let index = countries.count
            for code in [country.alpha2, country.alpha3, country.numeric].compactMap({ $0 }) {
                if let other = byCode[code] {
                    throw CountryTableError(file: file, line: lineNumber, message: "code \(code) is also \(countries[other].name)'s")
                }
                byCode[code] = index
            }
            for spelling in [country.name] + aliases {
                let key = CountryNameKey.fold(spelling)
                if let other = byName[key], other != index {
                    throw CountryTableError(file: file, line: lineNumber,
                                            message: "\"\(spelling)\" also names \(countries[other].name)")
                }
                byName[key] = index
            }
            countries.append(country)
        }
        self.countries = countries
        self.byName = byName
        self.byCode = byCode
        englishKeys = byName.sorted { $0.key < $1.key }.map { (Array($0.key.unicodeScalars), $0.value) }
        unNames = try translatedTSV.map { try Self.unNames($0, known: Set(countries.map(\.alpha3))) } ?? [:]
    }

    private static func unNames(_ tsv: String, known: Set<String>) throws -> [String: [String: String]] {
        let file = "un-names-translated.tsv"
        var languages: [String] = []
        var names: [String: [String: String]] = [:]
        for (lineNumber, fields) in rows(tsv) {
            if languages.isEmpty {
                languages = Array(fields.dropFirst())
                continue
            }
            guard fields.count == languages.count + 1, known.contains(fields[0]) else {
                throw CountryTableError(file: file, line: lineNumber,
                                        message: "expected a known alpha-3 code and \(languages.count) names separated by tabs")
            }
            for (language, name) in zip(languages, fields.dropFirst()) where !name.isEmpty {
                names[language, default: [:]][fields[0]] = name
            }
        }
        return names
    }

    /// The lines that are neither empty nor comments, numbered from 1, split at tabs. Split as UTF-8
    /// bytes: splitting by `Character` cost some milliseconds of every command that reads data.
    private static func rows(_ text: String) -> [(number: Int, fields: [String])] {
        var rows: [(number: Int, fields: [String])] = []
        for (offset, line) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            rows.append((offset + 1, fields.map { String(decoding: $0, as: UTF8.self) }))
        }
        return rows
    }

    // MARK: - Lookups

    /// The place a name denotes, in English (name or alias) or in `language` (CLDR's name),
    /// ignoring case, diacritics, spaces and punctuation; a leading "the" is optional.
    public func country(named name: String, language: String? = nil) -> Country? {
        index(named: name, language: language).map { countries[$0] }
    }

    /// The place with this alpha-2, alpha-3 or numeric code, in any case ("vnm" finds Viet Nam).
    public func country(code: String) -> Country? {
        byCode[code.uppercased()].map { countries[$0] }
    }

    /// The name of the place with `code` in `language`: the table's UN short name in English,
    /// CLDR's name otherwise ("Viêt Nam" in French), or nil for an unknown code.
    public func name(code: String, language: String) -> String? {
        guard let country = country(code: code) else { return nil }
        return name(of: country, language: language)
    }

    public func name(of country: Country, language: String) -> String {
        let primary = Self.primary(language)
        guard primary != "en" else { return country.name }
        if let unName = unNames[primary]?[country.alpha3] { return unName }
        let locale = Locale(identifier: language)
        guard let translated = locale.localizedString(forRegionCode: country.alpha2), translated != country.alpha2 else {
            return country.name
        }
        return translated
    }

    /// A data file's country in another language: found by its code when it has one, else by its
    /// name (English or the data's language); nil for a place the table does not know, whose name
    /// then stays as the data spells it.
    public func translatedName(of name: String, code: String? = nil, dataLanguage: String, to language: String) -> String? {
        guard let country = code.flatMap(country(code:)) ?? country(named: name, language: dataLanguage) else { return nil }
        return self.name(of: country, language: language)
    }

    /// The known name closest to an unknown one, spelt as `language` prints it, when it is close
    /// enough to be a typo: "Ethiopa" → "Ethiopia". Nil when nothing is near.
    public func suggestion(for unknown: String, language: String? = nil) -> String? {
        let key = CountryNameKey.fold(unknown)
        guard !key.isEmpty, key.count <= 80 else { return nil }
        let target = Array(key.unicodeScalars)
        var candidates = englishKeys
        if let language, Self.primary(language) != "en" {
            candidates += translatedNames(language).map { (Array($0.key.unicodeScalars), $0.value) }
        }
        var best: (key: [Unicode.Scalar], index: Int, distance: Int)?
        for (other, index) in candidates {
            let allowed = EditDistance.allowed(forLength: min(other.count, target.count))
            guard abs(other.count - target.count) <= allowed else { continue }
            let distance = EditDistance.between(target, other, limit: allowed)
            guard distance <= allowed, distance < target.count else { continue }
            // Ties go to the alphabetically first key: the same input always gets the same hint.
            if best == nil || distance < best!.distance
                || (distance == best!.distance && String(String.UnicodeScalarView(other)) < String(String.UnicodeScalarView(best!.key))) {
                best = (other, index, distance)
            }
        }
        guard let best else { return nil }
        return name(of: countries[best.index], language: language ?? "en")
    }

    // MARK: - Private

    private func index(named name: String, language: String?) -> Int? {
        var key = CountryNameKey.fold(name)
        guard !key.isEmpty else { return nil }
        for attempt in 0..<2 {
            if let found = byName[key] { return found }
            if let language, Self.primary(language) != "en", let found = translatedNames(language)[key] { return found }
            guard attempt == 0, key.hasPrefix("the"), key.count > 3 else { break }
            key.removeFirst(3)
        }
        return nil
    }

    private func translatedNames(_ language: String) -> [String: Int] {
        let primary = Self.primary(language)
        if primary == "en" { return [:] }
        if let known = translated.withLock({ $0[language] }) { return known }
        let locale = Locale(identifier: language)
        var names: [String: Int] = [:]
        for (index, country) in countries.enumerated() {
            let cldr = locale.localizedString(forRegionCode: country.alpha2).flatMap { $0 == country.alpha2 ? nil : $0 }
            for name in [unNames[primary]?[country.alpha3], cldr].compactMap({ $0 }) {
                let key = CountryNameKey.fold(name)
                if !key.isEmpty, names[key] == nil { names[key] = index }
            }
        }
        let built = names
        // Tags come from requests too (`?lang=`): remember a bounded number of languages.
        translated.withLock { known in
            if known.count < 64 { known[language] = built }
        }
        return built
    }

    /// "fr" of "fr-CA" or "fr_CA".
    static func primary(_ language: String) -> String {
        String(language.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }
}

/// A line of the country table that cannot be read.
public struct CountryTableError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}
