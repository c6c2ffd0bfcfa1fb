import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see either the old version or the complete new one, never a mix.
///
/// What the path names decides how:
/// - nothing yet, or a regular file: the bytes go to a temporary file in the same folder (so the
///   rename stays on one file system), are flushed to disk, then renamed over the target in one step;
/// - a symbolic link: followed to what it names, which is written as its kind says (a regular file is
///   replaced in its own folder, so the link stays a link); a link to nothing is refused;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout` on a terminal or a pipe): the bytes are
///   written through to it, as a shell redirection would; nothing is ever renamed over it;
/// - a folder, a block device or a socket: refused, nothing written.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// The folder is missing or not writable, or the path names something that cannot be written
        /// (sysexits 73).
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
        let path = url.path
        var status = stat()
        // What the path names, links followed (a link in /proc/self/fd names a pipe or a terminal).
        guard stat(path, &status) == 0 else {
            let reason = errno
            var link = stat()
            if reason == ENOENT, lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                throw Failure.cannotCreate(path: path, reason: "it is a symbolic link to nothing")
            }
            guard reason == ENOENT else { throw Failure.cannotCreate(path: path, reason: String(cString: strerror(reason))) }
            return try replace(path, with: bytes, named: path)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            // A link is replaced where it leads, so it stays a link.
            try replace(try resolved(path), with: bytes, named: path)
        case S_IFCHR, S_IFIFO:
            try writeThrough(path, bytes: bytes, named: path)
        case S_IFDIR:
            throw Failure.cannotCreate(path: path, reason: "it is a folder")
        case S_IFBLK:
            throw Failure.cannotCreate(path: path, reason: "it is a block device")
        default:
            throw Failure.cannotCreate(path: path, reason: "it is not a regular file, a character device or a FIFO")
        }
    }

    /// Like `write(_:to:)` for content made while it is written, so it is never all in memory: `body`
    /// gets the descriptor and path of an empty temporary file beside the target (it may read the
    /// file back), which replaces the target only if `body` returns. Only for a target that is a
    /// regular file or nothing yet (`canStream`); a device or a FIFO is written with `write(_:to:)`.
    public static func write(to url: URL, streaming body: (Int32, String) throws -> Void) throws {
        let path = url.path
        var status = stat()
        guard stat(path, &status) == 0 else { return try replace(path, named: path, fill: body) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw Failure.cannotCreate(path: path, reason: "it is not a regular file")
        }
        try replace(try resolved(path), named: path, fill: body)
    }

    /// Whether `write(to:streaming:)` can write `url`: it names a regular file (links followed) or
    /// nothing, in an existing folder; a dangling link is left to `write(_:to:)` to refuse.
    public static func canStream(to url: URL) -> Bool {
        var status = stat(), link = stat()
        if stat(url.path, &status) == 0 { return status.st_mode & S_IFMT == S_IFREG }
        return errno == ENOENT && lstat(url.path, &link) != 0
    }

    /// The path with every symbolic link resolved.
    private static func resolved(_ path: String) throws -> String {
        guard let pointer = realpath(path, nil) else {
            throw Failure.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// The folder a path is in ("." for a bare name).
    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The temporary file, the flush and the rename.
    private static func replace(_ path: String, with bytes: [UInt8], named: String) throws {
        try replace(path, named: named) { descriptor, _ in
            if let failure = writeAll(bytes, to: descriptor) { throw Failure.io(path: named, reason: failure) }
        }
    }

    /// A temporary file beside `path` that `fill` writes, flushed and renamed over `path`; removed
    /// if `fill` throws (its error is rethrown) or anything after fails.
    private static func replace(_ path: String, named: String, fill: (Int32, String) throws -> Void) throws {
        let folder = folder(of: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure.cannotCreate(path: named, reason: "folder \(folder) does not exist")
        }
        var template = Array((folder + "/." + (path as NSString).lastPathComponent + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Failure.cannotCreate(path: named, reason: String(cString: strerror(errno)))
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do {
            try fill(descriptor, temporary)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        var failure: String?
        if fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        // Readable like any file the user creates, not the 0600 mkstemp uses.
        fchmod(descriptor, 0o666 & ~AtomicFile.currentUmask())
        close(descriptor)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw Failure.io(path: named, reason: failure)
        }
    }

    /// A device or a FIFO: opened for writing as it is (never created, never truncated by rename).
    private static func writeThrough(_ path: String, bytes: [UInt8], named: String) throws {
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure.cannotCreate(path: named, reason: String(cString: strerror(errno))) }
        var failure = writeAll(bytes, to: descriptor)
        if close(descriptor) != 0, failure == nil, errno != EINTR { failure = String(cString: strerror(errno)) }
        if let failure { throw Failure.io(path: named, reason: failure) }
    }

    /// Writes every byte, retrying short writes and interruptions; the error text, or nil.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        return bytes.withUnsafeBytes { buffer -> String? in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += result
            }
            return nil
        }
    }

    /// The process's umask now, read without changing it: `umask(2)` can only be read by setting it,
    /// and a set-and-restore briefly gives files other threads create at that moment the wrong mode.
    /// Linux reports it in /proc/self/status; elsewhere it is read once, the first time it is needed.
    static func currentUmask() -> mode_t {
        if let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        return fallbackUmask
    }

    /// Swift initializes a static once, under a lock.
    private static let fallbackUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}
