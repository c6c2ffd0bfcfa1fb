/// Colours of the cover, each falling back to the page colours when the style sheet leaves it out,
/// so a sheet that sets only `colors.accent` still gets a matching cover.
public struct CoverColors: Sendable, Equatable {
    /// Fill of the whole cover; nil leaves the paper white.
    public var background: Color?
    /// Title and facts; nil is `colors.text`.
    public var text: Color?
    /// Organisation, period and date of the data; nil is `colors.muted_text`.
    public var mutedText: Color?
    /// The band at the top, the subtitle and the rule under the title; nil is `colors.accent`.
    public var accent: Color?

    public init(background: Color? = nil, text: Color? = nil, mutedText: Color? = nil, accent: Color? = nil) {
        self.background = background; self.text = text; self.mutedText = mutedText; self.accent = accent
    }
}
