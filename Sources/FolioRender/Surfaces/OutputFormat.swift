/// The file formats a chart can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf

    /// From a file name's extension, case-insensitive.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }
}
