extension Report {
    /// The report as an edition in `language` draws it: every text in that language where the data
    /// gives one, else in the data's own language with a warning placed at the field.
    ///
    /// The layout reads plain strings, so an edition is a whole `Report` rather than a lookup the
    /// layout would have to make at every text; translations are dropped from it (it is for
    /// drawing, not for converting). Texts are chosen by RFC 4647 lookup (`fr-CA` takes `fr`), and
    /// an edition in the data's own language is the report unchanged but for `language`.
    ///
    /// Data with no text at all in `language` gets one warning, not one per field: English data
    /// drawn with French furniture is a choice, not hundreds of mistakes.
    ///
    /// - Parameters:
    ///   - regionNames: the data's region names → the edition's (the catalogue's names of the
    ///     default ILO regions); a translation of a `regions` entry in the data wins over it.
    ///     Every indicator's `countries` is re-keyed to match.
    ///   - countryName: a country's name in a language, or nil to keep the data's spelling; not
    ///     asked when the edition is in the data's language.
    /// - Returns: the edition, and warnings (severity `.warning`) for every text that fell back.
    public func edition(language wanted: String, regionNames: [String: String] = [:],
                        countryName: (CountryEntry, String) -> String? = { _, _ in nil })
        -> (report: Report, diagnostics: [Diagnostic]) {
        if LanguageTag.serves(language, wanted) {
            var same = self
            same.language = wanted
            return (same, [])
        }
        var diagnostics: [Diagnostic] = []
        let locations = self.locations.byPath
        let hasAnyText = translations.values.contains { LanguageTag.lookup(wanted, in: $0.texts.keys) != nil }
        if !hasAnyText {
            let location = locations["language"] ?? locations["title"]
            diagnostics.append(warning(at: location, path: "", "no \(Quoting.quoted(wanted)) text in the data; "
                                       + "every text stays in \(Quoting.quoted(language))"))
        }
        // The field's text in the edition's language, when the data gives one.
        func pick(_ path: String) -> String? {
            if let texts = translations[path]?.texts, let found = LanguageTag.lookup(wanted, in: texts.keys) {
                return texts[found]
            }
            return nil
        }
        // A field without a location was not written in the data but is Folio's default (the unit
        // "member States", the ILO regions): the catalogue's to translate, not the data's.
        func fallBack(_ path: String) {
            guard hasAnyText, let location = locations[path] else { return }
            diagnostics.append(warning(at: location, path: path,
                                       "no \(Quoting.quoted(wanted)) text; using \(Quoting.quoted(language))"))
        }

        var edition = mappingTexts { path, text in
            if let picked = pick(path) { return picked }
            fallBack(path)
            return text
        }

        var renamed: [String: String] = [:]
        var taken = Set<String>()
        for (i, region) in regions.enumerated() {
            let path = "regions[\(i)]"
            var name = region
            if let picked = pick(path) {
                name = picked
            } else if let given = regionNames[region] {
                name = given
            } else {
                fallBack(path)
            }
            if !taken.insert(name).inserted {
                diagnostics.append(warning(at: locations[path], path: path, "\(Quoting.quoted(name)) names another region "
                                           + "in \(Quoting.quoted(wanted)) too; using \(Quoting.quoted(region))"))
                name = region
                taken.insert(name)
            }
            renamed[region] = name
        }
        edition.regions = regions.map { renamed[$0] ?? $0 }
        for o in edition.outcomes.indices {
            for (i, p) in edition.outcomes[o].indicators.indices.flatMap({ i in edition.outcomes[o].indicators[i].periods.indices.map { (i, $0) } }) {
                let countries = edition.outcomes[o].indicators[i].periods[p].countries
                edition.outcomes[o].indicators[i].periods[p].countries = Dictionary(countries.map { region, entries in
                    (renamed[region] ?? region, entries.map { entry in
                        var entry = entry
                        entry.name = countryName(entry, wanted) ?? entry.name
                        return entry
                    })
                }, uniquingKeysWith: +)
            }
        }
        edition.language = wanted
        edition.translations = [:]
        // In document order (regions were visited last); a CSV folder's files by name.
        let sorted = diagnostics.enumerated().sorted {
            ($0.element.file, $0.element.line, $0.element.column, $0.offset) < ($1.element.file, $1.element.line, $1.element.column, $1.offset)
        }
        return (edition, sorted.map(\.element))
    }

    private func warning(at location: FieldLocation?, path: String, _ message: String) -> Diagnostic {
        // A report built in code has no locations: it is named as a whole.
        let location = location ?? FieldLocation(file: "report", line: 1, column: 1)
        return Diagnostic(severity: .warning, file: location.file, line: location.line, column: location.column,
                          path: path, message: message)
    }
}
