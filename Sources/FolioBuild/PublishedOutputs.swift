import FolioModel
import Foundation

/// One file a build made and recorded: what the service's `GET /v1/outputs/...` may serve.
public struct PublishedOutput: Codable, Sendable, Equatable {
    /// Relative to the project folder, as in the state file (`Output/outcome4.pdf`).
    public var path: String
    /// The target that made it (its id).
    public var target: String
    /// SHA-256 of the file as it is on disk now: the service's strong ETag.
    public var sha256: String
    public var bytes: Int64
    /// When the file was last replaced (its modification time).
    public var modified: Date
}

extension Project {
    /// The outputs recorded by the last builds (shards included) that exist now, and the change
    /// summaries (`changes.md`, `changes.json`), sorted by path.
    ///
    /// A path is listed only when the state file records it, `isOutput` says a current target of
    /// folio.yaml writes there, and the file, symbolic links resolved, lies inside the project: the
    /// state file is not trusted (an edited one listed `../../etc/passwd`, found in review), so a
    /// server publishing these can never be made to read anything else. A file whose stamp no longer
    /// matches the record (replaced since, e.g. by a build still writing its state) is hashed afresh,
    /// so its ETag always describes the bytes served.
    /// - Parameter hashing: false skips re-hashing files whose stamp changed (their `sha256` is then
    ///   the recorded one): for callers that need only paths and times, such as metrics scrapes.
    public func publishedOutputs(hashing: Bool = true) -> [PublishedOutput] {
        let state = BuildState.read(BuildState.Location(folder: url(stateFolder), shard: nil)).state
        let root = directory.resolvingSymlinksInPath().path
        let targetIDs = Set(targets.map(\.id))
        func inside(_ file: URL) -> Bool { file.resolvingSymlinksInPath().path.hasPrefix(root + "/") }
        var outputs: [PublishedOutput] = []
        for (id, record) in state.targets where targetIDs.contains(id) {
            for (path, recorded) in record.outputs where isOutput(path) && (path == id || path.hasPrefix(id + "/")) {
                let file = url(path)
                guard inside(file), let stamp = FileStamp.of(file.path) else { continue }
                var sha = recorded.sha256
                if hashing && stamp != recorded.stamp {
                    guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                    sha = SHA256.hex(Array(data))
                }
                outputs.append(PublishedOutput(path: path, target: id, sha256: sha, bytes: stamp.size,
                                               modified: Date(timeIntervalSince1970: TimeInterval(stamp.modified) / 1e9)))
            }
        }
        // The change summaries of the last build, for the person checking an update before sending it.
        for name in BuildState.reservedNames {
            let path = stateFolder.isEmpty || stateFolder == "." ? name : stateFolder + "/" + name
            let file = url(path)
            guard inside(file), let stamp = FileStamp.of(file.path) else { continue }
            let sha = hashing ? FileManager.default.contents(atPath: file.path).map { SHA256.hex(Array($0)) } ?? "" : ""
            outputs.append(PublishedOutput(path: path, target: "changes", sha256: sha, bytes: stamp.size,
                                           modified: Date(timeIntervalSince1970: TimeInterval(stamp.modified) / 1e9)))
        }
        return outputs.sorted { $0.path < $1.path }
    }
}
