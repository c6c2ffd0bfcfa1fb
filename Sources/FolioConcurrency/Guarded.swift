import CThreadSanitizer
import Synchronization

/// A value behind a lock: Synchronization's `Mutex`, which the compiler checks, made visible to
/// ThreadSanitizer.
///
/// On Linux a contended `Mutex` waits in a futex inside the standard library, which is not built
/// with ThreadSanitizer, so TSan never sees the hand-over from one holder to the next and reports
/// races on the very data the mutex guards (four threads counting under a `Mutex`: the right
/// total, and a race report). `Scripts/test.sh` fails on any TSan report, and the suppressions
/// file may not name Folio's own code, so every lock in Folio is this type: it tells TSan "acquired"
/// and "released" around the body, on an address of its own. Outside a TSan build the annotations
/// are weak symbols that resolve to nothing, and a call costs a null check.
public struct Guarded<Value: ~Copyable>: ~Copyable, Sendable {
    private let mutex: Mutex<Value>
    /// Its address names this lock to ThreadSanitizer.
    private let identity = Identity()

    private final class Identity: Sendable {}

    public init(_ value: consuming sending Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with the value while holding the lock, as `Mutex.withLock` does.
    public borrowing func withLock<Result, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        let address = Unmanaged.passUnretained(identity).toOpaque()
        return try mutex.withLock { (value: inout sending Value) throws(E) -> sending Result in
            folio_tsan_acquire(address)
            defer { folio_tsan_release(address) }
            return try body(&value)
        }
    }
}
