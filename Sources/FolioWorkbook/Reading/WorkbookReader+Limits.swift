import FolioArchive
extension WorkbookReader {
    /// Bounds on what a workbook may make the reader do: an `.xlsx` is a ZIP archive, and its
    /// headers can claim anything, so every limit is checked on the declared sizes before
    /// inflating and again on the bytes actually inflated.
    public struct Limits: Sendable, Equatable {
        /// The `.xlsx` file itself.
        public var maxFileBytes: Int
        /// Entries in the archive (a workbook has a dozen or so).
        public var maxEntries = 1000
        /// One part once inflated.
        public var maxPartBytes = 50 << 20
        /// All parts read, once inflated.
        public var maxTotalBytes = 100 << 20
        /// Most bytes a part may inflate to per compressed byte; zip bombs reach thousands.
        public var maxCompressionRatio = 100
        /// Parts smaller than this are not held to the ratio (tiny parts compress very well).
        public var ratioGraceBytes = 100 << 10
        /// Rows with values in one sheet.
        public var maxRows = 100_000
        /// Cells with values in one sheet.
        public var maxCells = 1_000_000
        /// Entries of the shared string table.
        public var maxSharedStrings = 1_000_000

        public init(maxFileBytes: Int = 16 << 20) {
            self.maxFileBytes = maxFileBytes
        }

        /// The limits of the archive around the sheets.
        var archive: PackageArchive.Limits {
            PackageArchive.Limits(maxFileBytes: maxFileBytes, maxEntries: maxEntries, maxPartBytes: maxPartBytes,
                                  maxTotalBytes: maxTotalBytes, maxCompressionRatio: maxCompressionRatio, ratioGraceBytes: ratioGraceBytes)
        }
    }
}
