import Foundation

/// Writes a report as a CSV folder that loads back (with `ReportLoader.checkCSV`) to the same report:
///
/// - `indicators.csv`: one row per indicator (`outcome, outcome_title, indicator, description, unit,
///   target, result`), the outcome's title repeated on each; an outcome without indicators gets one
///   row with only `outcome` and `outcome_title`.
/// - `countries.csv`: one row per listed entry (`indicator, region, country, territory`), regions in
///   the report's order, `territory` "true" or empty; and `code` when any entry has one.
/// - Texts in other languages: `outcome_title_<tag>`, `description_<tag>`, `unit_<tag>` columns
///   after the others in indicators.csv; every other text as a `{tag: text}` mapping in report.yaml.
/// - `report.yaml`: the report fields (title … regions) and, for outcomes that have them,
///   `outcomes: [{id, narrative, outputs}]`.
///
/// CSV is UTF-8 without a byte order mark, comma-separated, LF line ends (RFC 4180 apart from the
/// line ends); a field is quoted when it holds a separator, a quote, a line break, a control
/// character or spaces at either end.
public enum ReportCSVWriter {
    public static let indicatorsFile = "indicators.csv"
    public static let countriesFile = "countries.csv"
    public static let reportFile = "report.yaml"

    /// File name → contents.
    public static func files(_ report: Report) -> [String: String] {
        [indicatorsFile: indicators(report), countriesFile: countries(report), reportFile: reportYAML(report)]
    }

    static func indicators(_ report: Report) -> String {
        // After the plain columns, `<column>_<tag>` for each language a text of that column is given in.
        let translated = CSVReportBuilder.translatableColumns.flatMap { column in
            languages(report, column: column).map { (column: column, tag: $0) }
        }
        var out = row(CSVReportBuilder.indicatorColumns + translated.map { "\($0.column)_\($0.tag)" })
        for (o, outcome) in report.outcomes.enumerated() {
            let outcomePath = "outcomes[\(o)]"
            func texts(_ indicatorPath: String?) -> [String] {
                translated.map { column, tag in
                    let path = column == "outcome_title" ? outcomePath + ".title" : indicatorPath.map { $0 + "." + column }
                    return path.flatMap { report.translations[$0]?.texts[tag] } ?? ""
                }
            }
            if outcome.indicators.isEmpty {
                out += row([outcome.id, outcome.title, "", "", "", "", ""] + texts(nil))
            }
            for (i, indicator) in outcome.indicators.enumerated() {
                out += row([outcome.id, outcome.title, indicator.id, indicator.description, indicator.unit,
                            String(indicator.target), indicator.result.map(String.init) ?? ""] + texts(outcomePath + ".indicators[\(i)]"))
            }
        }
        return out
    }

    /// The languages the report gives texts of `column` in (besides its own), sorted.
    private static func languages(_ report: Report, column: String) -> [String] {
        let suffix = column == "outcome_title" ? ".title" : "." + column
        let paths = report.translations.filter { $0.key.hasSuffix(suffix) && (column == "outcome_title") != $0.key.contains(".indicators[") }
        return Set(paths.values.flatMap(\.texts.keys)).sorted()
    }

    static func countries(_ report: Report) -> String {
        let indicators = report.outcomes.flatMap(\.indicators)
        // The `code` column only when an entry has a code, so data without codes converts as before.
        let hasCodes = indicators.contains { $0.countries.values.contains { $0.contains { $0.code != nil } } }
        var out = row(hasCodes ? CSVReportBuilder.countryColumns : CSVReportBuilder.countryColumns.filter { $0 != "code" })
        for indicator in indicators {
            for region in ReportYAMLWriter.orderedRegions(indicator, regions: report.regions) {
                for entry in indicator.entries(in: region) {
                    out += row([indicator.id, region, entry.name, entry.isTerritory ? "true" : ""] + (hasCodes ? [entry.code ?? ""] : []))
                }
            }
        }
        return out
    }

    static func reportYAML(_ report: Report) -> String {
        var out = ReportYAMLWriter.header(report)
        guard report.outcomes.contains(where: { !$0.narrative.isEmpty || !$0.outputs.isEmpty }) else { return out }
        out += "outcomes:                 # narrative and outputs; the rest of each outcome is in indicators.csv\n"
        for (o, outcome) in report.outcomes.enumerated() where !outcome.narrative.isEmpty || !outcome.outputs.isEmpty {
            out += "  - id: \(ReportYAMLWriter.scalar(outcome.id))\n"
            out += ReportYAMLWriter.prose(outcome, path: "outcomes[\(o)]", report, indent: "    ")
        }
        return out
    }

    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0.value < 0x20 || $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\u{7F}" }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
