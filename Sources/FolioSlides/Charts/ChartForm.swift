/// How a deck's chart slides hold their charts.
public enum ChartForm: String, Sendable, CaseIterable {
    /// Charts PowerPoint draws, with their data embedded: editable, restyled by the deck's owner.
    case native
    /// Folio's own drawing as a PNG: looks the same everywhere, but cannot be edited.
    case picture
}
