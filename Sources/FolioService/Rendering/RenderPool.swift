import FolioLayout
import FolioRender
import Foundation
import Logging
import ServiceLifecycle
import FolioConcurrency

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
///   (`Failure.timedOut`) and the job is dropped: still queued, it never runs; already running, its
///   renderer's `Cancellation` is raised, and the render stops at its next check (between pages,
///   charts, table rows, files), which frees the thread for the next job.
/// - While every worker is busy with a job past its deadline, `isReady` is false: `/readyz` then
///   tells the balancer to send work elsewhere.
/// - As a `Service`, the pool stops its threads once graceful shutdown reaches it. The HTTP server
///   is shut down first (it comes later in the service list), so in-flight renders finish first.
public final class RenderPool: Sendable, Service {
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

    /// Everything the workers and the requests share.
    private struct State: ~Copyable {
        var queue: [Job] = []
        /// Jobs on a worker now.
        var running: [Job] = []
        var readyWorkers = 0
        var failedWorkers = 0
        var workerError: String?
        var stopping = false
        /// Threads started and not yet returned.
        var liveThreads = 0
        /// Moving average of job durations, for Retry-After.
        var averageSeconds = 0.05
    }

    private let state: Guarded<State>
    /// Wakes idle workers when a job is queued or the pool stops, and `shutdown` when a thread exits.
    /// Its lock guards nothing else: every waiter re-checks `state` after waking.
    private let wakeup = NSCondition()

    public init(workers: Int, queueLimit: Int, metrics: ServiceMetrics? = nil, logger: Logger = Logger(label: "folio.pool"),
                makeRenderer: @escaping @Sendable () throws -> Renderer = { try Renderer() }) {
        workerCount = max(1, workers)
        self.queueLimit = max(0, queueLimit)
        self.metrics = metrics
        self.logger = logger
        self.makeRenderer = makeRenderer
        // Counted before any thread starts, so an early exit can never see a count still rising.
        state = Guarded(State(liveThreads: workerCount))
        for index in 0..<workerCount {
            let thread = Thread { [self] in
                // Named from inside (for `top -H` and debuggers): on Linux a name set before start is lost.
                Thread.current.name = "folio-render-\(index)"
                work(index: index)
            }
            // Layout and painting recurse little, but Yams-loaded style and report trees may: be generous.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Whether every worker has its renderer, the pool is not stopping, and at least one worker is
    /// not stuck on a job past its deadline.
    public var isReady: Bool {
        let now = ContinuousClock.now
        return state.withLock { state in
            let overdue = state.running.filter { $0.deadline <= now }.count
            return !state.stopping && state.readyWorkers == workerCount && overdue < workerCount
        }
    }

    public struct Snapshot: Sendable, Equatable {
        public var queued: Int
        public var running: Int
    }

    public var snapshot: Snapshot {
        state.withLock { Snapshot(queued: $0.queue.count, running: $0.running.count) }
    }

    /// Threads that have not returned yet.
    var liveThreads: Int { state.withLock { $0.liveThreads } }

    /// Runs `work` on a render thread and returns its result, or throws `Failure` (saturated,
    /// timed out, stopped) or what `work` threw. `kind` labels the duration histogram.
    public func run<T: Sendable>(_ kind: String, timeout: Duration,
                                 _ work: @escaping @Sendable (Renderer) throws -> T) async throws -> T {
        let job = Job(kind: kind, deadline: ContinuousClock.now + timeout) { renderer in try work(renderer) }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                job.install { result in continuation.resume(with: result.map { $0.value as! T }) }
                if let failure = admit(job) {
                    job.finish(.failure(failure))
                    return
                }
                // Armed only if the job is still unanswered; a job answered meanwhile never keeps a timer.
                job.arm(after: timeout) { [weak self, weak job] in
                    guard let job else { return }
                    self?.abandon(job, because: Failure.timedOut)
                }
            }
        } onCancel: {
            self.abandon(job, because: CancellationError())
        }
    }

    /// Queues the job, or says why not. A job already answered (its request cancelled before this)
    /// is never queued: `abandon` answers first and then looks in the queue, both under the lock.
    private func admit(_ job: Job) -> Failure? {
        let failure: Failure? = state.withLock { state in
            if state.stopping { return .stopped }
            if job.isFinished { return .stopped }
            if state.readyWorkers == 0, state.failedWorkers == workerCount {
                return .unavailable(state.workerError ?? "no render worker could start")
            }
            // A free worker takes the job at once; otherwise it waits, if there is room.
            let idle = state.readyWorkers - state.running.count - state.queue.count
            guard idle > 0 || state.queue.count < queueLimit else {
                let perWorker = Double(state.queue.count + state.running.count) / Double(workerCount)
                return .saturated(retryAfter: min(60, max(1, Int((perWorker * state.averageSeconds).rounded(.up)))))
            }
            state.queue.append(job)
            metrics?.queued.set(state.queue.count)
            return nil
        }
        if failure == nil { signal() }
        return failure
    }

    /// Answers the job's request now with `error`; drops the job if it has not started, and stops
    /// its render if it has.
    private func abandon(_ job: Job, because error: Error) {
        let isTimeout = (error as? Failure) == .timedOut
        // Counted before the request is answered, so a client that then reads /metrics sees it.
        guard job.finish(.failure(error), first: { if isTimeout { self.metrics?.timeouts.increment() } }) else { return }
        job.cancellation.cancel()
        state.withLock { state in
            if let index = state.queue.firstIndex(where: { $0 === job }) {
                state.queue.remove(at: index)
                metrics?.queued.set(state.queue.count)
            }
        }
    }

