import Foundation
import ZIPFoundation

/// One file of the package, at its path inside the ZIP.
struct DeckPart {
    var path: String
    var bytes: [UInt8]
    /// Deflated when true (XML); stored when false (PNG, already compressed).
    var compressed: Bool
}

/// Writes parts into a ZIP in memory, in the given order, every entry dated `date`: nothing in the
/// container depends on the clock, the time zone or the file system. ZIPFoundation 0.9.20 writes the
/// entries (its fixed version and attribute fields do the rest); their MS-DOS dates are then written
/// over by `DOSDateTime`, since ZIPFoundation converts dates with `gmtime`, which is not thread-safe.
enum DeckArchive {
    static func zip(_ parts: [DeckPart], date: Date) throws -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = part.bytes
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: date, permissions: 0o644,
                                     compressionMethod: part.compressed ? .deflate : .none) { position, size in
                    let start = Int(position)
                    return Data(bytes[start..<min(bytes.count, start + size)])
                }
            }
            guard let data = archive.data else { throw SlideDeckError.archive("no in-memory data") }
            var bytes = [UInt8](data)
            try DOSDateTime(date).stamp(&bytes)
            return bytes
        } catch let error as SlideDeckError {
            throw error
        } catch {
            throw SlideDeckError.archive("\(error)")
        }
    }
}
