import Foundation

/// Loads and validates report files: the `check` step behind the CLI and the HTTP service.
public enum ReportLoader {
    /// Never traps and never runs unbounded on any input: every problem comes back as a diagnostic.
    public static func check(data: Data, fileName: String, format: InputFormat,
                             options: LoadOptions = LoadOptions()) -> CheckResult {
        let sink = DiagnosticSink(file: fileName)
        guard data.count <= options.maxBytes else {
            sink.error("file is larger than the limit of \(byteCount(options.maxBytes))", at: .start)
            return CheckResult(report: nil, diagnostics: sink.sorted, isUnreadable: true)
        }
        // Parsing, validation and freeing the trees all recurse as deep as the document nests.
        let loaded = LargeStack.run { () -> Loaded in
            data.withUnsafeBytes { raw in
                load(raw.bindMemory(to: UInt8.self), format: format, options: options, sink: sink)
            }
        }
        guard case .validated(let report) = loaded else {
            return CheckResult(report: nil, diagnostics: sink.sorted, isUnreadable: true)
        }
        return CheckResult(report: sink.errorCount == 0 ? report : nil, diagnostics: sink.sorted)
    }

    /// How far a file got: not readable as data at all, or through the validator (which may still
    /// have found errors).
    private enum Loaded {
        case unreadable
        case validated(Report?)
    }

    private static func load(_ bytes: UnsafeBufferPointer<UInt8>, format: InputFormat, options: LoadOptions,
                             sink: DiagnosticSink) -> Loaded {
        if let encoding = UTF8Validation.foreignByteOrderMark(bytes) {
            sink.error("file is not UTF-8 (it starts with a \(encoding) byte order mark); save it as UTF-8", at: .start)
            return .unreadable
        }
        if let offset = UTF8Validation.firstInvalidOffset(bytes) {
            let byte = "0x" + String(bytes[offset], radix: 16, uppercase: true)
            sink.error("file is not valid UTF-8 (byte \(byte) at byte offset \(offset))",
                       at: UTF8Validation.position(ofByteOffset: offset, in: bytes))
            return .unreadable
        }
        let root: SourceNode?
        do {
            switch format {
            case .yaml:
                // Yams fixes libyaml's encoding to UTF-8, and libyaml then reads a BOM as content.
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
                if YAMLSource.isBlank(body) {
                    root = nil
                } else {
                    root = try YAMLSource.parse(String(decoding: body, as: UTF8.self), bytes: body, maxNodes: options.maxNodes)
                }
            case .json:
                root = try JSONSource.parse(bytes, maxNodes: options.maxNodes)
            case .csv:
                throw ParseFailure(position: .start, message: "CSV data is a folder of files (indicators.csv, countries.csv, "
                                   + "report.yaml), not one file; check it with checkCSV")
            }
        } catch let failure as ParseFailure {
            sink.error(failure.message, at: failure.position)
            return .unreadable
        } catch {
            sink.error("could not read the file", at: .start)
            return .unreadable
        }
        // A YAML stream of only `---` holds one empty document: as empty as no document at all.
        guard let root, !(root.isNull && root.scalar?.text == "") else {
            sink.error("file is empty", at: .start)
            return .unreadable
        }
        var validator = ReportValidator(sink: sink)
        return .validated(validator.report(from: root))
    }

    /// "16 MiB" rather than "16777216 bytes", as limits are usually set in round binary units.
    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
