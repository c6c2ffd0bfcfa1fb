/// Writes a report in the input format as block YAML, laid out as the README shows it, so that
/// it loads back to the same report: text that YAML could read as something else (`"4.10"`,
/// `"yes"`, `"null"`, `"10"`), or that holds line breaks, `: `, ` #`, outer spaces or control
/// characters, is double-quoted with escapes; everything else is written plain.
public enum ReportYAMLWriter {
    public static func yaml(_ report: Report) -> String {
        var out = header(report)
        if report.outcomes.isEmpty {
            out += "outcomes: []\n"
            return out
        }
        out += "outcomes:\n"
        for (o, outcome) in report.outcomes.enumerated() {
            out += "  - id: \(scalar(outcome.id))\n"
            out += field("title", outcome.title, path: "outcomes[\(o)].title", report, indent: "    ")
            if outcome.indicators.isEmpty {
                out += "    indicators: []\n"
            } else {
                out += "    indicators:\n"
                for (i, indicator) in outcome.indicators.enumerated() {
                    out += self.indicator(indicator, path: "outcomes[\(o)].indicators[\(i)]", report)
                }
            }
            out += prose(outcome, path: "outcomes[\(o)]", report, indent: "    ")
            out += notes(outcome.notes, path: "outcomes[\(o)].notes", report, indent: "    ")
        }
        return out
    }

    /// The report-level fields: title to regions.
    static func header(_ report: Report) -> String {
        var out = field("title", report.title, path: "title", report, indent: "")
        if let subtitle = report.subtitle { out += field("subtitle", subtitle, path: "subtitle", report, indent: "") }
        if let organization = report.organization { out += field("organization", organization, path: "organization", report, indent: "") }
        if let period = report.period { out += field("period", period, path: "period", report, indent: "") }
        if let source = report.source { out += field("source", source, path: "source", report, indent: "") }
        out += notes(report.notes, path: "notes", report, indent: "")
        if report.language != Report.defaultLanguage { out += "language: \(scalar(report.language))\n" }
        if report.regions.indices.contains(where: { report.translations["regions[\($0)]"] != nil }) {
            out += list("regions", report.regions, path: "regions", report, indent: "")
        } else {
            out += "regions: [" + report.regions.map { scalar($0, flow: true) }.joined(separator: ", ") + "]\n"
        }
        return out
    }

    /// `key: text`, or, for a translated field, `key:` and one `tag: text` line per language.
    /// - Parameter first: what stands in for `indent` on the first line (`"  - "` for a list item's first key).
    static func field(_ key: String, _ text: String, path: String, _ report: Report, indent: String, first: String? = nil) -> String {
        let lead = first ?? indent
        guard report.translations[path] != nil else { return lead + key + ": " + scalar(text) + "\n" }
        return lead + key + ":\n" + report.texts(at: path, text).map { indent + "  " + scalar($0.language) + ": " + scalar($0.text) + "\n" }.joined()
    }

    /// `- text`, or, for a translated item, `- tag: text` and the other languages below it.
    private static func item(_ text: String, path: String, _ report: Report, indent: String) -> String {
        guard report.translations[path] != nil else { return indent + "- " + scalar(text) + "\n" }
        return report.texts(at: path, text).enumerated().map { n, pair in
            indent + (n == 0 ? "- " : "  ") + scalar(pair.language) + ": " + scalar(pair.text) + "\n"
        }.joined()
    }

    /// `narrative:` and `outputs:` of an outcome, when it has them; `indent` is the outcome's key indent
    /// and `path` the outcome's own (`outcomes[0]`).
    static func prose(_ outcome: Outcome, path: String, _ report: Report, indent: String) -> String {
        var out = ""
        if !outcome.narrative.isEmpty {
            out += indent + "narrative:\n"
            for (k, section) in outcome.narrative.enumerated() {
                let sectionPath = path + ".narrative[\(k)]"
                out += field("heading", section.heading, path: sectionPath + ".heading", report, indent: indent + "    ", first: indent + "  - ")
                out += list("paragraphs", section.paragraphs, path: sectionPath + ".paragraphs", report, indent: indent + "    ")
            }
        }
        if !outcome.outputs.isEmpty {
            out += indent + "outputs:\n"
            for (k, output) in outcome.outputs.enumerated() {
                let outputPath = path + ".outputs[\(k)]"
                out += field("category", output.category, path: outputPath + ".category", report, indent: indent + "    ", first: indent + "  - ")
                out += list("items", output.items, path: outputPath + ".items", report, indent: indent + "    ")
            }
        }
        return out
    }

    /// `notes:` as a list, when there are any (a single note reads back the same from a list of one).
    static func notes(_ notes: [String], path: String, _ report: Report, indent: String) -> String {
        notes.isEmpty ? "" : list("notes", notes, path: path, report, indent: indent)
    }

    private static func list(_ key: String, _ items: [String], path: String, _ report: Report, indent: String) -> String {
        guard !items.isEmpty else { return indent + key + ": []\n" }
        return indent + key + ":\n" + items.enumerated().map { m, text in item(text, path: path + "[\(m)]", report, indent: indent + "  ") }.joined()
    }

