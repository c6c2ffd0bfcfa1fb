import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a build could not start at all (as opposed to a target failing).
public enum BuildError: Error, CustomStringConvertible, Sendable {
    /// Another build (cron, watch, the service) holds the state lock of this folder.
    case busy(lockFile: String)
    /// The state folder cannot be created or written.
    case cannotCreate(path: String, reason: String)

    public var description: String {
        switch self {
        case .busy(let file): return "another build of this project is running (it holds \(file)); try again when it ends"
        case .cannotCreate(let path, let reason): return "cannot create \(path): \(reason)"
        }
    }
}

/// A `flock` on a state lock file for the length of a build, so overlapping cron runs or a watch
/// and a manual build never write the same outputs and state at once: exclusive, or shared (the
/// shards of one regeneration on the whole-build lock). The kernel drops the lock when the process
/// dies, so a killed build never leaves the project locked.
final class BuildLock {
    private let descriptor: Int32

    init(_ url: URL, shared: Bool = false) throws {
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BuildError.cannotCreate(path: url.path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            close(descriptor)
            throw BuildError.busy(lockFile: url.path)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
