/// Turns a `SourceNode` tree into a `Report`, checking the input format's rules and recording
/// every problem. Returns a report only when no error was recorded.
struct ReportValidator {
    private enum Keys {
        static let report = ["title", "subtitle", "organization", "period", "language", "regions", "outcomes", "source", "notes"]
        static let outcome = ["id", "title", "indicators", "narrative", "outputs", "notes"]
        static let indicator = ["id", "description", "unit", "target", "result", "countries", "baseline", "periods", "notes"]
        static let period = ["period", "start", "end", "target", "result", "countries"]
        static let baseline = ["year", "value"]
        static let entry = ["name", "territory", "code"]
        static let section = ["heading", "paragraphs"]
        static let output = ["category", "items"]
    }

    private let reader: NodeReader
    /// Text fields in several languages, and where every text field was written.
    private let translated: TranslatedFields
    private var sink: DiagnosticSink { reader.sink }
    /// Where each id was first seen; ids must be unique across the report.
    private var outcomeIDs: [String: SourcePosition] = [:]
    private var indicatorIDs: [String: SourcePosition] = [:]
    /// `nil` when `regions` itself is broken: region names in `countries` are then not checked,
    /// to avoid a cascade of errors caused by one mistake.
    private var regionNames: Set<String>?
    private var regionList: [String] = []
    /// Set once the report's language is known: names may be written in it.
    private var countryNames = CountryNameCheck(language: Report.defaultLanguage)
    /// The report's `period`: the period of each indicator that the briefing is about.
    private var currentPeriod: String?

    /// Whether a result is the number of entries listed, so that a difference is worth a warning.
    /// Not for IATI data, where the result is the sum of what activities report and the entries
    /// are the countries that met their targets.
    var resultCountsEntries = true

    init(sink: DiagnosticSink) {
        reader = NodeReader(sink: sink)
        translated = TranslatedFields(reader: reader)
    }

    mutating func report(from root: SourceNode) -> Report? {
        guard let fields = reader.fields(root, path: .root, known: Keys.report, expected: "a mapping at the top level") else {
            return nil
        }
        // Before any text: a text given in several languages takes its own text from the data's
        // language. (`language(from:)` below reports a broken tag.)
        translated.language = fields.optional("language")?.scalar.map(\.text).flatMap { LanguageTag.isValid($0) ? $0 : nil }
            ?? Report.defaultLanguage
        let title = fields.required("title").flatMap { translated.text($0, path: FieldPath.root.appending("title"), nonEmpty: true) }
        let subtitle = optionalText(fields, "subtitle")
        let organization = optionalText(fields, "organization")
        let period = optionalText(fields, "period")
        let source = fields.optional("source").flatMap { translated.text($0, path: FieldPath.root.appending("source"), nonEmpty: true) }
        let notes = self.notes(fields)
        currentPeriod = period
        let language = fields.optional("language").flatMap(language(from:)) ?? Report.defaultLanguage
        countryNames = CountryNameCheck(language: language)
        let regions = fields.optional("regions").map(regions(from:)) ?? Report.defaultRegions
        regionNames = regions.isEmpty ? nil : Set(regions)
        regionList = regions

        var outcomes: [Outcome] = []
        let outcomesPath = FieldPath.root.appending("outcomes")
        if let node = fields.required("outcomes"), let items = reader.list(node, path: outcomesPath) {
            if items.isEmpty { sink.error("expected at least one outcome", at: node.position, path: outcomesPath) }
            for (i, item) in items.enumerated() where !sink.isFull {
                if let outcome = outcome(from: item, path: outcomesPath.appending(i)) { outcomes.append(outcome) }
            }
        }

        countryNames.finish(sink: sink)
        guard sink.errorCount == 0, let title else { return nil }
        return Report(title: title, subtitle: subtitle, organization: organization, period: period,
                      language: language, regions: regions, outcomes: outcomes, source: source, notes: notes,
                      translations: translated.translations, locations: FieldLocations(translated.locations))
    }

