import FolioWorkbook

/// The syntaxes a report may be written in. All describe the same structure.
public enum InputFormat: String, Sendable, CaseIterable {
    case yaml, json
    /// A folder of files (indicators.csv, countries.csv, report.yaml): see `ReportLoader.checkCSV`.
    case csv
    /// An IATI activity file (`iati-activities`, versions 2.01–2.03): see `ReportLoader.checkIATI`.
    case iati
    /// An Excel workbook (.xlsx) with the sheets of a CSV folder: see `ReportLoader.checkWorkbook`.
    case xlsx

    /// Picks the format from a file name's extension, so callers need not keep their own table.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "csv": self = .csv
        case "xml": self = .iati
        case "xlsx": self = .xlsx
        default: return nil
        }
    }

    /// Recognises a file by its first bytes, for data whose name says nothing: an Excel workbook
    /// (a ZIP archive holding `xl/workbook.xml`); nil for anything else (text formats cannot be told apart safely).
    public init?(contents: some Collection<UInt8>) {
        guard WorkbookReader.isWorkbook(contents) else { return nil }
        self = .xlsx
    }
}
