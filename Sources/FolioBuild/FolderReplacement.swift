import FolioFiles
import FolioRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder target's files (a chart set, country briefings) replaced as a whole or not at all.
///
/// Replacing the files one by one would leave a mixed set when the disk fills halfway: some charts
/// new, `charts.json` old, and on a first build orphans nobody records. Instead the new set is
/// written into a hidden sibling folder (`.NAME.XXXXXX`), which is then exchanged with the folder
/// in one `renameat2(RENAME_EXCHANGE)`; readers see the old set or the new one, never a mixture.
/// Anything that fails before the exchange removes the sibling and leaves the folder untouched.
///
/// - Files rendered to the bytes they already have are hard-linked, not written: they keep their
///   content and modification time, and cost no space.
/// - What is in the folder but not the target's (a README, a subfolder) is carried over.
struct FolderReplacement {
    /// The folder, symbolic links resolved: a link to it stays a link.
    let folder: URL
    /// Names the target made last time: not carried over unless it makes them again.
    let previous: Set<String>

    enum Content {
        case bytes([UInt8])
        /// The file already in the folder has these bytes: linked into the new set.
        case unchanged([UInt8])
    }

    /// Replaces the folder's set with `files` (name → content). Returns the names of the previous
    /// set that are gone.
    /// - Throws: `AtomicFile.Failure`, `.io` when writing failed (a full disk), `.cannotCreate` when
    ///   the folder could not be made or changed; the folder is then as it was.
    func replace(with files: [(name: String, content: Content)]) throws -> [String] {
        let parent = folder.deletingLastPathComponent()
        let existing = try Self.entries(of: folder)
        let staging = try Self.makeSibling(of: folder)
        var movedIn: [String] = []
        do {
            let names = Set(files.map(\.name))
            for (name, content) in files {
                let destination = staging.appendingPathComponent(name).path
                switch content {
                case .unchanged(let bytes):
                    if link(folder.appendingPathComponent(name).path, destination) != 0 { try Self.write(bytes, to: destination) }
                case .bytes(let bytes):
                    try Self.write(bytes, to: destination)
                }
            }
            for name in existing ?? [] where !names.contains(name) && !previous.contains(name) {
                let from = folder.appendingPathComponent(name).path, to = staging.appendingPathComponent(name).path
                var info = stat()
                guard lstat(from, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    guard rename(from, to) == 0 else { throw Self.failure(folder.path, errno) }
                    movedIn.append(name)
                } else if link(from, to) != 0 {
                    // Where a link is refused (another user's file), a copy.
                    let code = errno
                    do { try FileManager.default.copyItem(atPath: from, toPath: to) } catch { throw Self.failure(from, code) }
                }
            }
            var info = stat()
            if existing != nil, stat(folder.path, &info) == 0 { chmod(staging.path, info.st_mode & 0o7777) }
            try Self.sync(staging.path)
            if existing == nil {
                guard rename(staging.path, folder.path) == 0 else { throw Self.failure(folder.path, errno) }
            } else {
                try Self.exchange(staging, folder)
            }
        } catch {
            for name in movedIn { rename(staging.appendingPathComponent(name).path, folder.appendingPathComponent(name).path) }
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        // The old set now sits at the sibling's name; a build killed before this line leaves it for
        // the next build to remove.
        try? FileManager.default.removeItem(at: staging)
        _ = try? Self.sync(parent.path)
        let names = Set(files.map(\.name))
        return (existing ?? []).filter { previous.contains($0) && !names.contains($0) }.sorted()
    }

    /// The folder's entries; nil when there is no folder yet.
    private static func entries(of folder: URL) throws -> [String]? {
        var info = stat()
        guard stat(folder.path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure(folder.path, errno)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw AtomicFile.Failure.cannotCreate(path: folder.path, reason: "it is a file, not a folder")
        }
        do { return try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw AtomicFile.Failure.cannotCreate(path: folder.path, reason: error.localizedDescription)
        }
    }

    /// A new empty folder beside `folder`, named as `AtomicFile` names its temporary files
    /// (`.NAME.XXXXXX`), so that a killed build's leftovers are recognised and removed.
    private static func makeSibling(of folder: URL) throws -> URL {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in 0..<100 {
            let suffix = String((0..<6).map { _ in letters.randomElement()! })
            let sibling = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).\(suffix)")
            // 0777 less the umask, as for any folder the user makes.
            if mkdir(sibling.path, 0o777) == 0 { return URL(fileURLWithPath: sibling.path, isDirectory: true) }
            if errno != EEXIST { throw failure(folder.path, errno) }
        }
        throw failure(folder.path, EEXIST)
    }

    /// Writes a new file (only this build sees the staging folder, so no temporary name is needed).
    private static func write(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        var written = 0
        var code: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return
                }
                written += result
            }
        }
        if code == 0 && fsync(descriptor) != 0 { code = errno }
        if code != 0 { throw failure(path, code) }
    }

    private static func sync(_ folder: String) throws {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(folder, errno) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw failure(folder, errno) }
    }

    /// Swaps the two folders in one step; where the file system or C library cannot, the old one
    /// is renamed aside first, so for a moment there is no folder, but never a mixed one.
    private static func exchange(_ staging: URL, _ folder: URL) throws {
        if let renameat2 = renameat2 {
            if renameat2(AT_FDCWD, staging.path, AT_FDCWD, folder.path, renameExchange) == 0 { return }
            guard errno == EINVAL || errno == ENOSYS else { throw failure(folder.path, errno) }
        }
        let aside = try makeSibling(of: folder)
        guard rename(folder.path, aside.path) == 0 else {
            let code = errno
            rmdir(aside.path)
            throw failure(folder.path, code)
        }
        guard rename(staging.path, folder.path) == 0 else {
            let code = errno
            rename(aside.path, folder.path)
            throw failure(folder.path, code)
        }
        // The caller removes what is at the staging name: the old set.
        rename(aside.path, staging.path)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let renameExchange: UInt32 = 1 << 1

    /// glibc's `renameat2` (2.28 and later), which Swift's Glibc module does not declare.
    private static var renameat2: RenameAt2? {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }

    /// A full disk or failing device is an I/O error (74); anything else means the folder cannot be
    /// made or changed (73).
    static func failure(_ path: String, _ code: Int32) -> AtomicFile.Failure {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT, EIO, EFBIG: return .io(path: path, reason: reason)
        default: return .cannotCreate(path: path, reason: reason)
        }
    }
}
