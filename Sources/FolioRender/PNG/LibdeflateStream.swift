import CLibdeflate

/// The zlib stream of the IDAT data from libdeflate: every filtered row in one buffer, compressed in
/// one call (`libdeflate_zlib_compress`). Not the encoder's choice: kept so the comparison in
/// Docs/png-encoder.md can be re-run (`PNGEncoder.Options.libdeflateLevel`).
///
/// Why one call: libdeflate has no streaming interface and no preset dictionary, and always ends its
/// output with a final block, so one call cannot continue a stream another began (zlib's strips do,
/// with deflateSetDictionary and Z_SYNC_FLUSH). Strips on several cores would need the last block
/// of each piece found by decoding it, to clear its BFINAL bit.
///
/// Deterministic: one call, no threads; the same libdeflate version gives the same bytes.
struct LibdeflateStream {
    let source: SourceImage
    let layout: RowLayout
    let filter: PNGEncoder.RowFilter
    /// libdeflate's level, 1…12.
    let level: Int32

    func stream() -> [UInt8] {
        let lineLength = layout.rowBytes + 1
        let total = lineLength * source.height
        let data = UnsafeMutablePointer<UInt8>.allocate(capacity: total)
        defer { data.deallocate() }
        var rows = RowFilterer(source: source, layout: layout, filter: filter)
        defer { rows.deallocate() }
        for y in 0..<source.height {
            (data + y * lineLength).update(from: rows.filtered(row: y), count: lineLength)
        }
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate could not allocate a level \(level) compressor")
        }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_zlib_compress_bound(compressor, total)
        return [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            count = libdeflate_zlib_compress(compressor, data, total, out.baseAddress, bound)
            precondition(count > 0, "libdeflate's bound was too small")
        }
    }
}
