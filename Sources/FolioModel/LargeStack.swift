import Foundation

/// Runs work on a thread with a known, generous stack.
///
/// Yams composes recursively and needs about 2 KB of stack per nesting level in release builds,
/// so libyaml's 1000-level limit means ~2 MB: more than a 512 KB secondary thread (or a
/// cooperative-pool thread in the HTTP service) has. A malicious file must produce an error,
/// not a segfault, whichever thread calls `check`. Eight times the need, as address space only.
enum LargeStack {
    static let size = 16 << 20

    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value!
    }

    /// Handed between exactly two threads, ordered by the semaphore.
    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
