/// Writes a report in the input format as JSON, keys in the documented order, so files diff well
/// and load back to the same report.
public enum ReportJSONWriter {
    public static func json(_ report: Report) -> String {
        var out = "{\n"
        var fields: [String] = ["  \"title\": \(quote(report.title))"]
        if let subtitle = report.subtitle { fields.append("  \"subtitle\": \(quote(subtitle))") }
        if let organization = report.organization { fields.append("  \"organization\": \(quote(organization))") }
        if let period = report.period { fields.append("  \"period\": \(quote(period))") }
        if report.language != Report.defaultLanguage { fields.append("  \"language\": \(quote(report.language))") }
        fields.append("  \"regions\": [" + report.regions.map(quote).joined(separator: ", ") + "]")
        fields.append("  \"outcomes\": [\n" + report.outcomes.map { outcome($0, regions: report.regions) }.joined(separator: ",\n") + "\n  ]")
        out += fields.joined(separator: ",\n") + "\n}\n"
        return out
    }

    static func outcome(_ outcome: Outcome, regions: [String]) -> String {
        var fields = ["\"id\": \(quote(outcome.id))", "\"title\": \(quote(outcome.title))"]
        fields.append("\"indicators\": [" + outcome.indicators.map { indicator($0, regions: regions) }.joined(separator: ", ") + "]")
        if !outcome.narrative.isEmpty {
            fields.append("\"narrative\": [" + outcome.narrative.map {
                "{\"heading\": \(quote($0.heading)), \"paragraphs\": [" + $0.paragraphs.map(quote).joined(separator: ", ") + "]}"
            }.joined(separator: ", ") + "]")
        }
        if !outcome.outputs.isEmpty {
            fields.append("\"outputs\": [" + outcome.outputs.map {
                "{\"category\": \(quote($0.category)), \"items\": [" + $0.items.map(quote).joined(separator: ", ") + "]}"
            }.joined(separator: ", ") + "]")
        }
        return "    {" + fields.joined(separator: ", ") + "}"
    }

    static func indicator(_ indicator: Indicator, regions: [String]) -> String {
        var fields = ["\"id\": \(quote(indicator.id))", "\"description\": \(quote(indicator.description))",
                      "\"unit\": \(quote(indicator.unit))", "\"target\": \(indicator.target)"]
        if let result = indicator.result { fields.append("\"result\": \(result)") }
        let countries = regions.compactMap { region -> String? in
            let entries = indicator.entries(in: region)
            guard !entries.isEmpty else { return nil }
            return quote(region) + ": [" + entries.map { entry in
                entry.isTerritory ? "{\"name\": \(quote(entry.name)), \"territory\": true}" : quote(entry.name)
            }.joined(separator: ", ") + "]"
        }
        fields.append("\"countries\": {" + countries.joined(separator: ", ") + "}")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func quote(_ text: String) -> String {
        Quoting.doubleQuoted(text) { scalar in
            scalar.value < 0x20 ? "\\u" + Quoting.hex(scalar.value, digits: 4, uppercase: false) : nil
        }
    }
}