    // MARK: Parts

    /// A BCP 47 tag ("en", "fr-CA"): it becomes the PDF's /Lang, which screen readers use to pick a voice.
    private func language(from node: SourceNode) -> String? {
        let path = FieldPath.root.appending("language")
        guard let text = reader.text(node, path: path, nonEmpty: true) else { return nil }
        guard LanguageTag.isValid(text) else {
            sink.error("expected a language tag such as \"en\" or \"fr-CA\", found \(Quoting.quoted(text))", at: node.position, path: path)
            return nil
        }
        translated.locate(path, node.position)
        return text
    }

    /// The valid names only; an empty result means the list could not be used.
    private func regions(from node: SourceNode) -> [String] {
        let path = FieldPath.root.appending("regions")
        guard let items = reader.list(node, path: path) else { return [] }
        if items.isEmpty { sink.error("expected at least one region", at: node.position, path: path) }
        var seen: [String: SourcePosition] = [:]
        var names: [String] = []
        for (i, item) in items.enumerated() where !sink.isFull {
            guard let name = translated.text(item, path: path.appending(i), nonEmpty: true) else { continue }
            if let first = seen[name] {
                sink.error("duplicate region \(Quoting.quoted(name)) (\(sink.firstAt(first, seenFrom: item.position)))",
                           at: item.position, path: path.appending(i))
                continue
            }
            seen[name] = item.position
            names.append(name)
        }
        return names
    }

    private mutating func outcome(from node: SourceNode, path: FieldPath) -> Outcome? {
        guard let fields = reader.fields(node, path: path, known: Keys.outcome) else { return nil }
        let id = uniqueID(fields, path: path, kind: "outcome", seen: \.outcomeIDs)
        let title = fields.required("title").flatMap { translated.text($0, path: path.appending("title"), nonEmpty: true) }

        var indicators: [Indicator] = []
        if let items = optionalList(fields, "indicators") {
            for (i, item) in items.enumerated() where !sink.isFull {
                if let indicator = indicator(from: item, path: path.appending("indicators").appending(i)) {
                    indicators.append(indicator)
                }
            }
        }
        let narrative = headedTexts(fields, "narrative", keys: Keys.section).map { NarrativeSection(heading: $0.0, paragraphs: $0.1) }
        let outputs = headedTexts(fields, "outputs", keys: Keys.output).map { OutputCategory(category: $0.0, items: $0.1) }
        let notes = self.notes(fields)

        guard let id, let title else { return nil }
        return Outcome(id: id, title: title, indicators: indicators, narrative: narrative, outputs: outputs, notes: notes)
    }

    private mutating func indicator(from node: SourceNode, path: FieldPath) -> Indicator? {
        guard let fields = reader.fields(node, path: path, known: Keys.indicator) else { return nil }
        let id = uniqueID(fields, path: path, kind: "indicator", seen: \.indicatorIDs)
        let description = fields.required("description").flatMap { translated.text($0, path: path.appending("description"), nonEmpty: true) }
        // An empty unit ("") is a count of nothing in particular: the numbers stand alone.
        let unit = fields.optional("unit").map { translated.text($0, path: path.appending("unit"), nonEmpty: false) } ?? Indicator.defaultUnit
        let baseline = fields.optional("baseline").map { self.baseline(from: $0, path: path.appending("baseline")) }
        let notes = self.notes(fields)

        var periods: [IndicatorPeriod]?
        var currentIndex: Int?
        if let periodsNode = fields.optional("periods") {
            for key in ["target", "result", "countries"] {
                if let position = fields.keyPosition(key) {
                    sink.error("\(Quoting.quoted(key)) belongs inside each period when \"periods\" is given", at: position, path: path.appending(key))
                }
            }
            (periods, currentIndex) = self.periods(from: periodsNode, path: path.appending("periods"))
            if let periods, let firstYear = periods.first?.startYear, case let .some(.some(baseline)) = baseline,
               baseline.year > firstYear, let node = fields.optional("baseline") {
                sink.error("baseline year \(baseline.year) is after the first period, \(Quoting.quoted(periods[0].label ?? ""))",
                           at: node.position, path: path.appending("baseline"))
            }
        } else if let period = self.period(from: fields, path: path, label: nil) {
            periods = [period]
        }

        guard let id, let description, let unit, let periods, baseline != .some(nil) else { return nil }
        var indicator = Indicator(id: id, description: description, unit: unit, baseline: baseline ?? nil, periods: periods,
                                  currentPeriodIndex: currentIndex)
        indicator.notes = notes
        return indicator
    }

