/// Which sections a briefing has, and in which order (`sections:` in a style sheet).
///
/// A section left out is gone everywhere: from the pages, the contents, the bookmarks and the page
/// labels. The cover and the contents are front matter, numbered apart in roman numerals, so they
/// can be left out but not moved behind the body.
public struct BriefingSections: Sendable, Equatable {
    public enum Part: String, Sendable, CaseIterable {
        /// Title page: organisation, title, subtitle, period, counts, date of the data, logo.
        case cover
        /// Contents with page numbers and links.
        case contents
        /// Every indicator at a glance, the overview chart, results by region.
        case summary
        /// "Changes in this version" (only when a build asks for it: `changes_page: true`).
        case changes
        /// One section per outcome, made of the `OutcomePart`s.
        case outcomes
    }

    /// The parts of one outcome's section, after its heading.
    public enum OutcomePart: String, Sendable, CaseIterable {
        /// The results table (with its note on territories) and, for data tracked over time, the
        /// results-over-time table and the countries that changed.
        case results
        /// The outcome's charts: targets and results, regions, and progress over time.
        case charts
        /// A world map of the countries the outcome lists, by region; also puts a map highlighting the
        /// country in each country briefing. Not in the standard list: a style asks for it, since
        /// each map adds a quarter of a page and about 100 KB of vectors to the PDF.
        case map
        /// The narrative sections of the data, each under its own heading.
        case narrative
        /// The significant outputs table.
        case outputs
    }

    public var briefing: [Part]
    public var outcome: [OutcomePart]

    public init(briefing: [Part] = [.cover, .contents, .summary, .changes, .outcomes],
                outcome: [OutcomePart] = [.results, .charts, .narrative, .outputs]) {
        self.briefing = briefing
        self.outcome = outcome
    }

    /// Every section in the order Folio has always used.
    public static let standard = BriefingSections()

    public func shows(_ part: Part) -> Bool { briefing.contains(part) }
    public func shows(_ part: OutcomePart) -> Bool { outcome.contains(part) }
}
