/// The syntaxes a report may be written in. All describe the same structure.
public enum InputFormat: String, Sendable, CaseIterable {
    case yaml, json
    /// A folder of files (indicators.csv, countries.csv, report.yaml): see `ReportLoader.checkCSV`.
    case csv
    /// An IATI activity file (`iati-activities`, versions 2.01–2.03): see `ReportLoader.checkIATI`.
    case iati

    /// Picks the format from a file name's extension, so callers need not keep their own table.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "csv": self = .csv
        case "xml": self = .iati
        default: return nil
        }
    }
}
