import Foundation
import ZIPFoundation

/// The parts of an organisation's .pptx/.potx, read strictly: the file is someone else's, so its
/// size, entry count, each entry's size and compression ratio are bounded before anything is
/// inflated, and no part name may leave the package.
enum TemplateArchive {
    static let maximumFileBytes = 100 << 20
    static let maximumEntries = 5_000
    static let maximumEntryBytes = 100 << 20
    static let maximumTotalBytes = 300 << 20
    /// Below this compressed/inflated ratio an entry is a zip bomb (POI's `MIN_INFLATE_RATIO`)…
    static let minimumRatio = 0.01
    /// …unless it inflates to less than this (tiny, very regular XML is fine).
    static let ratioGrace = 100 << 10

    static func parts(of bytes: [UInt8], file: String) throws(DeckTemplateError) -> [String: [UInt8]] {
        guard bytes.count <= maximumFileBytes else { throw .unusable(file, "larger than \(maximumFileBytes >> 20) MB") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .unusable(file, "an encrypted or legacy (.ppt/.pot) file, not an Office Open XML package")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw .unusable(file, "not a ZIP package") }
        let archive: Archive
        do { archive = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw .unusable(file, "not a readable ZIP package")
        }
        var parts: [String: [UInt8]] = [:]
        var total = 0
        var count = 0
        for entry in archive {
            count += 1
            guard count <= maximumEntries else { throw .unusable(file, "more than \(maximumEntries) entries") }
            guard entry.type == .file else {
                if entry.type == .symlink { throw .unusable(file, "entry \(entry.path) is a symbolic link") }
                continue
            }
            let name = entry.path
            guard isSafe(name) else { throw .unusable(file, "entry name \"\(name)\" points outside the package") }
            guard parts[name] == nil else { throw .unusable(file, "entry \(name) appears twice") }
            let declared = entry.uncompressedSize
            guard declared <= UInt64(maximumEntryBytes) else { throw .unusable(file, "entry \(name) inflates beyond \(maximumEntryBytes >> 20) MB") }
            if declared > UInt64(ratioGrace), Double(entry.compressedSize) / Double(declared) < minimumRatio {
                throw .unusable(file, "entry \(name) is compressed more than 100 to 1 (a zip bomb?)")
            }
            total += Int(declared)
            guard total <= maximumTotalBytes else { throw .unusable(file, "inflates beyond \(maximumTotalBytes >> 20) MB") }
            var data: [UInt8] = []
            data.reserveCapacity(Int(declared))
            do {
                _ = try archive.extract(entry) { chunk in
                    // The declared size is the header's word: the inflated stream is held to it.
                    guard data.count + chunk.count <= Int(declared) else { throw ArchiveOverrun() }
                    data.append(contentsOf: chunk)
                }
            } catch {
                throw .unusable(file, "entry \(name) cannot be read (damaged, or larger than it says)")
            }
            guard data.count == Int(declared) else { throw .unusable(file, "entry \(name) is shorter than it says") }
            parts[name] = data
        }
        return parts
    }

    struct ArchiveOverrun: Error {}

    /// A part name inside the package: relative, no `..` or `.` segments, no backslashes or NULs.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\u{0}") else { return false }
        return name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}
