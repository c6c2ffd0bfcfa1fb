/// A measurable indicator of an outcome: a target, a published result and who achieved it.
public struct Indicator: Sendable, Equatable {
    public static let defaultUnit = "member States"

    /// Kept as written: "4.10" stays "4.10".
    public var id: String
    public var description: String
    /// Plural noun phrase the numbers count, e.g. "member States".
    public var unit: String
    public var target: Int
    /// The published total, territories included. `nil` when the report gives none;
    /// then the number of listed entries stands in for it.
    public var result: Int?
    /// Entries per region name. Regions without entries are absent.
    public var countries: [String: [CountryEntry]]

    public init(id: String, description: String, unit: String = Indicator.defaultUnit, target: Int,
                result: Int? = nil, countries: [String: [CountryEntry]] = [:]) {
        self.id = id
        self.description = description
        self.unit = unit
        self.target = target
        self.result = result
        self.countries = countries
    }

    /// Entries listed for one region, in file order.
    public func entries(in region: String) -> [CountryEntry] {
        countries[region] ?? []
    }

    /// Number of entries listed over all regions.
    public var listedCount: Int {
        countries.values.reduce(0) { $0 + $1.count }
    }

    public var territoryCount: Int {
        countries.values.reduce(0) { $0 + $1.filter(\.isTerritory).count }
    }

    /// The figure charts and tables show: the published result, or the listed count without one.
    public var achieved: Int {
        result ?? listedCount
    }

    /// Achieved as a share of the target (1.0 = met), or `nil` when the target is 0.
    public var shareOfTarget: Double? {
        target > 0 ? Double(achieved) / Double(target) : nil
    }

    public var meetsTarget: Bool {
        achieved >= target
    }

    /// An English plural noun phrase made singular: "countries" → "country", "member States" → "member State".
    public static func englishSingular(_ pluralUnit: String) -> String {
        if pluralUnit.hasSuffix("ies") { return pluralUnit.dropLast(3) + "y" }
        if pluralUnit.hasSuffix("s") { return String(pluralUnit.dropLast()) }
        return pluralUnit
    }
}
