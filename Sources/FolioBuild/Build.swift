import FolioLayout
import FolioModel
import FolioRender
import Foundation

/// One run over a project: work out which targets are out of date, render those (in parallel),
/// write every output atomically, record what was made, and say what changed in the data.
///
/// - A source that fails validation fails only its own targets: their previous outputs stay
///   byte-identical, the others build.
/// - Nothing expensive happens for fresh targets: no data file is read, no report parsed, no
///   renderer (fontconfig) set up.
/// - `run` blocks its thread and is safe to call from any thread, including a background task of
///   the service; two runs on the same project exclude each other through a lock file.
public struct Build: Sendable {
    public var project: Project
    public var options: BuildOptions

    public init(project: Project, options: BuildOptions = BuildOptions()) {
        self.project = project
        self.options = options
    }

    /// Runs the build. Target failures are in the summary (and its `exitCode`); only a build that
    /// cannot start (state folder unwritable, another build running) throws `BuildError`.
    /// - Parameter events: called for progress, one event at a time, from any thread.
    public func run(events: @escaping @Sendable (BuildEvent) -> Void = { _ in }) throws -> BuildSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        let location = BuildState.Location(folder: project.url(project.stateFolder), shard: options.shard)
        do {
            try FileManager.default.createDirectory(at: location.folder, withIntermediateDirectories: true)
        } catch {
            throw BuildError.cannotCreate(path: location.folder.path, reason: error.localizedDescription)
        }
        // Shards of one regeneration may run together (each holds the whole-build lock shared and
        // its own exclusively); a whole build excludes them all, as they write the same state folder.
        let whole = try BuildLock(BuildState.Location(folder: location.folder, shard: nil).lockFile, shared: options.shard != nil)
        let own = options.shard == nil ? nil : try BuildLock(location.lockFile)
        defer { withExtendedLifetime((whole, own)) {} }
        let run = BuildRun(project: project, options: options, location: location, events: events)
        var summary = run.execute()
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return summary
    }

    /// The targets a shard builds (all of them without one), in build-file order.
    public func selectedTargets() -> [Project.Target] {
        var targets = project.targets
        if options.changesPage {
            for index in targets.indices where targets[index].kind == .briefing { targets[index].changesPage = true }
        }
        guard let shard = options.shard else { return targets }
        let chosen = shard.select(targets.map(\.id))
        return targets.filter { chosen.contains($0.id) }
    }
}

/// A source read and validated for this build.
struct LoadedSource {
    var report: Report
    /// The `DataFingerprint` of the bytes read, as `folio render` computes it.
    var fingerprint: String
    var date: Date
}

extension Build {
    /// `run` for async callers (the service's rebuild endpoint and schedules): the build gets a
    /// thread of its own, so its blocking renders never hold one of Swift concurrency's few
    /// cooperative threads. Several projects may build at once; one project's builds exclude each
    /// other (`BuildError.busy`).
    public func runDetached(events: @escaping @Sendable (BuildEvent) -> Void = { _ in }) async throws -> BuildSummary {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try self.run(events: events) })
            }
            thread.name = "folio-build"
            thread.start()
        }
    }
}
