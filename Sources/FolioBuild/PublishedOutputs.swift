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
    /// Only recorded outputs are listed, so a server publishing them can never be made to read any
    /// other file. A file whose stamp no longer matches the record (replaced since, e.g. by a build
    /// still writing its state) is hashed afresh, so its ETag always describes the bytes served.
    public func publishedOutputs() -> [PublishedOutput] {
        let state = BuildState.read(BuildState.Location(folder: url(stateFolder), shard: nil)).state
        var outputs: [PublishedOutput] = []
        for (id, record) in state.targets {
            for (path, recorded) in record.outputs {
                let file = url(path)
                guard let stamp = FileStamp.of(file.path) else { continue }
                var sha = recorded.sha256
                if stamp != recorded.stamp {
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
            guard let stamp = FileStamp.of(file.path), let data = FileManager.default.contents(atPath: file.path) else { continue }
            outputs.append(PublishedOutput(path: path, target: "changes", sha256: SHA256.hex(Array(data)), bytes: stamp.size,
                                           modified: Date(timeIntervalSince1970: TimeInterval(stamp.modified) / 1e9)))
        }
        return outputs.sorted { $0.path < $1.path }
    }
}
