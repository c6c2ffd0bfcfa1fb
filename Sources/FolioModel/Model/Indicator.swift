/// A measurable indicator of an outcome: its baseline, and a target, a published result and who
/// achieved it for each period it was tracked over.
///
/// Most of Folio draws one period, the report's current one, so `target`, `result` and `countries`
/// read and write that period: a file written in the one-period form (top-level `target`, `result`,
/// `countries`) is an indicator with one unnamed period and works exactly as before.
public struct Indicator: Sendable, Equatable {
    public static let defaultUnit = "member States"

    /// Kept as written: "4.10" stays "4.10".
    public var id: String
    public var description: String
    /// Plural noun phrase the numbers count, e.g. "member States".
    public var unit: String
    /// Where the indicator started, before its first period.
    public var baseline: Baseline?
    /// In time order, labels unique; never empty.
    public var periods: [IndicatorPeriod]
    /// The period the report is about (the report's `period:`, else the last one).
    public var currentPeriodIndex: Int
    /// Notes on this indicator's figures ("provisional"): printed under each chart that shows
    /// it, with a footnote marker at its label.
    public var notes: [String] = []

    /// The one-period form.
    public init(id: String, description: String, unit: String = Indicator.defaultUnit, target: Int,
                result: Int? = nil, countries: [String: [CountryEntry]] = [:], baseline: Baseline? = nil) {
        self.init(id: id, description: description, unit: unit, baseline: baseline,
                  periods: [IndicatorPeriod(target: target, result: result, countries: countries)])
    }

    /// Several periods; `currentPeriodIndex` defaults to the last period.
    public init(id: String, description: String, unit: String = Indicator.defaultUnit, baseline: Baseline?,
                periods: [IndicatorPeriod], currentPeriodIndex: Int? = nil) {
        precondition(!periods.isEmpty, "an indicator has at least one period")
        self.id = id
        self.description = description
        self.unit = unit
        self.baseline = baseline
        self.periods = periods
        self.currentPeriodIndex = min(max(currentPeriodIndex ?? periods.count - 1, 0), periods.count - 1)
    }

    /// The period the report is about.
    public var current: IndicatorPeriod {
        get { periods[currentPeriodIndex] }
        set { periods[currentPeriodIndex] = newValue }
    }

    /// The period before the current one, if any: "better than last time?" compares with it.
    public var previous: IndicatorPeriod? {
        currentPeriodIndex > 0 ? periods[currentPeriodIndex - 1] : nil
    }

    /// True when the data tracks the indicator over time (several periods, or a baseline):
    /// briefings then add its history.
    public var hasHistory: Bool {
        periods.count > 1 || baseline != nil
    }

    /// True when written in the one-period form: one period without a name or dates.
    public var isSinglePeriodForm: Bool {
        periods.count == 1 && periods[0].label == nil && periods[0].start == nil && periods[0].end == nil
    }

    public var target: Int {
        get { current.target }
        set { current.target = newValue }
    }

    /// The published total of the current period, territories included. `nil` when the report
    /// gives none; then the number of listed entries stands in for it.
    public var result: Int? {
        get { current.result }
        set { current.result = newValue }
    }

    /// Entries of the current period per region name. Regions without entries are absent.
    public var countries: [String: [CountryEntry]] {
        get { current.countries }
        set { current.countries = newValue }
    }

    /// Entries listed for one region in the current period, in file order.
    public func entries(in region: String) -> [CountryEntry] { current.entries(in: region) }

    /// Number of entries listed over all regions in the current period.
    public var listedCount: Int { current.listedCount }

    public var territoryCount: Int { current.territoryCount }

    /// The figure charts and tables show: the published result, or the listed count without one.
    public var achieved: Int { current.achieved }

    /// Achieved as a share of the target (1.0 = met), or `nil` when the target is 0.
    public var shareOfTarget: Double? { current.shareOfTarget }

    public var meetsTarget: Bool { current.meetsTarget }

    /// An English plural noun phrase made singular: "countries" → "country", "member States" → "member State".
    public static func englishSingular(_ pluralUnit: String) -> String {
        if pluralUnit.hasSuffix("ies") { return pluralUnit.dropLast(3) + "y" }
        if pluralUnit.hasSuffix("s") { return String(pluralUnit.dropLast()) }
        return pluralUnit
    }
}
