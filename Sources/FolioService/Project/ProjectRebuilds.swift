import FolioBuild
import Foundation
import Logging
import ServiceLifecycle
import FolioConcurrency

/// `folio serve --project DIR`: keeps a project's outputs current — one build at start, then on the
/// schedule (`--every`, `--cron`) and on `POST /v1/rebuild` — and says what the last build did.
///
/// Builds run one at a time on a serial queue of their own, never on Swift's cooperative threads
/// or the event loops: a build blocks its thread for as long as rendering takes. A rebuild request
/// queues behind a running build rather than joining it, so its answer always reflects data as it
/// was when the request arrived. The build itself writes every output atomically and keeps the
/// previous outputs of a source that fails validation (see `Build`).
public final class ProjectRebuilds: Service, Sendable {
    public let directory: URL
    public let schedule: RebuildSchedule?
    let metrics: ServiceMetrics
    let logger: Logger
    let jobs: Int
    /// The published outputs, kept between requests (see `PublishedOutputCatalog`).
    let catalog: PublishedOutputCatalog
    private let queue = DispatchQueue(label: "folio.rebuild")
    private let results = Guarded<(last: RebuildResult?, lastSuccess: Date?)>((nil, nil))

    public init(directory: URL, schedule: RebuildSchedule?, metrics: ServiceMetrics, logger: Logger,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.directory = directory.standardizedFileURL
        self.schedule = schedule
        self.metrics = metrics
        self.logger = logger
        self.jobs = max(1, jobs)
        catalog = PublishedOutputCatalog(directory: directory)
    }

    /// What one build did, as `POST /v1/rebuild` answers it and `GET /v1/outputs` shows it.
    public struct RebuildResult: Codable, Sendable {
        /// `start`, `schedule` or `request`.
        public var reason: String
        public var started: Date
        public var seconds: Double
        /// True when every target is built or fresh.
        public var ok: Bool
        /// 0, or the sysexits code `folio build` would exit with (65: invalid data).
        public var exitCode: Int32
        public var built: [String]
        public var fresh: Int
        public var failed: [TargetFailure]
        public var changedOutputs: [String]
        /// Indicators whose target, result or countries changed, or that were added or removed, since
        /// the last successful build (0 on a source's first build).
        public var changedIndicators: Int
        /// The build could not run at all: unreadable folio.yaml, state folder not writable.
        public var error: String?
    }

    public var last: RebuildResult? {
        results.withLock { $0.last }
    }

    // MARK: Service

    /// Builds once, then on the schedule, until graceful shutdown; a build under way then finishes
    /// (its outputs are whole either way) before `run` returns.
    public func run() async throws {
        _ = await rebuild(reason: "start")
        guard let schedule else {
            try? await gracefulShutdown()
            return
        }
        logger.info("rebuilds scheduled", metadata: ["schedule": "\(schedule)", "project": "\(directory.path)"])
        while !Task.isShuttingDownGracefully {
            guard let next = schedule.next(after: Date()) else {
                logger.warning("the schedule never fires again", metadata: ["schedule": "\(schedule)"])
                try? await gracefulShutdown()
                return
            }
            let wait = max(0, next.timeIntervalSinceNow)
            do {
                try await cancelWhenGracefulShutdown {
                    try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                }
            } catch {
                return  // shutting down (or cancelled)
            }
            _ = await rebuild(reason: "schedule")
        }
    }

    /// Runs a build after any build already running; returns what it did.
    public func rebuild(reason: String) async -> RebuildResult {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.buildNow(reason: reason)) }
        }
    }

    private func buildNow(reason: String) -> RebuildResult {
        let started = Date()
        let clock = ContinuousClock.now
        var result = RebuildResult(reason: reason, started: started, seconds: 0, ok: false, exitCode: 0, built: [], fresh: 0,
                                   failed: [], changedOutputs: [], changedIndicators: 0, error: nil)
        do {
            let project = try Project.load(directory: directory)
            let summary = try Build(project: project, options: BuildOptions(jobs: jobs)).run()
            result.ok = summary.failed.isEmpty
            result.exitCode = summary.exitCode
            result.built = summary.built.map(\.id)
            result.fresh = summary.fresh.count
            result.failed = summary.failed
            result.changedOutputs = summary.changedOutputs
            result.changedIndicators = summary.changes.reduce(0) { $0 + ($1.firstBuild ? 0 : $1.changed.count + $1.added.count + $1.removed.count) }
        } catch {
            result.exitCode = 70
            result.error = "\(error)"
        }
        let elapsed = ContinuousClock.now - clock
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.recordBuild(ok: result.ok, failedTargets: result.failed.count, duration: elapsed)
        var metadata: Logger.Metadata = ["reason": "\(reason)", "built": "\(result.built.count)", "fresh": "\(result.fresh)",
                                         "failed": "\(result.failed.count)", "seconds": "\(String(format: "%.3f", result.seconds))"]
        if let error = result.error { metadata["error"] = "\(error)" }
        for failure in result.failed {
            metadata["failure." + failure.id] = "\(failure.messages.prefix(3).joined(separator: " | "))"
        }
        if result.ok {
            logger.info("project built", metadata: metadata)
        } else {
            logger.error("project build failed", metadata: metadata)
        }
        results.withLock { results in
            results.last = result
            if result.ok { results.lastSuccess = started }
        }
        return result
    }

    /// Outputs the builds recorded, as they are on disk now (see `PublishedOutputCatalog`).
    public func outputs(hashing: Bool = true) async throws -> [PublishedOutput] {
        try await catalog.outputs(hashing: hashing)
    }

    /// Sets the per-output age gauges just before `/metrics` is read.
    func updateAgeMetrics(now: Date = Date()) async {
        // Paths and times only: a scrape never reads output files.
        for output in (try? await outputs(hashing: false)) ?? [] {
            metrics.outputAge(output.path).set(max(0, now.timeIntervalSince(output.modified)))
        }
        if let success = results.withLock({ $0.lastSuccess }) {
            metrics.lastSuccessfulBuild.set(success.timeIntervalSince1970)
        }
    }
}
