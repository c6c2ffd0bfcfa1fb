import FolioModel
import Foundation

/// What changed in one source's figures since its last successful build: indicators whose target,
/// result or countries changed, and indicators added or removed. Compared by outcome id and
/// indicator id, so reordering the file changes nothing.
public struct DataChanges: Codable, Sendable, Equatable {
    public var source: String
    /// The path as written in folio.yaml.
    public var path: String
    /// No snapshot from an earlier build: everything is new.
    public var firstBuild: Bool
    public var previousFingerprint: String?
    public var fingerprint: String
    /// Indicators in the current data.
    public var indicatorCount: Int
    public var changed: [IndicatorChange]
    public var added: [Figures]
    public var removed: [Figures]

    public typealias Figures = DataSnapshot.IndicatorFigures

    public struct IndicatorChange: Codable, Sendable, Equatable {
        public var outcome: String
        public var id: String
        public var period: String?
        public var description: String
        public var target: NumberChange?
        public var result: NumberChange?
        public var countriesAdded: [CountryInRegion]
        public var countriesRemoved: [CountryInRegion]
    }

    /// Old and new value; nil stands for "no result given".
    public struct NumberChange: Codable, Sendable, Equatable {
        public var old: Int?
        public var new: Int?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            // null rather than absent: "no result" is a value readers should see.
            try container.encode(old, forKey: .old)
            try container.encode(new, forKey: .new)
        }
    }

    public struct CountryInRegion: Codable, Sendable, Equatable {
        public var region: String
        public var country: String
    }

    /// Whether any figure changed (the data may change elsewhere, in narrative text, without that).
    public var hasFigureChanges: Bool { !changed.isEmpty || !added.isEmpty || !removed.isEmpty }

    public init(source: String, path: String, previous: DataSnapshot?, current: DataSnapshot) {
        self.source = source
        self.path = path
        firstBuild = previous == nil
        previousFingerprint = previous?.fingerprint
        fingerprint = current.fingerprint
        indicatorCount = current.indicators.count
        changed = []
        added = []
        removed = []
        guard let previous else { return }
        let old = Dictionary(previous.indicators.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(current.indicators.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for indicator in current.indicators {
            guard let before = old[indicator.key] else {
                added.append(indicator)
                continue
            }
            let pairs: (DataSnapshot.IndicatorFigures) -> Set<[String]> = { figures in
                Set(figures.countries.flatMap { region, names in names.map { [region, $0] } })
            }
            let was = pairs(before), now = pairs(indicator)
            let order: ([String], [String]) -> Bool = { ($0[0], $0[1]) < ($1[0], $1[1]) }
            let change = IndicatorChange(
                outcome: indicator.outcome, id: indicator.id, period: indicator.period, description: indicator.description,
                target: before.target == indicator.target ? nil : NumberChange(old: before.target, new: indicator.target),
                result: before.result == indicator.result ? nil : NumberChange(old: before.result, new: indicator.result),
                countriesAdded: now.subtracting(was).sorted(by: order).map { CountryInRegion(region: $0[0], country: $0[1]) },
                countriesRemoved: was.subtracting(now).sorted(by: order).map { CountryInRegion(region: $0[0], country: $0[1]) })
            if change.target != nil || change.result != nil || !change.countriesAdded.isEmpty || !change.countriesRemoved.isEmpty {
                changed.append(change)
            }
        }
        removed = previous.indicators.filter { new[$0.key] == nil }
    }
}
