import FolioArchive

/// The parts of an organisation's .pptx/.potx, read strictly by `PackageArchive`: the file is
/// someone else's, so its size, entry count, each entry's size and compression ratio are bounded
/// before and while anything is inflated, and no part name may leave the package.
enum TemplateArchive {
    static let limits = PackageArchive.Limits(maxFileBytes: 100 << 20, maxEntries: 5_000, maxPartBytes: 100 << 20,
                                              maxTotalBytes: 300 << 20)

    static func parts(of bytes: [UInt8], file: String) throws(DeckTemplateError) -> [String: [UInt8]] {
        do {
            var archive = try PackageArchive(bytes, limits: limits)
            var parts: [String: [UInt8]] = [:]
            for name in archive.partNames { parts[name] = try archive.bytes(of: name) }
            return parts
        } catch {
            throw .unusable(file, reason(error))
        }
    }

    /// The archive's failure in a template reader's words.
    static func reason(_ failure: PackageArchive.Failure) -> String {
        func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
        switch failure {
        case .legacyOrEncrypted: return "an encrypted or legacy (.ppt/.pot) file, not an Office Open XML package"
        case .notZip: return "not a ZIP package"
        case .unreadable: return "not a readable ZIP package"
        case .empty: return "an empty ZIP package"
        case .fileTooLarge: return "larger than " + megabytes(limits.maxFileBytes)
        case .tooManyEntries(let limit): return "more than \(limit) entries"
        case .unsafePartName(let name): return "entry name \"\(name)\" points outside the package"
        case .duplicatePart(let name): return "entry \(name) appears twice"
        case .partTooLarge(let part, let limit): return "entry \(part) inflates beyond " + megabytes(limit)
        case .compressionRatio(let part, _, let limit): return "entry \(part) is compressed more than \(limit) to 1 (a zip bomb?)"
        case .totalTooLarge(let limit): return "inflates beyond " + megabytes(limit)
        case .damaged(let part, let reason): return "entry \(part) cannot be read: \(reason)"
        case .missingPart(let part): return "no entry \(part)"
        }
    }
}
