import Foundation

/// A deterministic ZIP in memory, for any caller that bundles files (the service's ZIPs of country
/// briefings and chart sets): the entries in the given order, every one dated `date`, so the same
/// files give the same bytes on every machine. The .pptx container is written the same way.
public enum ZipWriter {
    /// One file of the archive.
    public struct Entry: Sendable {
        /// Path inside the ZIP, `/`-separated.
        public var path: String
        public var bytes: [UInt8]
        /// Deflated when true (text, PDF); stored when false (PNG, already compressed).
        public var compressed: Bool

        public init(path: String, bytes: [UInt8], compressed: Bool) {
            self.path = path
            self.bytes = bytes
            self.compressed = compressed
        }
    }

    public static func archive(_ entries: [Entry], date: Date) throws -> [UInt8] {
        try DeckArchive.zip(entries.map { DeckPart(path: $0.path, bytes: $0.bytes, compressed: $0.compressed) }, date: date)
    }
}
