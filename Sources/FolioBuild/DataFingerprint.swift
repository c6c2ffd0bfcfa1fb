import FolioModel
import Foundation

/// The fingerprint of a report's data, one function for every kind of source: what the build
/// compares to tell a target is fresh, what snapshots and the change report name, and what a
/// briefing's PDF keywords carry, whether `folio render`, `folio build` or the service made it.
///
/// - A data file (YAML, JSON, a request body): the SHA-256 of its bytes, as `sha256sum` prints it.
/// - A CSV folder: the SHA-256 of a listing of its data files (`ReportLoader.csvFolderFiles`), one
///   line each in name order: the name's length in bytes, the name, the file's length and the
///   SHA-256 of its bytes. Lengths frame every field, so two folders that differ in any name or
///   byte never give the same listing: the files' bytes concatenated would (a row moved from the
///   end of one file to the start of the next). Hashing each file first, rather than its bytes into
///   the listing, lets the build reuse a file's hash while its `stat` is unchanged and so read no
///   data for a fresh target.
public enum DataFingerprint {
    /// One data file of a CSV folder.
    struct Member: Sendable, Equatable {
        var name: String
        var size: Int
        var sha256: String
    }

    /// A data file's fingerprint.
    public static func file<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        SHA256.hex(bytes)
    }

    /// A CSV folder's fingerprint from its files as read (name → bytes); files that are not data
    /// (an unknown `notes.csv`, read only to warn about it) do not count.
    public static func folder(_ files: [String: Data]) -> String {
        folder(members: files.filter { isMember($0.key) }.map { Member(name: $0.key, size: $0.value.count, sha256: SHA256.hex($0.value)) })
    }

    /// A CSV folder's fingerprint from its data files' lengths and hashes.
    static func folder(members: [Member]) -> String {
        var listing = "folio CSV folder\n"
        for member in members.sorted(by: { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }) {
            listing += "\(member.name.utf8.count) \(member.name) \(member.size) \(member.sha256)\n"
        }
        return SHA256.hex(Array(listing.utf8))
    }

    /// Whether a file of a CSV folder is data (names compared ignoring case, as the reader does).
    public static func isMember(_ name: String) -> Bool {
        ReportLoader.csvFolderFiles.contains(name.lowercased())
    }
}
