import ArgumentParser
import FolioModel
import Foundation

extension InputFormat: ExpressibleByArgument {}

/// The data file every command reads, and how it is read.
struct InputOptions: ParsableArguments {
    @Argument(help: "Data file (.yaml, .yml or .json), or - for standard input.")
    var data: String

    @Option(help: "Format of the data when it does not follow from the file extension (yaml or json).")
    var inputFormat: InputFormat?

    @Option(help: "Largest data file accepted, in MiB.")
    var maxInputSize: Int = 16

    /// Name used in messages and for default output names.
    var displayName: String { data == "-" ? "<stdin>" : (data as NSString).lastPathComponent }

    /// File name without folder and extension: "outcome4" for "Assets/samples/outcome4.yaml".
    var baseName: String {
        data == "-" ? "stdin" : ((data as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    func validate() throws {
        guard maxInputSize > 0 && maxInputSize <= 4096 else {
            throw ValidationError("--max-input-size must be between 1 and 4096 MiB")
        }
    }

    /// Reads and checks the data. Warnings are printed; errors (or warnings with `strict`) throw.
    func load(strict: Bool = false) throws -> CheckResult {
        try loadWithBytes(strict: strict).result
    }

    /// Like `load`, also handing back the bytes read (for the data fingerprint).
    func loadWithBytes(strict: Bool = false) throws -> (result: CheckResult, bytes: Data) {
        let format = try resolvedFormat()
        let limit = maxInputSize << 20
        let bytes = try read(limit: limit)
        let result = ReportLoader.check(data: bytes, fileName: displayName, format: format,
                                        options: LoadOptions(maxBytes: limit))
        let failing = strict ? result.diagnostics : result.errors
        if !failing.isEmpty {
            var lines = result.diagnostics.map(\.description)
            let errors = result.errors.count, warnings = result.warnings.count
            lines.append("folio: \(displayName) is not valid: \(errors) error\(errors == 1 ? "" : "s")"
                         + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
                         + (strict && errors == 0 ? " (--strict)" : "") + "; nothing written")
            throw Failure.data(lines)
        }
        result.warnings.forEach { printError($0.description) }
        return (result, bytes)
    }

    func resolvedFormat() throws -> InputFormat {
        if let inputFormat { return inputFormat }
        if data == "-" { throw Failure.usage("reading standard input needs --input-format yaml|json") }
        let ext = (data as NSString).pathExtension
        guard let format = InputFormat(fileExtension: ext) else {
            throw Failure.usage("cannot tell the format of \(displayName) from its extension; use .yaml, .yml or .json, or --input-format")
        }
        return format
    }

    /// Reads at most `limit + 1` bytes, so an oversized input is caught without reading it all.
    func read(limit: Int) throws -> Data {
        if data == "-" {
            let handle = FileHandle.standardInput
            do { return try handle.read(upToCount: limit + 1) ?? Data() } catch {
                throw Failure.io("cannot read standard input: \(error.localizedDescription)")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory) else {
            throw Failure.noInput("cannot open \(data): no such file")
        }
        guard !isDirectory.boolValue else { throw Failure.noInput("cannot open \(data): it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: data) else {
            throw Failure.noInput("cannot open \(data): permission denied")
        }
        defer { try? handle.close() }
        do { return try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw Failure.io("cannot read \(data): \(error.localizedDescription)")
        }
    }

    /// The date stamped into PDFs: SOURCE_DATE_EPOCH, else `--date`, else the data file's
    /// modification time, so rendering unchanged data gives an unchanged file.
    func documentDate(explicit: String?) throws -> Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch), seconds >= 0 else {
                throw Failure.usage("SOURCE_DATE_EPOCH must be a whole number of seconds, found \"\(epoch)\"")
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        if let explicit {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = explicit.count <= 10 ? [.withFullDate] : [.withInternetDateTime]
            guard let date = formatter.date(from: explicit) else {
                throw Failure.usage("--date must look like 2016-03-01 or 2016-03-01T12:00:00Z, found \"\(explicit)\"")
            }
            return date
        }
        if data != "-", let modified = try? FileManager.default.attributesOfItem(atPath: data)[.modificationDate] as? Date {
            return Date(timeIntervalSince1970: modified.timeIntervalSince1970.rounded(.down))
        }
        return Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
    }
}
