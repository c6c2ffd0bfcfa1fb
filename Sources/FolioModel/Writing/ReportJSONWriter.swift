/// Writes a report in the input format as JSON, keys in the documented order, so files diff well
/// and load back to the same report.
public enum ReportJSONWriter {
    public static func json(_ report: Report) -> String {
        var out = "{\n"
        var fields: [String] = ["  \"title\": \(text(report.title, "title", report))"]
        if let subtitle = report.subtitle { fields.append("  \"subtitle\": \(text(subtitle, "subtitle", report))") }
        if let organization = report.organization { fields.append("  \"organization\": \(text(organization, "organization", report))") }
        if let period = report.period { fields.append("  \"period\": \(text(period, "period", report))") }
        if let source = report.source { fields.append("  \"source\": \(text(source, "source", report))") }
        if !report.notes.isEmpty { fields.append("  " + notes(report.notes, path: "notes", report)) }
        if report.language != Report.defaultLanguage { fields.append("  \"language\": \(quote(report.language))") }
        fields.append("  \"regions\": [" + report.regions.enumerated().map { text($1, "regions[\($0)]", report) }.joined(separator: ", ") + "]")
        fields.append("  \"outcomes\": [\n" + report.outcomes.enumerated().map { outcome($1, path: "outcomes[\($0)]", report) }.joined(separator: ",\n") + "\n  ]")
        out += fields.joined(separator: ",\n") + "\n}\n"
        return out
    }

    static func outcome(_ outcome: Outcome, path: String, _ report: Report) -> String {
        var fields = ["\"id\": \(quote(outcome.id))", "\"title\": \(text(outcome.title, path + ".title", report))"]
        fields.append("\"indicators\": [" + outcome.indicators.enumerated().map {
            indicator($1, path: path + ".indicators[\($0)]", report)
        }.joined(separator: ", ") + "]")
        if !outcome.narrative.isEmpty {
            fields.append("\"narrative\": [" + outcome.narrative.enumerated().map { k, section in
                let sectionPath = path + ".narrative[\(k)]"
                return "{\"heading\": \(text(section.heading, sectionPath + ".heading", report)), \"paragraphs\": ["
                    + section.paragraphs.enumerated().map { text($1, sectionPath + ".paragraphs[\($0)]", report) }.joined(separator: ", ") + "]}"
            }.joined(separator: ", ") + "]")
        }
        if !outcome.outputs.isEmpty {
            fields.append("\"outputs\": [" + outcome.outputs.enumerated().map { k, output in
                let outputPath = path + ".outputs[\(k)]"
                return "{\"category\": \(text(output.category, outputPath + ".category", report)), \"items\": ["
                    + output.items.enumerated().map { text($1, outputPath + ".items[\($0)]", report) }.joined(separator: ", ") + "]}"
            }.joined(separator: ", ") + "]")
        }
        if !outcome.notes.isEmpty { fields.append(notes(outcome.notes, path: path + ".notes", report)) }
        return "    {" + fields.joined(separator: ", ") + "}"
    }

    static func indicator(_ indicator: Indicator, path: String, _ report: Report) -> String {
        var fields = ["\"id\": \(quote(indicator.id))", "\"description\": \(text(indicator.description, path + ".description", report))",
                      "\"unit\": \(text(indicator.unit, path + ".unit", report))"]
        if let baseline = indicator.baseline {
            fields.append("\"baseline\": {\"year\": \(baseline.year), \"value\": \(baseline.value)}")
        }
        if !indicator.notes.isEmpty { fields.append(notes(indicator.notes, path: path + ".notes", report)) }
        if indicator.isSinglePeriodForm {
            fields += period(indicator.current, regions: report.regions)
        } else {
            fields.append("\"periods\": [" + indicator.periods.map { period in
                var periodFields: [String] = []
                if let label = period.label { periodFields.append("\"period\": \(quote(label))") }
                if let start = period.start, let end = period.end {
                    periodFields += ["\"start\": \(quote(start))", "\"end\": \(quote(end))"]
                }
                return "{" + (periodFields + self.period(period, regions: report.regions)).joined(separator: ", ") + "}"
            }.joined(separator: ", ") + "]")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// `target`, `result` and `countries` of a period.
    private static func period(_ period: IndicatorPeriod, regions: [String]) -> [String] {
        var fields = ["\"target\": \(period.target)"]
        if let result = period.result { fields.append("\"result\": \(result)") }
        let countries = regions.compactMap { region -> String? in
            let entries = period.entries(in: region)
            guard !entries.isEmpty else { return nil }
            return quote(region) + ": [" + entries.map { entry in
                guard entry.isTerritory || entry.code != nil else { return quote(entry.name) }
                var fields = ["\"name\": \(quote(entry.name))"]
                if entry.isTerritory { fields.append("\"territory\": true") }
                if let code = entry.code { fields.append("\"code\": \(quote(code))") }
                return "{" + fields.joined(separator: ", ") + "}"
            }.joined(separator: ", ") + "]"
        }
        fields.append("\"countries\": {" + countries.joined(separator: ", ") + "}")
        return fields
    }

    /// A string, or for a translated field an object of language tag → text, the data's language first.
    /// `"notes": [...]`, each note a text or its translations.
    static func notes(_ notes: [String], path: String, _ report: Report) -> String {
        "\"notes\": [" + notes.enumerated().map { text($1, path + "[\($0)]", report) }.joined(separator: ", ") + "]"
    }

    static func text(_ text: String, _ path: String, _ report: Report) -> String {
        guard report.translations[path] != nil else { return quote(text) }
        return "{" + report.texts(at: path, text).map { quote($0.language) + ": " + quote($0.text) }.joined(separator: ", ") + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func quote(_ text: String) -> String {
        Quoting.doubleQuoted(text) { scalar in
            scalar.value < 0x20 ? "\\u" + Quoting.hex(scalar.value, digits: 4, uppercase: false) : nil
        }
    }
}
