import FolioModel
import FolioRender
import Foundation

/// The figures of a source at its last successful build: per indicator its target, result and
/// countries by region. Kept in the state folder so the next build can say what changed.
public struct DataSnapshot: Codable, Sendable, Equatable {
    /// SHA-256 of the data the snapshot was taken from.
    public var fingerprint: String
    public var indicators: [IndicatorFigures]

    public struct IndicatorFigures: Codable, Sendable, Equatable {
        public var outcome: String
        public var id: String
        public var description: String
        public var target: Int
        /// nil when the report gives no result (the listed count stands in for it).
        public var result: Int?
        /// Region → country names, each list sorted.
        public var countries: [String: [String]]

        /// Outcome and indicator ids together identify an indicator across versions of the data.
        var key: String { outcome + "\u{0}" + id }
    }

    public init(report: Report, fingerprint: String) {
        self.fingerprint = fingerprint
        indicators = report.outcomes.flatMap { outcome in
            outcome.indicators.map { indicator in
                IndicatorFigures(outcome: outcome.id, id: indicator.id, description: indicator.description,
                                 target: indicator.target, result: indicator.result,
                                 countries: indicator.countries.mapValues { $0.map(\.name).sorted() })
            }
        }
    }

    static func url(for source: String, in folder: URL) -> URL {
        folder.appendingPathComponent(source + ".json")
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