    private func signal() {
        wakeup.lock()
        wakeup.broadcast()
        wakeup.unlock()
    }

    /// The next job for a worker, or nil once the pool stops with nothing queued.
    private func nextJob() -> Job? {
        wakeup.lock()
        defer { wakeup.unlock() }
        while true {
            let taken: Job?? = state.withLock { state in
                if !state.queue.isEmpty {
                    let job = state.queue.removeFirst()
                    state.running.append(job)
                    metrics?.queued.set(state.queue.count)
                    metrics?.inFlight.set(state.running.count)
                    return .some(job)
                }
                return state.stopping ? .some(nil) : nil
            }
            if let taken { return taken }
            // Queueing and stopping broadcast under `wakeup`'s lock, which this thread holds from the
            // check above to the wait: no wake-up is missed.
            wakeup.wait()
        }
    }

    private func work(index: Int) {
        let renderer: Renderer
        do {
            renderer = try makeRenderer()
        } catch {
            logger.error("render worker could not start", metadata: ["worker": "\(index)", "error": "\(error)"])
            state.withLock { state in
                state.failedWorkers += 1
                state.workerError = "\(error)"
                state.liveThreads -= 1
            }
            signal()
            return
        }
        state.withLock { $0.readyWorkers += 1 }
        while let job = nextJob() {
            let start = ContinuousClock.now
            let result: Result<Job.Value, Error>
            if job.isFinished {
                result = .failure(CancellationError())  // abandoned between dequeue and start
            } else {
                renderer.cancellation = job.cancellation
                result = Result { try job.body(renderer) }
                renderer.cancellation = nil
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            metrics?.recordRender(kind: job.kind, duration: elapsed)
            job.finish(result)
            renderer.returnFreedMemory()
            state.withLock { state in
                state.running.removeAll { $0 === job }
                state.averageSeconds = state.averageSeconds * 0.9 + seconds * 0.1
                metrics?.inFlight.set(state.running.count)
            }
        }
        state.withLock { state in
            state.readyWorkers -= 1
            state.liveThreads -= 1
        }
        signal()
    }

    /// Stops taking work; the threads finish what is queued, then exit, and this returns when the
    /// last one has. Jobs still running after `wait` are cancelled (they stop at their next check).
    public func shutdown(wait: Duration = .seconds(30)) {
        state.withLock { $0.stopping = true }
        signal()
        let deadline = Date().addingTimeInterval(Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
        var cancelled = false
        wakeup.lock()
        while state.withLock({ $0.liveThreads }) > 0 {
            if cancelled {
                wakeup.wait()
            } else if !wakeup.wait(until: deadline) {
                cancelled = true
                let stuck = state.withLock { $0.running + $0.queue }
                stuck.forEach { $0.cancellation.cancel() }
            }
        }
        wakeup.unlock()
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
    final class Job: Sendable {
        /// A job's result travels as this box: the pool does not know `T`, the request does.
        struct Value: Sendable {
            let value: any Sendable
        }

        let kind: String
        let deadline: ContinuousClock.Instant
        let body: @Sendable (Renderer) throws -> Value
        /// Raised when the request is answered without the render's result: the render stops.
        let cancellation = Cancellation()

        private struct Answer {
            var resume: (@Sendable (Result<Value, Error>) -> Void)?
            var outcome: Result<Value, Error>?
            var finished = false
            var timer: Task<Void, Never>?
        }

        private let answer = Guarded(Answer())

        init(kind: String, deadline: ContinuousClock.Instant, body: @escaping @Sendable (Renderer) throws -> any Sendable) {
            self.kind = kind
            self.deadline = deadline
            self.body = { renderer in Value(value: try body(renderer)) }
        }

        var isFinished: Bool { answer.withLock { $0.finished } }

        /// Sets the answer callback; if the job was already finished (cancelled early), answers now.
        func install(_ resume: @escaping @Sendable (Result<Value, Error>) -> Void) {
            let early: Result<Value, Error>? = answer.withLock { answer in
                if let outcome = answer.outcome { return outcome }
                answer.resume = resume
                return nil
            }
            if let early { resume(early) }
        }

        /// Starts the deadline timer, unless the job is already answered; `finish` cancels it. The
        /// timer is a sleeping task: it holds no thread, and cancelling it ends the sleep at once.
        func arm(after timeout: Duration, _ expire: @escaping @Sendable () -> Void) {
            answer.withLock { answer in
                guard !answer.finished else { return }
                answer.timer = Task {
                    do { try await Task.sleep(for: timeout) } catch { return }
                    expire()
                }
            }
        }

        /// Answers the request with `result` unless it was answered already. True if this call answered it.
        @discardableResult
        func finish(_ result: Result<Value, Error>, first: () -> Void = {}) -> Bool {
            let taken: (resume: (@Sendable (Result<Value, Error>) -> Void)?, timer: Task<Void, Never>?)? = answer.withLock { answer in
                guard !answer.finished else { return nil }
                answer.finished = true
                let taken = (answer.resume, answer.timer)
                answer.resume = nil
                answer.timer = nil
                if taken.0 == nil { answer.outcome = result }
                return taken
            }
            guard let taken else { return false }
            taken.timer?.cancel()
            first()
            taken.resume?(result)
            return true
        }
    }
}
