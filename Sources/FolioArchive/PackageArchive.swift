import Foundation
import ZIPFoundation

/// The parts of an Office Open XML package (a ZIP archive: .xlsx, .pptx, .potx) that someone else
/// made, read under `Limits`.
///
/// The central directory is checked first (entry count, names, declared sizes and ratios); then
/// each part is inflated in chunks, counting the bytes that actually come out, so a header that
/// lies about its size stops the inflating at the limit instead of filling memory. Callers turn a
/// `Failure` into their own words ("not an Excel workbook", "not a usable PowerPoint template").
public struct PackageArchive {
    public struct Limits: Sendable, Equatable {
        /// The package file itself.
        public var maxFileBytes: Int
        /// Entries in the archive.
        public var maxEntries: Int
        /// One part once inflated.
        public var maxPartBytes: Int
        /// All parts read, once inflated.
        public var maxTotalBytes: Int
        /// Most bytes a part may inflate to per compressed byte; zip bombs reach thousands.
        public var maxCompressionRatio: Int
        /// Parts smaller than this are not held to the ratio (tiny parts compress very well).
        public var ratioGraceBytes: Int

        public init(maxFileBytes: Int, maxEntries: Int, maxPartBytes: Int, maxTotalBytes: Int,
                    maxCompressionRatio: Int = 100, ratioGraceBytes: Int = 100 << 10) {
            self.maxFileBytes = maxFileBytes
            self.maxEntries = maxEntries
            self.maxPartBytes = maxPartBytes
            self.maxTotalBytes = maxTotalBytes
            self.maxCompressionRatio = maxCompressionRatio
            self.ratioGraceBytes = ratioGraceBytes
        }
    }

    public enum Failure: Error, Equatable {
        /// An OLE compound file: an encrypted (password-protected) Office file or a pre-2007 one.
        case legacyOrEncrypted
        /// Not a ZIP archive at all.
        case notZip
        /// A ZIP signature, but no archive that can be opened (truncated, no central directory).
        case unreadable
        case empty
        case fileTooLarge(bytes: Int, limit: Int)
        case tooManyEntries(limit: Int)
        /// A name with a `..` segment, a leading `/`, a drive, a backslash or a NUL.
        case unsafePartName(String)
        case duplicatePart(String)
        case partTooLarge(part: String, limit: Int)
        case compressionRatio(part: String, ratio: Int, limit: Int)
        case totalTooLarge(limit: Int)
        /// A part that cannot be inflated, fails its checksum or is not the size it declares.
        case damaged(part: String, String)
        case missingPart(String)
    }

    private let archive: Archive
    private let limits: Limits
    /// Part name (without a leading `/`, lowercased: OPC part names ignore case) → entry.
    private let entries: [String: Entry]
    private var inflatedTotal = 0

    public init(_ bytes: [UInt8], limits: Limits) throws(Failure) {
        self.limits = limits
        guard bytes.count <= limits.maxFileBytes else { throw .fileTooLarge(bytes: bytes.count, limit: limits.maxFileBytes) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .legacyOrEncrypted }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw .notZip }
        try ZipStructure.check(bytes)
        let opened: Archive
        do { opened = try Archive(data: Data(bytes), accessMode: .read) } catch { throw .unreadable }
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
        guard count > 0 else { throw .empty }
        entries = found
    }

    /// A relative name inside the archive: no `..` segment, no leading `/` or drive, no backslash or NUL.
    public static func isSafe(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.contains("\0"), !name.contains(":") else { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    private static func checkDeclared(_ entry: Entry, limits: Limits) throws(Failure) {
        let size = Int(clamping: entry.uncompressedSize), packed = max(1, Int(clamping: entry.compressedSize))
        guard size <= limits.maxPartBytes else { throw .partTooLarge(part: entry.path, limit: limits.maxPartBytes) }
        if size > limits.ratioGraceBytes, size / packed > limits.maxCompressionRatio {
            throw .compressionRatio(part: entry.path, ratio: size / packed, limit: limits.maxCompressionRatio)
        }
    }

    public func contains(_ part: String) -> Bool { entries[part.lowercased()] != nil }

    /// Names of the parts, as written in the archive.
    public var partNames: [String] { entries.values.map(\.path).sorted() }

    /// The part's bytes, inflated under the limits; a missing part is `.missingPart`.
    public mutating func bytes(of part: String) throws(Failure) -> [UInt8] {
        guard let entry = entries[part.lowercased()] else { throw .missingPart(part) }
        let packed = max(1, Int(clamping: entry.compressedSize))
        var out: [UInt8] = []
        out.reserveCapacity(min(Int(clamping: entry.uncompressedSize), limits.maxPartBytes))
        var stop: Failure?
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
