/// What Folio reads of one `iati-activity`: the parts of the IATI activity standard (2.01–2.03)
/// that map onto a report, with positions, numbers already checked and rounded.
struct IATIActivity {
    /// The activity's `xml:lang`: the language of its narratives that name none.
    var language: String
    /// `recipient-country/@code` (ISO 3166-1 alpha-2, as written) and where each is.
    var countries: [(code: String, position: SourcePosition)]
    var reportingOrg: IATIText?
    var reportingOrgRef: String?
    var title: IATIText?
    /// Outcome results only (`@type` 2); `skippedResultTypes` counts the others.
    var results: [IATIResult]
    var skippedResultTypes: [String: Int]
    var position: SourcePosition
}

/// An element's `narrative`s: one text per language.
struct IATIText {
    var narratives: [(language: String, text: String, position: SourcePosition)]
    var position: SourcePosition

    /// The text in `language`, else the first.
    func text(in language: String) -> String? {
        let wanted = language.lowercased()
        return (narratives.first { $0.language.lowercased() == wanted } ?? narratives.first)?.text
    }
}

/// A whole number read from an IATI `@value` (rounded from a decimal when needed).
struct IATIValue {
    var value: Int
    var position: SourcePosition
}

struct IATIResult {
    var reference: String?
    var title: IATIText?
    var indicators: [IATIIndicator]
    var position: SourcePosition
}

struct IATIIndicator {
    var reference: String?
    var title: IATIText?
    var baselines: [(year: IATIValue, value: IATIValue)]
    var periods: [IATIPeriod]
    var position: SourcePosition
}

struct IATIPeriod {
    /// `period-start/@iso-date` and `period-end/@iso-date`, as written.
    var start: (text: String, position: SourcePosition)
    var end: (text: String, position: SourcePosition)
    /// The values without a `dimension` (disaggregations would count the same people twice).
    var targets: [IATIValue]
    var actuals: [IATIValue]
    var position: SourcePosition
}
