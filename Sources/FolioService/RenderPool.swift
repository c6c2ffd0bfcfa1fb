import Dispatch
import FolioRender
import Foundation
import Logging
import ServiceLifecycle

/// A fixed set of render threads, each owning its own `Renderer`, fed from one bounded queue.
///
/// Pango font maps must not be shared between threads (CAIRO-NOTES: crashes, deadlocks and wrong
/// pixels), so a `Renderer` never leaves the thread that made it. Rendering is CPU-bound and
/// blocking; it must not run on Swift's cooperative pool (two threads on a two-core machine) or on
/// the event loops, so requests hand their work over here and `await` a continuation.
///
/// - A request that finds the queue full fails at once (`Failure.saturated`): the route answers 503
///   with `Retry-After`, so load beyond capacity is shed instead of piling up.
/// - Each job has a deadline measured from submission. Past it the request is answered
///   (`Failure.timedOut`) and the job is dropped: still queued, it never runs; already running, the
///   thread finishes it and its result is discarded (a thread cannot be stopped safely mid-Cairo).
/// - As a `Service`, the pool stops its threads once graceful shutdown reaches it. The HTTP server
///   is shut down first (it comes later in the service list), so in-flight renders finish first.
public final class RenderPool: @unchecked Sendable, Service {
    public enum Failure: Error, Equatable {
        case saturated(retryAfter: Int)
        case timedOut
        case stopped
        /// No worker could make a `Renderer` (fonts missing).
        case unavailable(String)
    }

