import FolioRender
import Foundation
import FolioConcurrency

/// Runs `count` renders on up to `jobs` threads, each thread with its own `Renderer`.
///
/// Pango font maps must not be shared between threads (CAIRO-NOTES: crashes and wrong pixels), so
/// every worker makes its own; workers take the next index from a shared counter, so one slow item
/// never holds up the rest. The first error stops the others and is rethrown.
public enum ParallelRenders {
    public static func run(count: Int, jobs: Int, _ body: @escaping @Sendable (Renderer, Int) throws -> Void) throws {
        guard count > 0 else { return }
        let queue = WorkQueue()
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            let renderer: Renderer
            do { renderer = try Renderer() } catch { queue.fail(error); return }
            while let index = queue.next(below: count) {
                do { try body(renderer, index) } catch { queue.fail(error); return }
            }
        }
        if let error = queue.error { throw error }
    }
}

/// The shared counter and the first error, behind one lock.
public final class WorkQueue: Sendable {
    private struct State {
        var cursor = 0
        var error: Error?
    }

    private let state = Guarded(State())

    public init() {}

    public var error: Error? { state.withLock { $0.error } }

    /// The next index to render, or nil when all are taken or one render failed.
    public func next(below count: Int) -> Int? {
        state.withLock { state in
            guard state.error == nil, state.cursor < count else { return nil }
            state.cursor += 1
            return state.cursor - 1
        }
    }

    public func fail(_ error: Error) {
        state.withLock { state in
            if state.error == nil { state.error = error }
        }
    }
}
