import FolioArchive
extension WorkbookReader {
    /// Why a workbook cannot be read, naming the part of the archive or the sheet and cell, in words
    /// a spreadsheet user can act on. The caller puts the file name in front.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Not a ZIP archive at all (an encrypted workbook or an old .xls is an OLE2 file).
        case notAnArchive(String)
        case fileTooLarge(bytes: Int, limit: Int)
        case tooManyEntries(limit: Int)
        /// An entry name that could point outside the archive (`..`, a leading `/`, a backslash) or is repeated.
        case unsafePartName(String)
        case duplicatePart(String)
        /// A part inflates beyond `limit` bytes.
        case partTooLarge(part: String, limit: Int)
        /// A part inflates to more than `limit` bytes per compressed byte: a zip bomb.
        case compressionRatio(part: String, ratio: Int, limit: Int)
        case totalTooLarge(limit: Int)
        /// The archive or one of its entries is damaged (truncated, bad checksum, size not as declared).
        case damaged(part: String?, String)
        case missingPart(String)
        /// A ZIP archive, but not an Excel workbook Folio reads (another Office file, Strict Open XML, …).
        case notAWorkbook(String)
        /// A macro-enabled workbook (.xlsm) or one carrying a VBA project.
        case macros(String)
        /// A reference to something outside the workbook (another workbook, a data connection, a web address):
        /// never followed, so the workbook is refused rather than read with values that may be stale.
        case externalReference(part: String, String)
        /// An XML part that is not well-formed, or that declares a DOCTYPE or entities.
        case xml(part: String, line: Int, String)
        /// A problem with one cell, or with a sheet as a whole (`cell` nil).
        case cell(sheet: String, cell: CellReference?, String)
        case duplicateSheet(String)

        public var description: String {
            switch self {
            case .notAnArchive(let reason): return reason
            case .fileTooLarge(let bytes, let limit):
                return "file is \(Self.megabytes(bytes)), larger than the limit of \(Self.megabytes(limit))"
            case .tooManyEntries(let limit): return "the archive has more than \(limit) entries; a workbook has a few dozen"
            case .unsafePartName(let name): return "zip entry \"\(Self.clipped(name))\" has an unsafe name (.., a leading / or a backslash)"
            case .duplicatePart(let name): return "zip entry \"\(Self.clipped(name))\" is in the archive twice"
            case .partTooLarge(let part, let limit): return "zip entry \(Self.clipped(part)) expands beyond \(Self.megabytes(limit))"
            case .compressionRatio(let part, let ratio, let limit):
                return "zip entry \(Self.clipped(part)) expands more than \(limit) times its compressed size (ratio 1:\(ratio)): a zip bomb?"
            case .totalTooLarge(let limit): return "the workbook's parts expand beyond \(Self.megabytes(limit)) in all"
            case .damaged(let part, let reason):
                return (part.map { "zip entry \(Self.clipped($0)) is damaged: " } ?? "the ZIP archive is damaged: ") + reason
            case .missingPart(let part): return "the workbook has no part \(Self.clipped(part))"
            case .notAWorkbook(let reason): return "not an Excel workbook (.xlsx): " + reason
            case .macros(let reason): return "macro-enabled workbooks are not read (\(reason)); save it as an Excel Workbook (.xlsx)"
            case .externalReference(let part, let what):
                return "\(Self.clipped(part)): \(what); Folio never follows references outside the file, so it does not read "
                    + "such a workbook (copy the values into it and remove the link)"
            case .xml(let part, let line, let message): return "\(Self.clipped(part)):\(line): \(message)"
            case .cell(let sheet, let cell, let message): return sheet + (cell.map { "!\($0)" } ?? "") + ": " + message
            case .duplicateSheet(let name): return "two sheets are named \"\(name)\""
            }
        }

        /// The message without the sheet and cell (`location` has them).
        public var reason: String {
            if case let .cell(_, _, message) = self { return message }
            return description
        }

        /// Where the failure is, in the form messages use: `indicators!C12`, `indicators`, or nil for the file
        /// or a part of the archive.
        public var location: (sheet: String, cell: CellReference?)? {
            if case let .cell(sheet, cell, _) = self { return (sheet, cell) }
            return nil
        }

        static func megabytes(_ bytes: Int) -> String {
            bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
        }

        /// Part names come from the file: a hostile one cannot flood a message.
        static func clipped(_ name: String) -> String {
            name.count > 120 ? String(name.prefix(120)) + "…" : name
        }
    }
}

extension WorkbookReader.Failure {
    /// The archive's failure in a workbook reader's words.
    init(_ failure: PackageArchive.Failure) {
        switch failure {
        case .legacyOrEncrypted:
            self = .notAnArchive("an encrypted (password-protected) workbook or an old Excel 97-2003 .xls file; "
                                 + "save it as an Excel Workbook (.xlsx) without a password")
        case .notZip: self = .notAnArchive("not an Excel workbook: an .xlsx file is a ZIP archive, and this file is not one")
        case .unreadable: self = .damaged(part: nil, "it cannot be opened (truncated, or not a complete ZIP archive)")
        case .empty: self = .damaged(part: nil, "it has no entries")
        case .fileTooLarge(let bytes, let limit): self = .fileTooLarge(bytes: bytes, limit: limit)
        case .tooManyEntries(let limit): self = .tooManyEntries(limit: limit)
        case .unsafePartName(let name): self = .unsafePartName(name)
        case .duplicatePart(let name): self = .duplicatePart(name)
        case .partTooLarge(let part, let limit): self = .partTooLarge(part: part, limit: limit)
        case .compressionRatio(let part, let ratio, let limit): self = .compressionRatio(part: part, ratio: ratio, limit: limit)
        case .totalTooLarge(let limit): self = .totalTooLarge(limit: limit)
        case .damaged(let part, let reason): self = .damaged(part: part, reason)
        case .missingPart(let part): self = .missingPart(part)
        }
    }
}

extension PackageArchive {
    /// The part's bytes, or the reason in a workbook reader's words.
    mutating func part(_ name: String) throws(WorkbookReader.Failure) -> [UInt8] {
        do { return try bytes(of: name) } catch { throw WorkbookReader.Failure(error) }
    }
}