    public let workerCount: Int
    public let queueLimit: Int
    private let metrics: ServiceMetrics?
    private let logger: Logger
    private let makeRenderer: @Sendable () throws -> Renderer

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Job] = []
    private var running = 0
    private var readyWorkers = 0
    private var failedWorkers = 0
    private var workerError: String?
    private var stopping = false
    private var liveThreads = 0
    /// Moving average of job durations, for Retry-After.
    private var averageSeconds = 0.05

    public init(workers: Int, queueLimit: Int, metrics: ServiceMetrics? = nil, logger: Logger = Logger(label: "folio.pool"),
                makeRenderer: @escaping @Sendable () throws -> Renderer = { try Renderer() }) {
        workerCount = max(1, workers)
        self.queueLimit = max(0, queueLimit)
        self.metrics = metrics
        self.logger = logger
        self.makeRenderer = makeRenderer
        for index in 0..<workerCount {
            let thread = Thread { [self] in
                // Named from inside (for `top -H` and debuggers): on Linux a name set before start is lost.
                Thread.current.name = "folio-render-\(index)"
                work(index: index)
            }
            // Layout and painting recurse little, but Yams-loaded style and report trees may: be generous.
            thread.stackSize = 8 << 20
            liveThreads += 1
            thread.start()
        }
    }

    /// Whether every worker has its renderer and the pool is not stopping.
    public var isReady: Bool {
        condition.lock(); defer { condition.unlock() }
        return !stopping && readyWorkers == workerCount
    }

    public struct Snapshot: Sendable, Equatable {
        public var queued: Int
        public var running: Int
    }

    public var snapshot: Snapshot {
        condition.lock(); defer { condition.unlock() }
        return Snapshot(queued: queue.count, running: running)
    }

    /// Runs `work` on a render thread and returns its result, or throws `Failure` (saturated,
    /// timed out, stopped) or what `work` threw. `kind` labels the duration histogram.
    public func run<T: Sendable>(_ kind: String, timeout: Duration,
                                 _ work: @escaping @Sendable (Renderer) throws -> T) async throws -> T {
        let job = Job(kind: kind)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                job.install { result in continuation.resume(with: result.map { $0 as! T }) }
                if job.isFinished { return }  // cancelled before it was queued
                job.body = { renderer in try work(renderer) }
                let timer = DispatchWorkItem { [weak self, weak job] in
                    guard let job else { return }
                    self?.abandon(job, because: Failure.timedOut)
                }
                job.timer = timer
                // Everything the worker reads is set before `admit` takes the lock.
                if let failure = admit(job) {
                    job.finish(.failure(failure))
                    return
                }
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
            }
        } onCancel: {
            self.abandon(job, because: CancellationError())
        }
    }

    /// Queues the job, or says why not.
    private func admit(_ job: Job) -> Failure? {
        condition.lock(); defer { condition.unlock() }
        if stopping { return .stopped }
        if readyWorkers == 0, failedWorkers == workerCount { return .unavailable(workerError ?? "no render worker could start") }
        // A free worker takes the job at once; otherwise it waits, if there is room.
        let idle = readyWorkers - running - queue.count
        guard idle > 0 || queue.count < queueLimit else {
            let perWorker = Double(queue.count + running) / Double(workerCount)
            return .saturated(retryAfter: min(60, max(1, Int((perWorker * averageSeconds).rounded(.up)))))
        }
        queue.append(job)
        metrics?.queued.set(queue.count)
        condition.signal()
        return nil
    }

    /// Answers the job's request now with `error`; drops the job if it has not started.
    private func abandon(_ job: Job, because error: Error) {
        let isTimeout = (error as? Failure) == .timedOut
        // Counted before the request is answered, so a client that then reads /metrics sees it.
        guard job.finish(.failure(error), first: { if isTimeout { self.metrics?.timeouts.increment() } }) else { return }
        condition.lock()
        if let index = queue.firstIndex(where: { $0 === job }) {
            queue.remove(at: index)
            metrics?.queued.set(queue.count)
        }
        condition.unlock()
    }

    private func work(index: Int) {
        let renderer: Renderer
        do {
            renderer = try makeRenderer()
        } catch {
            logger.error("render worker could not start", metadata: ["worker": "\(index)", "error": "\(error)"])
            condition.lock()
            failedWorkers += 1
            workerError = "\(error)"
            liveThreads -= 1
            condition.broadcast()
            condition.unlock()
            return
        }
        condition.lock()
        readyWorkers += 1
        condition.unlock()
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty && stopping {
                readyWorkers -= 1
                liveThreads -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let job = queue.removeFirst()
            running += 1
            metrics?.queued.set(queue.count)
            metrics?.inFlight.set(running)
            condition.unlock()

            let start = ContinuousClock.now
            let result: Result<Any, Error>
            if job.isFinished {
                result = .failure(CancellationError())  // abandoned between dequeue and start
            } else {
                result = Result { try job.body!(renderer) as Any }
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            metrics?.recordRender(kind: job.kind, duration: elapsed)
            job.timer?.cancel()
            job.finish(result)
            job.body = nil

            condition.lock()
            running -= 1
            averageSeconds = averageSeconds * 0.9 + seconds * 0.1
            metrics?.inFlight.set(running)
            condition.unlock()
        }
    }

    /// Stops taking work; the threads finish what is queued, then exit. Waits up to `wait` for them.
    public func shutdown(wait: Duration = .seconds(30)) {
        condition.lock()
        stopping = true
        condition.broadcast()
        let deadline = Date().addingTimeInterval(Double(wait.components.seconds))
        while liveThreads > 0 {
            if !condition.wait(until: deadline) { break }
        }
        condition.unlock()
    }

    public func run() async throws {
        // Runs until the service group shuts down gracefully (or is cancelled), then stops the threads.
        try? await gracefulShutdown()
        logger.info("stopping the render threads")
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread { [self] in
                shutdown()
                continuation.resume()
            }.start()
        }
    }

    /// One unit of work and the request waiting for it: answered exactly once, by whichever comes
    /// first of the worker, the timer, or the request's cancellation.
    final class Job: @unchecked Sendable {
        let kind: String
        var body: ((Renderer) throws -> Any)?
        var timer: DispatchWorkItem?
        private let lock = NSLock()
        private var resume: ((Result<Any, Error>) -> Void)?
        private var outcome: Result<Any, Error>?
        private var finished = false

        init(kind: String) { self.kind = kind }

        var isFinished: Bool {
            lock.lock(); defer { lock.unlock() }
            return finished
        }

        /// Sets the answer callback; if the job was already finished (cancelled early), answers now.
        func install(_ resume: @escaping (Result<Any, Error>) -> Void) {
            lock.lock()
            if let outcome {
                lock.unlock()
                resume(outcome)
                return
            }
            self.resume = resume
            lock.unlock()
        }

        /// Answers the request with `result` unless it was answered already. True if this call answered it.
        @discardableResult
        func finish(_ result: Result<Any, Error>, first: () -> Void = {}) -> Bool {
            lock.lock()
            guard !finished else { lock.unlock(); return false }
            finished = true
            let resume = self.resume
            self.resume = nil
            if resume == nil { outcome = result }
            lock.unlock()
            timer?.cancel()
            first()
            resume?(result)
            return true
        }
    }
}

