import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see either the old version or the complete new one, never a mix.
///
/// The bytes go to a temporary file in the same folder (so the rename stays on one file system),
/// are flushed to disk, then renamed over the target in one step.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The folder is missing or not writable (sysexits 73).
        case cannotCreate(path: String, reason: String)
        /// Writing or renaming failed midway (sysexits 74).
        case io(path: String, reason: String)

        public var description: String {
            switch self {
            case .cannotCreate(let path, let reason): return "cannot create \(path): \(reason)"
            case .io(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure.cannotCreate(path: url.path, reason: "folder \(folder.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure.cannotCreate(path: url.path, reason: "it is a folder")
        }
        var template = Array(folder.appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure.cannotCreate(path: url.path, reason: String(cString: strerror(errno)))
        }
        let temporary = String(cString: template)
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                written += result
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        // Readable like any file the user creates, not the 0600 mkstemp uses.
        fchmod(descriptor, 0o666 & ~AtomicFile.processUmask)
        close(descriptor)
        if failure == nil && rename(temporary, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure.io(path: url.path, reason: failure)
        }
    }

    /// The process's umask, read once. `umask` can only be read by setting it, and a set-and-restore
    /// on render threads writing in parallel could leave a file, or the whole process, at 0 (review).
    /// Swift initializes a static once, under a lock, before any thread uses it.
    static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}
