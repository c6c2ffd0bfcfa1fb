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

/// A file the last builds recorded and a current target writes, before looking at the file itself.
public struct PublishedCandidate: Sendable, Equatable {
    /// Relative to the project folder.
    public var path: String
    public var target: String
    /// The file's absolute location.
    public var file: URL
    /// What the build recorded (nil for the change summaries, which the state does not hash).
    public var recorded: HashedFile?
}

extension Project {
    /// The files whose content decides what is published: folio.yaml and the build state files
    /// (shards included), by absolute path, with their stamps. While these stamps stay the same,
    /// `publishedCandidates()` gives the same list, so a server can keep it instead of reading
    /// folio.yaml and the state again for every request.
    public func publicationStamps() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let configuration = directory.appendingPathComponent(Project.fileName).path
        stamps[configuration] = FileStamp.of(configuration)
        let folder = url(stateFolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".folio-state") && name.hasSuffix(".json") {
            let path = folder.appendingPathComponent(name).path
            stamps[path] = FileStamp.of(path)
        }
        return stamps
    }

    /// The outputs recorded by the last builds (shards included) and the change summaries
    /// (`changes.md`, `changes.json`), sorted by path, as candidates: whether each exists now, and
    /// its hash, is `PublishedCandidate.current`'s to say.
    ///
    /// A path is listed only when the state file records it, `isOutput` says a current target of
    /// folio.yaml writes there, and (checked by `current`) the file, symbolic links resolved, lies
    /// inside the project: the state file is not trusted (an edited one could list
    /// `../../etc/passwd`), so a server publishing these can never be made to read anything else.
    public func publishedCandidates() -> [PublishedCandidate] {
        let state = BuildState.read(BuildState.Location(folder: url(stateFolder), shard: nil)).state
        let targetIDs = Set(targets.map(\.id))
        var candidates: [PublishedCandidate] = []
        for (id, record) in state.targets where targetIDs.contains(id) {
            for (path, recorded) in record.outputs where isOutput(path) && (path == id || path.hasPrefix(id + "/")) {
                candidates.append(PublishedCandidate(path: path, target: id, file: url(path), recorded: recorded))
            }
        }
        // The change summaries of the last build, for the person checking an update before sending it.
        for name in BuildState.reservedNames {
            let path = stateFolder.isEmpty || stateFolder == "." ? name : stateFolder + "/" + name
            candidates.append(PublishedCandidate(path: path, target: "changes", file: url(path), recorded: nil))
        }
        return candidates.sorted { $0.path < $1.path }
    }

    /// The published outputs as they are on disk now (see `publishedCandidates`).
    /// - Parameter hashing: false skips hashing files whose stamp differs from the record (their
    ///   `sha256` is then the recorded one, or empty): for callers that need only paths and times.
    public func publishedOutputs(hashing: Bool = true) -> [PublishedOutput] {
        let root = directory.resolvingSymlinksInPath().path
        return publishedCandidates().compactMap { candidate in
            candidate.current(projectRoot: root) { file, _ in
                hashing ? FileManager.default.contents(atPath: file.path).map { SHA256.hex(Array($0)) } : nil
            }
        }
    }
}

extension PublishedCandidate {
    /// The output as it is on disk now, or nil when it is gone, not a regular file, or (links
    /// resolved) outside `projectRoot` (a resolved absolute path).
    /// - Parameter hash: the SHA-256 of the file at the given stamp when it differs from the
    ///   recorded one; nil leaves the recorded hash (or none). A caller can answer from a cache
    ///   keyed by the stamp instead of reading the file.
    public func current(projectRoot: String, hash: (URL, FileStamp) -> String?) -> PublishedOutput? {
        guard file.resolvingSymlinksInPath().path.hasPrefix(projectRoot + "/"), let stamp = FileStamp.of(file.path) else {
            return nil
        }
        var sha = recorded?.sha256 ?? ""
        if recorded?.stamp != stamp, let fresh = hash(file, stamp) { sha = fresh }
        return PublishedOutput(path: path, target: target, sha256: sha, bytes: stamp.size,
                               modified: Date(timeIntervalSince1970: TimeInterval(stamp.modified) / 1e9))
    }
}
