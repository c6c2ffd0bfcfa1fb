import FolioModel

/// Which countries an indicator gained and lost between two periods: what a reader asks first
/// when comparing a period with the one before ("who is new, who dropped out?").
///
/// Names are compared as the edition spells them, over all regions, and keep the report's region
/// then file order, so the sentences list them as the results table does.
public struct CountryChanges: Sendable, Equatable {
    /// Listed in the later period, not in the earlier one.
    public var added: [String]
    /// Listed in the earlier period, not in the later one.
    public var removed: [String]

    public init(from earlier: IndicatorPeriod, to later: IndicatorPeriod, regions: [String]) {
        let before = earlier.entryNames(regions: regions), after = later.entryNames(regions: regions)
        let beforeSet = Set(before), afterSet = Set(after)
        added = Self.unique(after.filter { !beforeSet.contains($0) })
        removed = Self.unique(before.filter { !afterSet.contains($0) })
    }

    /// The changes from the indicator's previous period to its current one; nil without a previous period.
    public init?(_ indicator: Indicator, regions: [String]) {
        guard let previous = indicator.previous else { return nil }
        self.init(from: previous, to: indicator.current, regions: regions)
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty }

    /// A name listed in two regions is one country that came or went once.
    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
