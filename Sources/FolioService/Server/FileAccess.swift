#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file named on the command line cannot be used, in words a user can act on.
///
/// `FileManager.fileExists` and `contents(atPath:)` answer a symbolic-link loop as if the file
/// did not exist; `stat`'s error number tells the cases apart.
public enum FileAccess {
    /// Nil when `path` is a readable regular file, else what is wrong with it ("is a symbolic link
    /// loop", "does not exist", ...).
    public static func problem(readingFile path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return reason(errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return "is a folder, not a file" }
        guard access(path, R_OK) == 0 else { return reason(errno) }
        return nil
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ELOOP: return "is a symbolic link loop"
        case ENOENT: return "does not exist"
        case ENOTDIR: return "does not exist (a part of its path is not a folder)"
        case EACCES: return "cannot be read (permission denied)"
        case ENAMETOOLONG: return "has a name too long"
        default: return "cannot be read (\(String(cString: strerror(code))))"
        }
    }
}
