import Foundation

/// Writes a report as a CSV folder that loads back (with `ReportLoader.checkCSV`) to the same report:
///
/// - `indicators.csv`: one row per indicator (`outcome, outcome_title, indicator, description, unit,
///   target, result`), the outcome's title repeated on each; an outcome without indicators gets one
///   row with only `outcome` and `outcome_title`.
/// - `countries.csv`: one row per listed entry (`indicator, region, country, territory`), regions in
///   the report's order, `territory` "true" or empty; and `code` when any entry has one.
/// - Indicators tracked over time: when any indicator has periods or a baseline, indicators.csv
///   gets the columns `period` (and `start`, `end` when a period has dates) and `baseline_year`,
///   `baseline_value` (when one has a baseline), with one row per period; the description, unit
///   and baseline are on the first row of the indicator only. countries.csv then names each
///   entry's `period`.
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
        indicatorRows(report).map(row).joined()
    }

    /// indicators.csv's rows, header first (also the indicators sheet of `ReportWorkbookWriter`).
    static func indicatorRows(_ report: Report) -> [[String]] {
        // After the plain columns, `<column>_<tag>` for each language a text of that column is given in.
        let translated = CSVReportBuilder.translatableColumns.flatMap { column in
            languages(report, column: column).map { (column: column, tag: $0) }
        }
        let indicators = report.outcomes.flatMap(\.indicators)
        let periodColumns = self.periodColumns(indicators)
            + (indicators.contains { !$0.notes.isEmpty } ? [CSVReportBuilder.notesColumn] : [])
        var out = [CSVReportBuilder.indicatorColumns + periodColumns + translated.map { "\($0.column)_\($0.tag)" }]
        for (o, outcome) in report.outcomes.enumerated() {
            let outcomePath = "outcomes[\(o)]"
            func texts(_ indicatorPath: String?, _ indicator: Indicator? = nil) -> [String] {
                translated.map { column, tag in
                    if column == CSVReportBuilder.notesColumn {
                        guard let indicatorPath, let indicator else { return "" }
                        return indicator.notes.indices.map { report.translations[indicatorPath + ".notes[\($0)]"]?.texts[tag] ?? "" }
                            .joined(separator: "\n")
                    }
                    let path = column == "outcome_title" ? outcomePath + ".title" : indicatorPath.map { $0 + "." + column }
                    return path.flatMap { report.translations[$0]?.texts[tag] } ?? ""
                }
            }
            if outcome.indicators.isEmpty {
                out.append([outcome.id, outcome.title, "", "", "", "", ""] + periodColumns.map { _ in "" } + texts(nil))
            }
            for (i, indicator) in outcome.indicators.enumerated() {
                let texts = texts(outcomePath + ".indicators[\(i)]", indicator)
                for (p, period) in indicator.periods.enumerated() {
                    let first = p == 0
                    let cells: [String: String] = [
                        "period": period.label ?? "", "start": period.start ?? "", "end": period.end ?? "",
                        "baseline_year": first ? indicator.baseline.map { String($0.year) } ?? "" : "",
                        "baseline_value": first ? indicator.baseline.map { String($0.value) } ?? "" : "",
                        CSVReportBuilder.notesColumn: first ? indicator.notes.joined(separator: "\n") : "",
                    ]
                    out.append([outcome.id, outcome.title, indicator.id, first ? indicator.description : "", first ? indicator.unit : "",
                                String(period.target), period.result.map(String.init) ?? ""]
                               + periodColumns.map { cells[$0]! } + (first ? texts : texts.map { _ in "" }))
                }
            }
        }
        return out
    }

    /// The period columns the indicators need: none for data in the one-period form, so it converts as before.
    private static func periodColumns(_ indicators: [Indicator]) -> [String] {
        var columns: [String] = []
        if indicators.contains(where: { !$0.isSinglePeriodForm }) { columns.append("period") }
        if indicators.contains(where: { $0.periods.contains { $0.start != nil } }) { columns += ["start", "end"] }
        if indicators.contains(where: { $0.baseline != nil }) { columns += ["baseline_year", "baseline_value"] }
        return columns
    }

    /// The languages the report gives texts of `column` in (besides its own), sorted.
    private static func languages(_ report: Report, column: String) -> [String] {
        let suffix = column == "outcome_title" ? ".title" : "." + column
        let paths = report.translations.filter { path, _ in
            if column == CSVReportBuilder.notesColumn { return path.contains(".indicators[") && path.contains(".notes[") }
            return path.hasSuffix(suffix) && (column == "outcome_title") != path.contains(".indicators[")
        }
        return Set(paths.values.flatMap(\.texts.keys)).sorted()
    }

    static func countries(_ report: Report) -> String {
        countryRows(report).map(row).joined()
    }

    /// countries.csv's rows, header first.
    static func countryRows(_ report: Report) -> [[String]] {
        let indicators = report.outcomes.flatMap(\.indicators)
        // The `code` column only when an entry has a code, so data without codes converts as before.
        let hasCodes = indicators.contains { $0.periods.contains { $0.countries.values.contains { $0.contains { $0.code != nil } } } }
        let hasPeriods = indicators.contains { !$0.isSinglePeriodForm }
        var out = [CSVReportBuilder.countryColumns.filter { ($0 != "code" || hasCodes) && ($0 != "period" || hasPeriods) }]
        for indicator in indicators {
            for period in indicator.periods {
                for region in ReportYAMLWriter.orderedRegions(period.countries, regions: report.regions) {
                    for entry in period.entries(in: region) {
                        out.append([indicator.id, region, entry.name, entry.isTerritory ? "true" : ""] + (hasCodes ? [entry.code ?? ""] : [])
                                   + (hasPeriods ? [period.label ?? ""] : []))
                    }
                }
            }
        }
        return out
    }

    static func reportYAML(_ report: Report) -> String {
        var out = ReportYAMLWriter.header(report)
        let hasProse = { (outcome: Outcome) in !outcome.narrative.isEmpty || !outcome.outputs.isEmpty || !outcome.notes.isEmpty }
        guard report.outcomes.contains(where: hasProse) else { return out }
        out += "outcomes:                 # narrative, outputs and notes; the rest of each outcome is in indicators.csv\n"
        for (o, outcome) in report.outcomes.enumerated() where hasProse(outcome) {
            out += "  - id: \(ReportYAMLWriter.scalar(outcome.id))\n"
            out += ReportYAMLWriter.prose(outcome, path: "outcomes[\(o)]", report, indent: "    ")
            out += ReportYAMLWriter.notes(outcome.notes, path: "outcomes[\(o)].notes", report, indent: "    ")
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
