import Foundation

/// The first steps every input file takes, whatever its syntax and whoever reads it (reports,
/// the files of a CSV folder, style sheets, build files): the size limit, the encoding, then the
/// parse into a tree of positioned nodes (or, for CSV, positioned records). The model is then read
/// from the nodes (`ReportValidator`, `CSVReportBuilder`, `YAMLTree`), which validates as it goes.
///
/// Every problem is a `ParseFailure` placed in `file` (an index into the check's file names).
enum SourceDocument {
    enum Syntax {
        case yaml, json
    }

    /// The document's root, or nil when the file holds no document (only blank lines and comments).
    static func tree(_ data: Data, syntax: Syntax, file: Int, options: LoadOptions) throws(ParseFailure) -> SourceNode? {
        try checkSize(data, file: file, options: options)
        let result: Result<SourceNode?, ParseFailure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ParseFailure) {
                try checkEncoding(bytes, file: file)
                switch syntax {
                case .json:
                    return .success(try JSONSource.parse(bytes, file: file, maxNodes: options.maxNodes))
                case .yaml:
                    // Yams fixes libyaml's encoding to UTF-8, and libyaml then reads a BOM as content.
                    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
                    if YAMLSource.isBlank(body) { return .success(nil) }
                    return .success(try YAMLSource.parse(String(decoding: body, as: UTF8.self), bytes: body, file: file,
                                                         maxNodes: options.maxNodes))
                }
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// A CSV file's records. Its fields are checked for UTF-8 as they are read, so a bad byte is
    /// placed at its record's line and its field number like every other CSV problem.
    static func table(_ data: Data, file: Int, options: LoadOptions) throws(ParseFailure) -> CSVTable {
        try checkSize(data, file: file, options: options)
        let result: Result<CSVTable, ParseFailure> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(ParseFailure) {
                try checkByteOrderMark(bytes, file: file)
                return .success(try CSVTable.parse(bytes, file: file, maxCells: options.maxNodes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// No document, or a YAML stream of only `---` (one empty document, as empty as none).
    static func isEmpty(_ root: SourceNode?) -> Bool {
        guard let root else { return true }
        return root.isNull && root.scalar?.text == ""
    }

    // MARK: Checks before parsing

    private static func checkSize(_ data: Data, file: Int, options: LoadOptions) throws(ParseFailure) {
        guard data.count > options.maxBytes else { return }
        throw ParseFailure(position: .start(of: file), message: "file is larger than the limit of \(byteCount(options.maxBytes))")
    }

    private static func checkByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>, file: Int) throws(ParseFailure) {
        guard let encoding = UTF8Validation.foreignByteOrderMark(bytes) else { return }
        throw ParseFailure(position: .start(of: file),
                           message: "file is not UTF-8 (it starts with a \(encoding) byte order mark); save it as UTF-8")
    }

    private static func checkEncoding(_ bytes: UnsafeBufferPointer<UInt8>, file: Int) throws(ParseFailure) {
        try checkByteOrderMark(bytes, file: file)
        guard let offset = UTF8Validation.firstInvalidOffset(bytes) else { return }
        var position = UTF8Validation.position(ofByteOffset: offset, in: bytes)
        position.file = file
        throw ParseFailure(position: position, message: UTF8Validation.invalidByteMessage(bytes[offset], offset: offset))
    }

    /// "16 MiB" rather than "16777216 bytes", as limits are usually set in round binary units.
    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
