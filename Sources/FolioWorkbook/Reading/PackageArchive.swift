import Foundation
import ZIPFoundation

/// The parts of an `.xlsx` (a ZIP archive), read under `WorkbookReader.Limits`.
///
/// The central directory is checked first (entry count, names, declared sizes and ratios); then
/// each part is inflated in chunks, counting the bytes that actually come out, so a header that
/// lies about its size stops the inflating at the limit instead of filling memory.
struct PackageArchive {
    private let archive: Archive
    private let limits: WorkbookReader.Limits
    /// Part name (without a leading `/`, lowercased: OPC part names ignore case) → entry.
    private let entries: [String: Entry]
    private var inflatedTotal = 0

    init(_ bytes: [UInt8], limits: WorkbookReader.Limits) throws(WorkbookReader.Failure) {
        self.limits = limits
        guard bytes.count <= limits.maxFileBytes else { throw .fileTooLarge(bytes: bytes.count, limit: limits.maxFileBytes) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .notAnArchive("an encrypted (password-protected) workbook or an old Excel 97-2003 .xls file; "
                                + "save it as an Excel Workbook (.xlsx) without a password")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw .notAnArchive("not an Excel workbook: an .xlsx file is a ZIP archive, and this file is not one")
        }
        let opened: Archive
        do { opened = try Archive(data: Data(bytes), accessMode: .read) } catch {
            throw .damaged(part: nil, "it cannot be opened (truncated, or not a complete ZIP archive)")
        }
        archive = opened
        var found: [String: Entry] = [:]
        var count = 0
        for entry in opened {
            count += 1
            guard count <= limits.maxEntries else { throw .tooManyEntries(limit: limits.maxEntries) }
            let name = entry.path
            guard Self.isSafe(name) else { throw .unsafePartName(name) }
            guard entry.type == .file else { continue }
            let key = name.lowercased()
            guard found[key] == nil else { throw .duplicatePart(name) }
            try Self.checkDeclared(entry, limits: limits)
            found[key] = entry
        }
        guard count > 0 else { throw .damaged(part: nil, "it has no entries") }
        entries = found
    }

    /// A relative name inside the archive: no `..` segment, no leading `/` or drive, no backslash or NUL.
    static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0"), !name.contains(":") else { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    private static func checkDeclared(_ entry: Entry, limits: WorkbookReader.Limits) throws(WorkbookReader.Failure) {
        let size = Int(clamping: entry.uncompressedSize), packed = max(1, Int(clamping: entry.compressedSize))
        guard size <= limits.maxPartBytes else { throw .partTooLarge(part: entry.path, limit: limits.maxPartBytes) }
        if size > limits.ratioGraceBytes, size / packed > limits.maxCompressionRatio {
            throw .compressionRatio(part: entry.path, ratio: size / packed, limit: limits.maxCompressionRatio)
        }
    }

    func contains(_ part: String) -> Bool { entries[part.lowercased()] != nil }

    /// Names of the parts, as written in the archive.
    var partNames: [String] { entries.values.map(\.path).sorted() }

    /// The part's bytes, inflated under the limits; a missing part is `.missingPart`.
    mutating func bytes(of part: String) throws(WorkbookReader.Failure) -> [UInt8] {
        guard let entry = entries[part.lowercased()] else { throw .missingPart(part) }
        let packed = max(1, Int(clamping: entry.compressedSize))
        var out: [UInt8] = []
        out.reserveCapacity(min(Int(clamping: entry.uncompressedSize), limits.maxPartBytes))
        var stop: WorkbookReader.Failure?
        let limits = self.limits, before = inflatedTotal
        do {
            _ = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                let count = out.count + chunk.count
                if count > limits.maxPartBytes {
                    stop = .partTooLarge(part: entry.path, limit: limits.maxPartBytes)
                } else if count > limits.ratioGraceBytes, count / packed > limits.maxCompressionRatio {
                    stop = .compressionRatio(part: entry.path, ratio: count / packed, limit: limits.maxCompressionRatio)
                } else if before + count > limits.maxTotalBytes {
                    stop = .totalTooLarge(limit: limits.maxTotalBytes)
                }
                if stop != nil { throw CancellationError() }
                out.append(contentsOf: chunk)
            }
        } catch {
            if let stop { throw stop }
            if case Archive.ArchiveError.invalidCRC32 = error { throw .damaged(part: entry.path, "its checksum does not match") }
            throw .damaged(part: entry.path, "it cannot be inflated (truncated or corrupt)")
        }
        guard out.count == Int(clamping: entry.uncompressedSize) else {
            throw .damaged(part: entry.path, "it holds \(out.count) bytes, not the \(entry.uncompressedSize) its header declares")
        }
        inflatedTotal += out.count
        return out
    }
}
