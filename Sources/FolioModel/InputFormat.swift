/// The syntaxes a report file may be written in. Both describe the same structure.
public enum InputFormat: String, Sendable, CaseIterable {
    case yaml, json

    /// Picks the format from a file name's extension, so callers need not keep their own table.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }
}