    /// `{year: 2017, value: 4}`; `.some(nil)` when it is broken (an error was recorded).
    private func baseline(from node: SourceNode, path: FieldPath) -> Baseline? {
        guard let fields = reader.fields(node, path: path, known: Keys.baseline) else { return nil }
        let year = fields.required("year").flatMap { reader.wholeNumber($0, path: path.appending("year")) }
        let value = fields.required("value").flatMap { reader.wholeNumber($0, path: path.appending("value")) }
        guard let year, let value else { return nil }
        return Baseline(year: year, value: value)
    }

    /// The list of periods, checked for names and order, and the index of the report's period in it.
    private mutating func periods(from node: SourceNode, path: FieldPath) -> ([IndicatorPeriod]?, Int?) {
        guard let items = reader.list(node, path: path) else { return (nil, nil) }
        if items.isEmpty {
            sink.error("expected at least one period", at: node.position, path: path)
            return (nil, nil)
        }
        var periods: [IndicatorPeriod] = []
        var seen: [String: SourcePosition] = [:]
        var broken = false
        for (i, item) in items.enumerated() where !sink.isFull {
            let itemPath = path.appending(i)
            guard let fields = reader.fields(item, path: itemPath, known: Keys.period),
                  let label = periodLabel(fields, path: itemPath),
                  let period = period(from: fields, path: itemPath, label: label) else {
                broken = true
                continue
            }
            if let first = seen[label.text] {
                sink.error("duplicate period \(Quoting.quoted(label.text)) (\(sink.firstAt(first, seenFrom: label.position)))",
                           at: label.position, path: itemPath)
                broken = true
                continue
            }
            seen[label.text] = label.position
            if let last = periods.last, let before = last.sortKey, let this = period.sortKey, this < before {
                sink.error("periods must be in time order: \(Quoting.quoted(label.text)) is earlier than \(Quoting.quoted(last.label ?? "")) above it",
                           at: label.position, path: itemPath)
                broken = true
            }
            periods.append(period)
        }
        guard !broken, !periods.isEmpty else { return (nil, nil) }
        guard let currentPeriod else { return (periods, nil) }
        if let index = periods.firstIndex(where: { $0.label == currentPeriod }) { return (periods, index) }
        sink.warning("no period \(Quoting.quoted(currentPeriod)) (the report's period); the last, "
                     + "\(Quoting.quoted(periods[periods.count - 1].label ?? "")), is the current one", at: node.position, path: path)
        return (periods, nil)
    }

    /// `period: "2018–19"`, or `start:` and `end:` ISO dates (the label is then made from them).
    private func periodLabel(_ fields: Fields, path: FieldPath) -> (text: String, position: SourcePosition, start: String?, end: String?)? {
        let startNode = fields.optional("start"), endNode = fields.optional("end")
        let start = startNode.flatMap { isoDate($0, path: path.appending("start")) }
        let end = endNode.flatMap { isoDate($0, path: path.appending("end")) }
        if (startNode == nil) != (endNode == nil) {
            sink.error("a period needs both \"start\" and \"end\", or neither", at: fields.node.position, path: path)
            return nil
        }
        if startNode != nil && (start == nil || end == nil) { return nil }
        if let start, let end, end < start {
            sink.error("period ends (\(end)) before it starts (\(start))", at: endNode?.position ?? fields.node.position, path: path.appending("end"))
            return nil
        }
        if let node = fields.optional("period") {
            guard let text = reader.text(node, path: path.appending("period"), nonEmpty: true) else { return nil }
            return (text, node.position, start, end)
        }
        guard let start, let end, let startNode else {
            sink.error("missing required field \"period\" (or \"start\" and \"end\")", at: fields.node.position, path: path)
            return nil
        }
        return (IndicatorPeriod.label(start: start, end: end), startNode.position, start, end)
    }