    private static func indicator(_ indicator: Indicator, path: String, _ report: Report) -> String {
        var out = "      - id: \(scalar(indicator.id))\n"
        out += field("description", indicator.description, path: path + ".description", report, indent: "        ")
        out += field("unit", indicator.unit, path: path + ".unit", report, indent: "        ")
        if let baseline = indicator.baseline {
            out += "        baseline: {year: \(baseline.year), value: \(baseline.value)}\n"
        }
        out += notes(indicator.notes, path: path + ".notes", report, indent: "        ")
        guard !indicator.isSinglePeriodForm else {
            return out + period(indicator.current, regions: report.regions, indent: "        ")
        }
        out += "        periods:\n"
        for period in indicator.periods {
            var lines = ""
            let indent = "            "
            if let label = period.label { lines += indent + "period: \(scalar(label))\n" }
            if let start = period.start, let end = period.end {
                lines += indent + "start: \(scalar(start))\n" + indent + "end: \(scalar(end))\n"
            }
            lines += self.period(period, regions: report.regions, indent: indent)
            out += "          - " + lines.dropFirst(indent.count)
        }
        return out
    }

    /// `target`, `result` and `countries` of a period, at `indent`.
    private static func period(_ period: IndicatorPeriod, regions: [String], indent: String) -> String {
        var out = indent + "target: \(period.target)\n"
        if let result = period.result { out += indent + "result: \(result)\n" }
        let listed = orderedRegions(period.countries, regions: regions)
        // No `countries:` at all when none are listed, as the input usually has it: an empty
        // mapping would add a "result differs from the 0 entries listed" warning.
        guard !listed.isEmpty else { return out }
        out += indent + "countries:\n"
        for region in listed {
            out += indent + "  " + key(region, indent: indent + "  ") + "\n"
            for entry in period.entries(in: region) {
                out += indent + "    - " + entryText(entry) + "\n"
            }
        }
        return out
    }

    /// A plain name, or `{name: ..., territory: true, code: ...}` with what the entry has.
    private static func entryText(_ entry: CountryEntry) -> String {
        guard entry.isTerritory || entry.code != nil else { return scalar(entry.name) }
        var fields = ["name: " + scalar(entry.name, flow: true)]
        if entry.isTerritory { fields.append("territory: true") }
        if let code = entry.code { fields.append("code: " + scalar(code, flow: true)) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// The report's region order first, then any region it does not list (sorted), so nothing is dropped.
    static func orderedRegions(_ countries: [String: [CountryEntry]], regions: [String]) -> [String] {
        let withEntries = countries.filter { !$0.value.isEmpty }
        return regions.filter { withEntries[$0] != nil } + withEntries.keys.filter { !regions.contains($0) }.sorted()
    }

    /// `Africa:`; a key longer than libyaml's 1024-character limit for simple keys is written explicitly.
    private static func key(_ text: String, indent: String) -> String {
        let written = scalar(text)
        return written.unicodeScalars.count < 1000 ? written + ":" : "? " + written + "\n" + indent + ":"
    }

    // MARK: Scalars

    /// Words YAML 1.1 (which Yams follows) or YAML 1.2 read as booleans or null when plain.
    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]

    /// Plain when that reads back as the same text in any YAML reader, else double-quoted.
    /// `flow` is for values inside `[...]` or `{...}`, where `,[]{}` also end a plain scalar.
    public static func scalar(_ text: String, flow: Bool = false) -> String {
        isPlainSafe(text, flow: flow) ? text : doubleQuoted(text)
    }

    static func isPlainSafe(_ text: String, flow: Bool) -> Bool {
        let scalars = text.unicodeScalars
        // Starting with a letter rules out numbers, dates, `~`, `-`, `*`, `&`, `!`, `|`, `>`, quotes, `#`, `%`, `@`.
        guard let first = scalars.first, first.properties.isAlphabetic, let last = scalars.last, last != " " else { return false }
        guard !reservedWords.contains(text.lowercased()) else { return false }
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            guard isPrintable(scalar), scalar != "\t" else { return false }
            if scalar == "#" && previous == " " { return false }
            if previous == ":" && scalar == " " { return false }
            if flow && (scalar == "," || scalar == "[" || scalar == "]" || scalar == "{" || scalar == "}") { return false }
            previous = scalar
        }
        return last != ":"
    }

    /// YAML's printable set, without the line breaks (NEL, LS, PS) and the byte order mark.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    static func doubleQuoted(_ text: String) -> String {
        Quoting.doubleQuoted(text) { scalar in
            switch scalar {
            case "\0": return "\\0"
            case _ where isPrintable(scalar): return nil
            case _ where scalar.value <= 0xFF: return "\\x" + Quoting.hex(scalar.value, digits: 2)
            case _ where scalar.value <= 0xFFFF: return "\\u" + Quoting.hex(scalar.value, digits: 4)
            default: return "\\U" + Quoting.hex(scalar.value, digits: 8)
            }
        }
    }
}
