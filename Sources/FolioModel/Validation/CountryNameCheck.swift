import FolioLanguage

/// Checks country entries against the known countries: a misspelt name would otherwise count
/// silently as one more country, and a wrong code would put it in the wrong place on a map.
///
/// An unknown name is a warning, not an error: reports list places the table may lack, and the
/// warning names the closest known name. Two kinds of entry are spared: a territory is flagged only
/// when it looks like a misspelling of a known place (it may be an area no ISO code covers, such as
/// Zanzibar); and a file where most names are unknown (test data, `folio synthesize`) is not flagged
/// name by name, since its names are not meant to be real. A `code`, being explicit, must be known
/// (an error). Names may be in English or in the data's language ("Éthiopie" in a French file).
final class CountryNameCheck {
    private let table: CountryTable?
    private let language: String
    /// name → the warning it earns if the file names real places (nil: known).
    private var verdicts: [String: String?] = [:]
    private var pending: [(message: String, position: SourcePosition, path: FieldPath)] = []

    init(table: CountryTable? = CountryTable.bundled, language: String) {
        self.table = table
        self.language = language
    }

    func check(_ entry: CountryEntry, at position: SourcePosition, path: FieldPath, sink: DiagnosticSink) {
        guard let table else { return }
        if let code = entry.code {
            guard let country = table.country(code: code) else {
                sink.error("unknown country code \(Quoting.quoted(code)); expected an ISO 3166-1 code such as \"VNM\"",
                           at: position, path: path.appending("code"))
                return
            }
            if let named = table.country(named: entry.name, language: language), named != country {
                sink.warning("\(Quoting.quoted(entry.name)) is \(named.alpha3), but its code says \(country.alpha3) (\(country.name))",
                             at: position, path: path.appending("code"))
            }
            verdicts[entry.name] = .some(nil)
            return
        }
        let verdict: String?
        if let known = verdicts[entry.name] {
            verdict = known
        } else {
            verdict = message(for: entry.name, table: table)
            verdicts[entry.name] = verdict
        }
        guard let verdict else { return }
        if entry.isTerritory && !verdict.contains("did you mean") { return }
        pending.append((verdict, position, path))
    }

    /// Records the warnings, once the whole file is read, when most of its names are known places.
    func finish(sink: DiagnosticSink) {
        let known = verdicts.values.filter { $0 == nil }.count
        guard known * 2 > verdicts.count else { return }
        for warning in pending { sink.warning(warning.message, at: warning.position, path: warning.path) }
    }

    private func message(for name: String, table: CountryTable) -> String? {
        guard table.country(named: name, language: language) == nil else { return nil }
        var message = "unknown country \(Quoting.quoted(name))"
        if let guess = table.suggestion(for: name, language: language) {
            message += "; did you mean \(Quoting.quoted(guess))?"
        }
        return message
    }
}
