import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file named relative to a folder, refusing anything that ends up outside that folder.
///
/// A style sheet names its logo relative to its own folder, and a style sheet may come from
/// someone else (a shared brand folder). `..`, an absolute path or a symbolic link pointing out
/// must not make Folio read, and print into a PDF, a file elsewhere on the machine. So the path is
/// resolved with `realpath` (every symbolic link followed) and must stay under the resolved folder;
/// the file is then opened without following a final link, must be a regular file (a FIFO would
/// block, a device would never end), and the descriptor's own path is checked again, so a link
/// swapped in between the check and the open is caught too.
struct ContainedFile {
    struct Failure: Error, Equatable {
        var message: String
    }

    /// The bytes of `relativePath` under `folder`, at most `maxBytes` of them.
    static func read(_ relativePath: String, in folder: URL, maxBytes: Int) throws(Failure) -> [UInt8] {
        let (target, inside) = try locate(relativePath, in: folder)

        let descriptor = open(target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure(message: errno == EACCES ? "cannot be read: permission denied" : "cannot be opened: " + String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(message: "is not a regular file")
        }
        guard resolved("/proc/self/fd/\(descriptor)").map({ $0.hasPrefix(inside) }) ?? false else {
            throw Failure(message: "is outside the style sheet's folder")
        }
        guard Int(status.st_size) <= maxBytes else {
            throw Failure(message: "is \(status.st_size) bytes; at most \(maxBytes) are read")
        }
        var bytes = [UInt8](repeating: 0, count: maxBytes + 1)
        var count = 0
        while count <= maxBytes {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, maxBytes + 1 - count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { throw Failure(message: "cannot be read: " + String(cString: strerror(errno))) }
            if got == 0 { break }
            count += got
        }
        guard count <= maxBytes else { throw Failure(message: "is larger than \(maxBytes) bytes") }
        return Array(bytes[0..<count])
    }

    /// The resolved path of `relativePath` under `folder`, for a reader that opens it later (a deck
    /// template, read strictly by its own reader); it must be a regular file inside the folder.
    static func path(_ relativePath: String, in folder: URL) throws(Failure) -> String {
        let target = try locate(relativePath, in: folder).target
        var status = stat()
        guard stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw Failure(message: "is not a regular file") }
        return target
    }

    /// The resolved file and the resolved folder with a final "/", once the file is known to be inside.
    private static func locate(_ relativePath: String, in folder: URL) throws(Failure) -> (target: String, inside: String) {
        guard !relativePath.hasPrefix("/") else {
            throw Failure(message: "must be relative to the style sheet's folder, not an absolute path")
        }
        guard !relativePath.contains("\0") else { throw Failure(message: "is not a file name") }
        guard let root = resolved(folder.path) else {
            throw Failure(message: "cannot be looked up: the style sheet's folder cannot be resolved")
        }
        let inside = root == "/" ? "/" : root + "/"
        errno = 0
        guard let target = resolved(inside + relativePath) else {
            throw Failure(message: errno == EACCES ? "cannot be read: permission denied" : "no such file in the style sheet's folder")
        }
        guard target.hasPrefix(inside) else { throw Failure(message: "is outside the style sheet's folder") }
        return (target, inside)
    }

    /// The path with every symbolic link, `.` and `..` resolved; nil if it does not exist.
    private static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
