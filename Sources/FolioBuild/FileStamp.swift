import FolioModel
import Foundation
import FolioConcurrency
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a file: size, modification and change times, inode. While all four are
/// the same, the content is taken to be the same, so a no-op build never reads a data file twice.
public struct FileStamp: Codable, Equatable, Sendable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    /// The stamp of the file at `path` (following symbolic links); nil when there is no regular file.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                         changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                         inode: UInt64(info.st_ino))
    }

    /// Modification time in whole seconds: the date PDFs carry by default.
    public var modifiedDate: Date { Date(timeIntervalSince1970: TimeInterval(modified / 1_000_000_000)) }
}

/// A file's stamp and the SHA-256 of its content when it had that stamp.
public struct HashedFile: Codable, Equatable, Sendable {
    public var stamp: FileStamp
    public var sha256: String
}

/// SHA-256 of files by content, remembered by stamp: a file whose stamp is unchanged is not read.
///
/// Sources are fingerprinted from several threads: the table is behind a mutex, and no file is
/// read while it is held.
final class ContentHashes: Sendable {
    private struct Table {
        var known: [String: HashedFile]
        var used: [String: HashedFile] = [:]
        var bytesRead = 0
    }

    private let table: Guarded<Table>

    init(known: [String: HashedFile]) {
        table = Guarded(Table(known: known))
    }

    /// Bytes read to hash files, so tests can check that a no-op build reads no data.
    var bytesRead: Int { table.withLock { $0.bytesRead } }

    /// The hash of the file at `path`, or nil when it is missing or unreadable.
    func hash(_ path: String) -> String? {
        hashed(path)?.sha256
    }

    /// The length and hash of the file at `path` (the length of the bytes hashed), or nil when it
    /// is missing or unreadable.
    func hashed(_ path: String) -> (size: Int, sha256: String)? {
        guard let stamp = FileStamp.of(path) else { return nil }
        let remembered = table.withLock { table -> HashedFile? in
            guard let entry = table.known[path], entry.stamp == stamp else { return nil }
            table.used[path] = entry
            return entry
        }
        if let remembered { return (Int(remembered.stamp.size), remembered.sha256) }
        // Style sheets and fonts are small; anything this large is not what the build expects.
        guard stamp.size <= 256 << 20, let data = FileManager.default.contents(atPath: path) else { return nil }
        let sha = SHA256.hex(data)
        // A file changed within the last two seconds could change again within the same time stamp
        // tick: it is hashed, but not remembered (git's "racy clean" rule). A stamp whose size is
        // not the length read is remembered neither.
        let settled = FileStamp.of(path) == stamp && stamp.size == Int64(data.count)
            && Date().timeIntervalSince1970 * 1e9 - Double(stamp.modified) > 2e9
        table.withLock { table in
            table.bytesRead += data.count
            if settled {
                table.known[path] = HashedFile(stamp: stamp, sha256: sha)
                table.used[path] = table.known[path]
            }
        }
        return (data.count, sha)
    }

    /// Whether the file still has the stamp it was hashed with (so its hash can be used unread).
    func isUnchanged(_ path: String) -> Bool {
        guard let stamp = FileStamp.of(path) else { return false }
        return table.withLock { $0.known[path]?.stamp == stamp }
    }

    /// The entries looked up in this build: what the next state file keeps (files no longer named
    /// anywhere drop out).
    var entriesUsed: [String: HashedFile] {
        table.withLock { $0.used }
    }
}
