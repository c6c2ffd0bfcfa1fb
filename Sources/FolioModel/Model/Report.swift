/// A programme implementation report: the validated form of a data file.
///
/// Everything here is plain data. Loading and validation live in `ReportLoader`;
/// nothing in this module knows how a report is drawn.
public struct Report: Sendable, Equatable {
    /// The regions most ILO reports use, in the order the seed prints them.
    public static let defaultRegions = ["Africa", "Americas", "Arab States", "Asia-Pacific", "Europe-Central Asia"]

    public var title: String
    public var subtitle: String?
    public var organization: String?
    public var period: String?
    /// BCP 47 language of the text, for the PDF's /Lang.
    public var language: String
    /// Display order of the regional columns and chart segments.
    public var regions: [String]
    public var outcomes: [Outcome]
    /// Where the figures come from, printed under every chart ("Source: …"); nil prints the
    /// organisation and the title, as before.
    public var source: String?
    /// Notes on the whole report, printed under every chart.
    public var notes: [String] = []
    /// Texts in other languages than `language`, by the path of the field they translate, as
    /// diagnostics print it: `title`, `regions[2]`, `outcomes[0].indicators[1].description`.
    /// Fields without an entry are written in `language` only.
    public var translations: [String: Translation]
    /// Where each text field was written; empty for reports built in code. Not part of `==`.
    public var locations: FieldLocations

    public static let defaultLanguage = "en"

    public init(title: String, subtitle: String? = nil, organization: String? = nil, period: String? = nil,
                language: String = Report.defaultLanguage, regions: [String] = Report.defaultRegions, outcomes: [Outcome],
                source: String? = nil, notes: [String] = [],
                translations: [String: Translation] = [:], locations: FieldLocations = FieldLocations()) {
        self.source = source
        self.notes = notes
        self.language = language
        self.translations = translations
        self.locations = locations
        self.title = title
        self.subtitle = subtitle
        self.organization = organization
        self.period = period
        self.regions = regions
        self.outcomes = outcomes
    }

    /// The names of the periods indicators are tracked over, in time order (by start date, else
    /// the first year in the name; periods with neither after them, as they first appear); empty
    /// when every indicator is in the one-period form.
    public var periodNames: [String] {
        var names: [(name: String, key: String?)] = []
        var seen = Set<String>()
        for indicator in outcomes.lazy.flatMap(\.indicators) where !indicator.isSinglePeriodForm {
            for period in indicator.periods {
                guard let label = period.label, seen.insert(label).inserted else { continue }
                names.append((label, period.sortKey))
            }
        }
        let ordered = names.enumerated().sorted { a, b in
            switch (a.element.key, b.element.key) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }
        return ordered.map(\.element.name)
    }

    /// The outcome with this id, as written in the data file.
    public func outcome(id: String) -> Outcome? {
        outcomes.first { $0.id == id }
    }
}

/// One outcome of the programme: its indicators and the prose that explains them.
public struct Outcome: Sendable, Equatable {
    /// Kept as written: "4.10" stays "4.10".
    public var id: String
    public var title: String
    public var indicators: [Indicator]
    public var narrative: [NarrativeSection]
    public var outputs: [OutputCategory]
    /// Notes on the outcome's figures, printed under its charts.
    public var notes: [String]

    public init(id: String, title: String, indicators: [Indicator] = [], narrative: [NarrativeSection] = [],
                outputs: [OutputCategory] = [], notes: [String] = []) {
        self.id = id
        self.notes = notes
        self.title = title
        self.indicators = indicators
        self.narrative = narrative
        self.outputs = outputs
    }
}

/// A country (or territory) that achieved an indicator.
public struct CountryEntry: Sendable, Equatable, Hashable {
    public var name: String
    /// Territories are counted apart in the published result ("24 member States and 1 territory").
    public var isTerritory: Bool
    public var code: String?

    public init(name: String, isTerritory: Bool = false, code: String? = nil) {
        self.name = name
        self.isTerritory = isTerritory
        self.code = code
    }
}

/// A prose section of an outcome: a heading and its paragraphs.
public struct NarrativeSection: Sendable, Equatable {
    public var heading: String
    public var paragraphs: [String]

    public init(heading: String, paragraphs: [String]) {
        self.heading = heading
        self.paragraphs = paragraphs
    }
}

/// One row of the "significant outputs" table.
public struct OutputCategory: Sendable, Equatable {
    public var category: String
    public var items: [String]

    public init(category: String, items: [String]) {
        self.category = category
        self.items = items
    }
}
