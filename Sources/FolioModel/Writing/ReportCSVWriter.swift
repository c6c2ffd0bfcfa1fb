import Foundation

/// Writes a report as a CSV folder that loads back (with `ReportLoader.checkCSV`) to the same report:
///
/// - `indicators.csv`: one row per indicator (`outcome, outcome_title, indicator, description, unit,
///   target, result`), the outcome's title repeated on each; an outcome without indicators gets one
///   row with only `outcome` and `outcome_title`.
/// - `countries.csv`: one row per listed entry (`indicator, region, country, territory`), regions in
///   the report's order, `territory` "true" or empty.
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
        var out = row(CSVReportBuilder.indicatorColumns)
        for outcome in report.outcomes {
            if outcome.indicators.isEmpty {
                out += row([outcome.id, outcome.title, "", "", "", "", ""])
            }
            for indicator in outcome.indicators {
                out += row([outcome.id, outcome.title, indicator.id, indicator.description, indicator.unit,
                            String(indicator.target), indicator.result.map(String.init) ?? ""])
            }
        }
        return out
    }

    static func countries(_ report: Report) -> String {
        var out = row(CSVReportBuilder.countryColumns)
        for indicator in report.outcomes.flatMap(\.indicators) {
            for region in ReportYAMLWriter.orderedRegions(indicator, regions: report.regions) {
                for entry in indicator.entries(in: region) {
                    out += row([indicator.id, region, entry.name, entry.isTerritory ? "true" : ""])
                }
            }
        }
        return out
    }

    static func reportYAML(_ report: Report) -> String {
        var out = ReportYAMLWriter.header(report)
        let withProse = report.outcomes.filter { !$0.narrative.isEmpty || !$0.outputs.isEmpty }
        guard !withProse.isEmpty else { return out }
        out += "outcomes:                 # narrative and outputs; the rest of each outcome is in indicators.csv\n"
        for outcome in withProse {
            out += "  - id: \(ReportYAMLWriter.scalar(outcome.id))\n"
            out += ReportYAMLWriter.prose(outcome, indent: "    ")
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
