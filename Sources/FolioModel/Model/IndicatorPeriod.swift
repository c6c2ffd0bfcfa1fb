/// One period an indicator was tracked over (a biennium, a year, a quarter): its target, its
/// published result and the countries that achieved it.
public struct IndicatorPeriod: Sendable, Equatable {
    /// As written ("2018–19"), or made from `start` and `end`; `nil` only in the one-period form,
    /// where the report's `period` names it.
    public var label: String?
    /// ISO dates (YYYY-MM-DD) when the data gives them.
    public var start: String?
    public var end: String?
    public var target: Int
    /// The published total, territories included. `nil` when the data gives none;
    /// then the number of listed entries stands in for it.
    public var result: Int?
    /// Entries per region name. Regions without entries are absent.
    public var countries: [String: [CountryEntry]]

    public init(label: String? = nil, start: String? = nil, end: String? = nil, target: Int, result: Int? = nil,
                countries: [String: [CountryEntry]] = [:]) {
        self.label = label
        self.start = start
        self.end = end
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

    /// Names of all entries, in region then file order.
    public func entryNames(regions: [String]) -> [String] {
        regions.flatMap { entries(in: $0).map(\.name) }
    }

    /// The first year the period covers: its start date's, else the first four-digit number of its label.
    public var startYear: Int? {
        if let start { return Int(start.prefix(4)) }
        guard let label else { return nil }
        var digits = ""
        for character in label {
            if character.isASCII, character.isNumber {
                digits.append(character)
                if digits.count == 4 { return Int(digits) }
            } else {
                digits = ""
            }
        }
        return nil
    }

    /// What periods are put in time order by: the start date, else the first year of the label
    /// ("2018–19" → "2018-01-01"); nil for names without a year ("Phase I").
    public var sortKey: String? {
        start ?? startYear.map { String($0) + "-01-01" }
    }

    /// The label a period made only of dates gets: "2018" for a calendar year, "2018–19" for
    /// calendar years running on, else "2018-04-01 – 2019-03-31". The same in every language.
    public static func label(start: String, end: String) -> String {
        let startParts = start.split(separator: "-"), endParts = end.split(separator: "-")
        if startParts.count == 3, endParts.count == 3, startParts[1] == "01", startParts[2] == "01",
           endParts[1] == "12", endParts[2] == "31", let first = Int(startParts[0]), let last = Int(endParts[0]) {
            if first == last { return String(first) }
            if last > first {
                return first / 100 == last / 100 ? "\(first)–\(last % 100 < 10 ? "0" : "")\(last % 100)" : "\(first)–\(last)"
            }
        }
        return "\(start) – \(end)"
    }
}

/// Where an indicator stood before its first period.
public struct Baseline: Sendable, Equatable {
    public var year: Int
    public var value: Int
    public init(year: Int, value: Int) {
        self.year = year
        self.value = value
    }
}
