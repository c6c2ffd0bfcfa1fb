import FolioConcurrency

/// Whether the request's body was read to its end, for the middleware: an error answered before
/// that closes the connection (after reading and discarding the rest up to a bound, see
/// `ConnectionGuard`) instead of leaving the rest for the next request to trip over.
final class BodyState: Sendable {
    @TaskLocal static var current: BodyState?

    private let read = Guarded(false)

    func markRead() {
        read.withLock { $0 = true }
    }

    var wasRead: Bool {
        read.withLock { $0 }
    }
}
