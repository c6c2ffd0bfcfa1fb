import Foundation
import FolioConcurrency

/// Runs work on a thread with a known, generous stack.
///
/// Yams composes recursively and needs about 2 KB of stack per nesting level in release builds,
/// so libyaml's 1000-level limit means ~2 MB: more than a 512 KB secondary thread (or a
/// cooperative-pool thread in the HTTP service) has. A malicious file must produce an error,
/// not a segfault, whichever thread calls `check`. Eight times the need, as address space only.
enum LargeStack {
    static let size = 16 << 20

    /// `body` makes its own mutable state (diagnostic sinks, trees) on the big thread and hands
    /// back only a `Sendable` result, so nothing unsynchronized crosses between the threads.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let value = body()
            box.value.withLock { $0 = value }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return box.value.withLock { $0! }
    }

    private final class ResultBox<T: Sendable>: Sendable {
        let value = Guarded<T?>(nil)
    }
}
