import FolioLanguage
import FolioFiles
import FolioModel
import FolioRender
import Foundation

/// The figures of a source at its last successful build: per indicator (and per period of an
/// indicator tracked over time) its target, result and countries by region. Kept in the state folder so the next build can say what changed.
public struct DataSnapshot: Codable, Sendable, Equatable {
    /// SHA-256 of the data the snapshot was taken from.
    public var fingerprint: String
    public var indicators: [IndicatorFigures]

    public struct IndicatorFigures: Codable, Sendable, Equatable {
        public var outcome: String
        public var id: String
        /// The period's name for an indicator tracked over time; nil in the one-period form.
        public var period: String?
        public var description: String
        public var target: Int
        /// nil when the report gives no result (the listed count stands in for it).
        public var result: Int?
        /// Region → country names, each list sorted.
        public var countries: [String: [String]]

        /// Outcome and indicator ids together identify an indicator across versions of the data.
        var key: String { outcome + "\u{0}" + id + "\u{0}" + (period ?? "") }
    }

    public init(report: Report, fingerprint: String) {
        self.fingerprint = fingerprint
        indicators = report.outcomes.flatMap { outcome in
            outcome.indicators.flatMap { indicator in
                indicator.periods.map { period in
                    IndicatorFigures(outcome: outcome.id, id: indicator.id, period: indicator.isSinglePeriodForm ? nil : period.label,
                                     description: indicator.description, target: period.target, result: period.result,
                                     countries: period.countries.mapValues { $0.map(\.name).sorted() })
                }
            }
        }
    }

    static func url(for source: String, in folder: URL) -> URL {
        folder.appendingPathComponent(source + ".figures.json")
    }

    /// The snapshot saved for `source`, or nil when there is none (first build) or it is unreadable.
    static func read(source: String, folder: URL) -> DataSnapshot? {
        guard let data = FileManager.default.contents(atPath: url(for: source, in: folder).path) else { return nil }
        return try? JSONDecoder().decode(DataSnapshot.self, from: data)
    }

    func write(source: String, folder: URL) throws {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(self)), to: Self.url(for: source, in: folder))
    }
}

extension DataChanges {
    /// The changes recorded with a source's snapshot: what its changes page shows until the data changes again.
    static func readLast(source: String, folder: URL) -> DataChanges? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(source + ".changes.json").path) else {
            return nil
        }
        return try? JSONDecoder().decode(DataChanges.self, from: data)
    }

    func writeLast(folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(self)), to: folder.appendingPathComponent(source + ".changes.json"))
    }

    /// The changes as sentences for the briefing's changes page, in the edition's language.
    func pageLines(_ edition: Edition) -> [String] {
        if firstBuild { return [edition.count("changes.first_version", indicatorCount)] }
        func number(_ value: Int?) -> String { value.map(edition.number) ?? edition.text("no_share") }
        func countries(_ list: [DataChanges.CountryInRegion]) -> String {
            var groups: [(String, [String])] = []
            for item in list {
                if groups.last?.0 == item.region { groups[groups.count - 1].1.append(item.country) } else { groups.append((item.region, [item.country])) }
            }
            return groups.map { $0.1.joined(separator: edition.text("separator.list")) + " (\($0.0))" }
                .joined(separator: edition.text("changes.separator"))
        }
        func id(_ id: String, _ period: String?) -> String {
            period.map { edition.text("changes.indicator_period", ["id": id, "period": $0]) } ?? id
        }
        var lines: [String] = []
        for change in changed {
            var parts: [String] = []
            if let target = change.target { parts.append(edition.text("changes.target", ["old": number(target.old), "new": number(target.new)])) }
            if let result = change.result { parts.append(edition.text("changes.result", ["old": number(result.old), "new": number(result.new)])) }
            if !change.countriesAdded.isEmpty { parts.append(edition.text("changes.added", ["countries": countries(change.countriesAdded)])) }
            if !change.countriesRemoved.isEmpty { parts.append(edition.text("changes.removed", ["countries": countries(change.countriesRemoved)])) }
            lines.append(edition.text("changes.indicator", ["id": id(change.id, change.period), "outcome": change.outcome,
                                                             "changes": parts.joined(separator: edition.text("changes.separator"))]))
        }
        for figures in added {
            lines.append(edition.text("changes.new_indicator", ["id": id(figures.id, figures.period), "outcome": figures.outcome,
                                                                 "target": edition.number(figures.target), "result": number(figures.result)]))
        }
        for figures in removed {
            lines.append(edition.text("changes.removed_indicator", ["id": id(figures.id, figures.period), "outcome": figures.outcome]))
        }
        return lines
    }
}