    /// A calendar date written YYYY-MM-DD, as YAML, JSON and CSV all can.
    private func isoDate(_ node: SourceNode, path: FieldPath) -> String? {
        guard let text = reader.text(node, path: path, nonEmpty: true) else { return nil }
        guard Self.isValidDate(text) else {
            sink.error("expected a date written YYYY-MM-DD, found \(reader.describe(node))", at: node.position, path: path)
            return nil
        }
        return text
    }

    static func isValidDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// `target`, `result` and `countries` of one period (or of the one-period form, from the
    /// indicator's own fields), with the result checked against the entries listed.
    private mutating func period(from fields: Fields, path: FieldPath,
                                 label: (text: String, position: SourcePosition, start: String?, end: String?)?) -> IndicatorPeriod? {
        let target = fields.required("target").flatMap { reader.wholeNumber($0, path: path.appending("target")) }
        let resultNode = fields.optional("result")
        let result = resultNode.flatMap { reader.wholeNumber($0, path: path.appending("result")) }

        var countries: [String: [CountryEntry]] = [:]
        if let node = fields.optional("countries") {
            let errorsBefore = sink.errorCount
            countries = self.countries(from: node, path: path.appending("countries"))
            let listed = countries.values.reduce(0) { $0 + $1.count }
            if resultCountsEntries, let result, let resultNode, listed != result, sink.errorCount == errorsBefore {
                let entries = listed == 1 ? "1 entry" : "\(listed) entries"
                sink.warning("result \(result) differs from the \(entries) listed", at: resultNode.position, path: path.appending("result"))
            }
        }
        guard let target else { return nil }
        return IndicatorPeriod(label: label?.text, start: label?.start, end: label?.end, target: target, result: result, countries: countries)
    }

    private func countries(from node: SourceNode, path: FieldPath) -> [String: [CountryEntry]] {
        guard let fields = reader.fields(node, path: path, known: nil, expected: "a mapping from region names to lists") else {
            return [:]
        }
        var countries: [String: [CountryEntry]] = [:]
        var seen: [String: SourcePosition] = [:]
        for (region, pair) in fields.entries where !sink.isFull {
            if let regionNames, !regionNames.contains(region) {
                var message = "unknown region \(Quoting.quoted(region))"
                if let guess = Suggestion.closest(to: region, among: regionList) {
                    message += "; did you mean \(Quoting.quoted(guess))?"
                } else if regionList.count <= 20 {
                    message += " (regions are " + regionList.map(Quoting.quoted).joined(separator: ", ") + ")"
                }
                sink.error(message, at: pair.key.position, path: path)
                continue
            }
            let regionPath = path.appending(region)
            // `Africa:` with nothing after it lists no one; that is not worth an error.
            guard !pair.value.isNull, let items = reader.list(pair.value, path: regionPath) else { continue }
            var entries: [CountryEntry] = []
            for (i, item) in items.enumerated() where !sink.isFull {
                guard let entry = entry(from: item, path: regionPath.appending(i)) else { continue }
                if let first = seen[entry.name] {
                    sink.warning("\(Quoting.quoted(entry.name)) is listed more than once (\(sink.firstAt(first, seenFrom: item.position)))",
                                 at: item.position, path: regionPath.appending(i))
                } else {
                    seen[entry.name] = item.position
                    countryNames.check(entry, at: item.position, path: regionPath.appending(i), sink: sink)
                }
                entries.append(entry)
            }
            if !entries.isEmpty { countries[region] = entries }
        }
        return countries
    }

