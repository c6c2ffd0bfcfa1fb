import FolioFiles
import FolioModel
import FolioRender
import Foundation

/// What the last builds made: `<state folder>/.folio-state.json`.
///
/// A target is fresh when the hash of its inputs equals the one recorded here and every output it
/// wrote still has the stamp it had then. The file is rewritten atomically after each finished
/// target, so a killed build loses at most the record of the targets in flight (they are rebuilt).
struct BuildState: Codable, Sendable {
    static let formatVersion = 1
    /// Names in the state folder that targets may not write.
    static let reservedNames = ["changes.md", "changes.json"]

    var format = BuildState.formatVersion
    /// Content hashes by absolute path (sources, style sheets, fonts).
    var files: [String: HashedFile] = [:]
    /// By target id (its output path).
    var targets: [String: TargetRecord] = [:]
    /// The chain of style-sheet files a style name or path resolved to, by the name or absolute path.
    var styles: [String: [String]] = [:]
    /// By source: the data (inputs hash of the source) a changes page was last made for, and the
    /// fingerprint of the earlier data its changes are counted from ("first" for a first build).
    var changesSince: [String: ChangesBase] = [:]

    struct ChangesBase: Codable, Sendable, Equatable {
        var data: String
        var since: String
    }

    struct TargetRecord: Codable, Sendable, Equatable {
        var inputs: String
        /// By path relative to the project folder.
        var outputs: [String: HashedFile]
    }

    /// Where the state of a build (or of one shard of it) lives.
    struct Location {
        var folder: URL
        var shard: Shard?

        var file: URL { folder.appendingPathComponent(".folio-state" + suffix + ".json") }
        var lockFile: URL { folder.appendingPathComponent(".folio-state" + suffix + ".lock") }
        var snapshots: URL { folder.appendingPathComponent(".folio-snapshots" + suffix, isDirectory: true) }
        var changesMarkdown: URL { folder.appendingPathComponent("changes" + suffix + ".md") }
        var changesJSON: URL { folder.appendingPathComponent("changes" + suffix + ".json") }
        private var suffix: String { shard.map { ".\($0.index)-of-\($0.count)" } ?? "" }
    }

    /// The state of a location; an unsharded build also takes in what shards recorded, so a
    /// regeneration spread over machines is followed by cheap whole builds, and a shard starts
    /// from the unsharded state under its own. Missing or unreadable state is an empty one
    /// (everything is rebuilt), never an error.
    /// - Returns: the state, and the shard state files merged into it, which the unsharded build
    ///   deletes once its own state holds their records (a stale shard file must not keep
    ///   overriding newer records).
    static func read(_ location: Location) -> (state: BuildState, absorbed: [URL]) {
        var absorbed: [URL] = []
        var state = decode(location.file) ?? BuildState()
        if location.shard != nil {
            var whole = decode(Location(folder: location.folder, shard: nil).file) ?? BuildState()
            whole.merge(state)
            return (whole, [])
        }
        let prefix = ".folio-state."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: location.folder.path)) ?? []
        for name in names.sorted() where name.hasPrefix(prefix) && name.hasSuffix(".json") && name.contains("-of-") {
            let url = location.folder.appendingPathComponent(name)
            absorbed.append(url)
            guard let shardState = decode(url) else { continue }
            state.merge(shardState)
        }
        return (state, absorbed)
    }

    /// Takes in `other`'s records over these. Entries check themselves (a target's outputs must
    /// still have their stamps), so a newer-looking but stale record costs a rebuild, never a wrong output.
    mutating func merge(_ other: BuildState) {
        files.merge(other.files) { $1 }
        targets.merge(other.targets) { $1 }
        styles.merge(other.styles) { $1 }
        changesSince.merge(other.changesSince) { $1 }
    }

    private static func decode(_ url: URL) -> BuildState? {
        guard let data = FileManager.default.contents(atPath: url.path),
              let state = try? JSONDecoder().decode(BuildState.self, from: data), state.format == formatVersion else { return nil }
        return state
    }

    func write(to location: Location) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(self)) + [10], to: location.file)
    }
}
