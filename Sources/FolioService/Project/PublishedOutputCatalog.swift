import FolioBuild
import FolioModel
import Foundation
import NIOPosix
import FolioConcurrency

/// The project's published outputs for the routes and the metrics, without re-reading folio.yaml
/// and the build state for every request, and without reading and hashing an output whose stamp
/// (size, modification time, inode) has not changed since it was last hashed.
///
/// Every method that touches the disk is `async` and runs on NIO's blocking-I/O thread pool,
/// never on Swift's cooperative executor, whose few threads serve every request.
///
/// What is kept: the project and the candidate list, while the stamps of folio.yaml and the
/// state files stay the same (a build, or an edit of folio.yaml, changes them); and one SHA-256
/// per output path with the stamp it was computed at.
final class PublishedOutputCatalog: Sendable {
    let directory: URL
    private let threadPool: NIOThreadPool

    private struct Listing: Sendable {
        var stamps: [String: FileStamp]
        var project: Project
        var candidates: [PublishedCandidate]
    }

    private let listing = Guarded<Listing?>(nil)
    private let hashes = Guarded<[String: (stamp: FileStamp, sha256: String)]>([:])
    /// How often folio.yaml and the state were read, and outputs hashed (for tests).
    private let counters = Guarded<(listings: Int, hashed: Int)>((0, 0))

    init(directory: URL, threadPool: NIOThreadPool = .singleton) {
        self.directory = directory.standardizedFileURL
        self.threadPool = threadPool
    }

    /// Project listings read and output files hashed so far.
    var readCounts: (listings: Int, hashed: Int) { counters.withLock { $0 } }

    // MARK: - Off the executor

    /// The outputs as they are on disk now; `hashing` false leaves a changed file's recorded hash.
    func outputs(hashing: Bool = true) async throws -> [PublishedOutput] {
        try await threadPool.runIfActive { self.currentOutputs(hashing: hashing) }
    }

    /// The output at `path` with its bytes read now and the hash of those bytes, or nil when no
    /// published output has that path (or it was removed a moment ago).
    func read(path: String) async throws -> (output: PublishedOutput, bytes: [UInt8])? {
        try await threadPool.runIfActive { self.readNow(path: path) }
    }

    /// The output at `path` without reading it, when its current stamp is one already hashed (so
    /// an `If-None-Match` can be answered without reading the file), else nil.
    func knownOutput(path: String) async throws -> PublishedOutput? {
        try await threadPool.runIfActive {
            guard let (candidate, output) = self.located(path), let stamp = FileStamp.of(candidate.file.path),
                  let sha = self.cachedHash(candidate.file, stamp) else { return nil }
            var known = output
            known.sha256 = sha
            return known
        }
    }

    // MARK: - Blocking work (thread pool only)

    private var root: String { directory.resolvingSymlinksInPath().path }

    /// The candidates, from the kept listing while folio.yaml and the state files are unchanged.
    private func candidates() -> [PublishedCandidate] {
        if let kept = listing.withLock({ $0 }), kept.project.publicationStamps() == kept.stamps {
            return kept.candidates
        }
        guard let project = try? Project.load(directory: directory) else {
            listing.withLock { $0 = nil }
            return []
        }
        // Stamps first: a build that finishes while the list is read changes them, and the next
        // request reads again.
        let stamps = project.publicationStamps()
        let fresh = Listing(stamps: stamps, project: project, candidates: project.publishedCandidates())
        listing.withLock { $0 = fresh }
        counters.withLock { $0.listings += 1 }
        return fresh.candidates
    }

    private func currentOutputs(hashing: Bool) -> [PublishedOutput] {
        let root = self.root
        return candidates().compactMap { candidate in
            candidate.current(projectRoot: root) { file, stamp in
                if let cached = cachedHash(file, stamp) { return cached }
                guard hashing, let data = FileManager.default.contents(atPath: file.path) else { return nil }
                return remember(file, stamp, bytes: Array(data))
            }
        }
    }

    /// The candidate at `path` and its output as on disk now (inside the project, a regular file).
    private func located(_ path: String) -> (PublishedCandidate, PublishedOutput)? {
        guard let candidate = candidates().first(where: { $0.path == path }),
              let output = candidate.current(projectRoot: root, hash: { _, _ in nil }) else { return nil }
        return (candidate, output)
    }

    /// Reads the output; its `sha256` is the hash of the bytes read (the state is not trusted for
    /// that), taken from the cache when the file's stamp before and after the read is one hashed before.
    private func readNow(path: String) -> (output: PublishedOutput, bytes: [UInt8])? {
        guard let (candidate, output) = located(path) else { return nil }
        let file = candidate.file
        let before = FileStamp.of(file.path)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let bytes = Array(data)
        let after = FileStamp.of(file.path)
        var served = output
        if let after, before == after {
            served.sha256 = cachedHash(file, after) ?? remember(file, after, bytes: bytes)
            served.bytes = after.size
            served.modified = Date(timeIntervalSince1970: TimeInterval(after.modified) / 1e9)
        } else {
            served.sha256 = remember(file, nil, bytes: bytes)
            served.bytes = Int64(bytes.count)
        }
        return (served, bytes)
    }

    private func cachedHash(_ file: URL, _ stamp: FileStamp) -> String? {
        hashes.withLock { $0[file.path].flatMap { $0.stamp == stamp ? $0.sha256 : nil } }
    }

    private func remember(_ file: URL, _ stamp: FileStamp?, bytes: [UInt8]) -> String {
        let sha = SHA256.hex(bytes)
        counters.withLock { $0.hashed += 1 }
        if let stamp { hashes.withLock { $0[file.path] = (stamp, sha) } }
        return sha
    }
}