    /// A plain name, or `{name: ..., territory: true, code: ...}`.
    private func entry(from node: SourceNode, path: FieldPath) -> CountryEntry? {
        switch node.content {
        case .scalar:
            return reader.text(node, path: path, nonEmpty: true).map { CountryEntry(name: $0) }
        case .mapping:
            guard let fields = reader.fields(node, path: path, known: Keys.entry) else { return nil }
            let name = fields.required("name").flatMap { reader.text($0, path: path.appending("name"), nonEmpty: true) }
            let territory = fields.optional("territory").map { reader.boolean($0, path: path.appending("territory")) } ?? false
            let codeNode = fields.optional("code")
            let code = codeNode.flatMap { reader.text($0, path: path.appending("code"), nonEmpty: true) }
            guard let name, let territory, codeNode == nil || code != nil else { return nil }
            return CountryEntry(name: name, isTerritory: territory, code: code)
        case .sequence:
            sink.error("expected a country name or a mapping with \"name\", found a list", at: node.position, path: path)
            return nil
        }
    }

    // MARK: Helpers

    /// `seen` is a key path, not an inout argument: passing a property of `self` inout while calling a
    /// method on `self` made Swift copy the whole dictionary for every id (quadratic in the id count).
    private mutating func uniqueID(_ fields: Fields, path: FieldPath, kind: String,
                                   seen: WritableKeyPath<ReportValidator, [String: SourcePosition]>) -> String? {
        guard let node = fields.required("id"), let id = reader.text(node, path: path.appending("id"), nonEmpty: true) else {
            return nil
        }
        if let first = self[keyPath: seen][id] {
            sink.error("duplicate \(kind) id \(Quoting.quoted(id)) (\(sink.firstAt(first, seenFrom: node.position)))",
                       at: node.position, path: path.appending("id"))
            return nil
        }
        self[keyPath: seen][id] = node.position
        return id
    }

    private func optionalText(_ fields: Fields, _ key: String) -> String? {
        fields.optional(key).flatMap { translated.text($0, path: fields.path.appending(key), nonEmpty: false) }
    }

    private func optionalList(_ fields: Fields, _ key: String) -> [SourceNode]? {
        fields.optional(key).flatMap { reader.list($0, path: fields.path.appending(key)) }
    }

    /// `narrative` and `outputs`: lists of mappings with a required heading (`keys[0]`: `heading`,
    /// `category`) and a list of texts (`keys[1]`: `paragraphs`, `items`).
    private func headedTexts(_ fields: Fields, _ key: String, keys: [String]) -> [(String, [String])] {
        var result: [(String, [String])] = []
        for (i, item) in (optionalList(fields, key) ?? []).enumerated() where !sink.isFull {
            let itemPath = fields.path.appending(key).appending(i)
            guard let entry = reader.fields(item, path: itemPath, known: keys) else { continue }
            let heading = entry.required(keys[0]).flatMap { translated.text($0, path: itemPath.appending(keys[0]), nonEmpty: true) }
            let texts = texts(entry, keys[1], path: itemPath)
            if let heading { result.append((heading, texts)) }
        }
        return result
    }

    /// `notes`: one text, or a list of texts (each may be given in several languages). Either way
    /// the notes are numbered, `notes[0]`…, so a translation finds its note in both forms.
    private func notes(_ fields: Fields) -> [String] {
        guard let node = fields.optional("notes") else { return [] }
        let path = fields.path.appending("notes")
        if case .sequence = node.content {
            return (reader.list(node, path: path) ?? []).enumerated().compactMap { i, item in
                translated.text(item, path: path.appending(i), nonEmpty: true)
            }
        }
        return translated.text(node, path: path.appending(0), nonEmpty: true).map { [$0] } ?? []
    }

    private func texts(_ fields: Fields, _ key: String, path: FieldPath) -> [String] {
        guard let items = optionalList(fields, key) else { return [] }
        return items.enumerated().compactMap { i, item in translated.text(item, path: path.appending(key).appending(i), nonEmpty: false) }
    }
}
