import Foundation
import ZIPFoundation

/// A deterministic ZIP in memory: the entries in the given order, every one dated `date`, so the
/// same files give the same bytes on every machine. Office files (.pptx, .xlsx) and the service's
/// ZIPs of country briefings and chart sets are all written this way.
///
/// ZIPFoundation 0.9.20 writes the entries (its fixed version and attribute fields do the rest);
/// their MS-DOS dates are then written over by `DOSDateTime`, since ZIPFoundation converts dates
/// with `gmtime`, which is not thread-safe.
public enum ZipWriter {
    /// One file of the archive.
    public struct Entry: Sendable {
        /// Path inside the ZIP, `/`-separated.
        public var path: String
        public var bytes: [UInt8]
        /// Deflated when true (XML, text, PDF); stored when false (PNG, already compressed).
        public var compressed: Bool

        public init(path: String, bytes: [UInt8], compressed: Bool) {
            self.path = path
            self.bytes = bytes
            self.compressed = compressed
        }
    }

    /// The archive could not be written.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static func archive(_ entries: [Entry], date: Date) throws(Failure) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for entry in entries {
                let bytes = entry.bytes
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: date, permissions: 0o644,
                                     compressionMethod: entry.compressed ? .deflate : .none) { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(bytes.count, start + size)])
                }
            }
            guard let data = archive.data else { throw Failure(message: "no in-memory data") }
            var bytes = [UInt8](data)
            try DOSDateTime(date).stamp(&bytes)
            return bytes
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(message: "\(error)")
        }
    }
}
