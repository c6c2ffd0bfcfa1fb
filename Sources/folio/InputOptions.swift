import ArgumentParser
import FolioBuild
import FolioModel
import Foundation

extension InputFormat: ExpressibleByArgument {}
extension IATICountRule: ExpressibleByArgument {}

/// The data every command reads, and how it is read: one YAML, JSON or IATI XML file, an Excel
/// workbook, standard input, or a CSV folder (indicators.csv, countries.csv, report.yaml).
struct InputOptions: ParsableArguments {
    @Argument(help: "Data: a .yaml, .yml or .json file, an IATI activity file (.xml), an Excel workbook (.xlsx: sheets indicators, countries, report), a CSV folder (indicators.csv, countries.csv, report.yaml), or - for standard input.")
    var data: String

    @Option(help: "Format of the data when it does not follow from the path (yaml, json, iati, xlsx, or csv for a folder).")
    var inputFormat: InputFormat?

    @Option(name: .customLong("regions"), help: ArgumentHelp(
        "IATI data: the region table recipient countries are grouped by (YAML; default: the UN M49 regions).", valueName: "file"))
    var regionTable: String?

    @Option(help: ArgumentHelp("IATI data: list the countries whose actual meets the target in a period (achieved), or every country reporting an actual (reported).",
                               valueName: "achieved|reported"))
    var iatiCount: IATICountRule = .achieved

    @Option(help: "Largest data file accepted, in MiB (in a CSV folder: each file).")
    var maxInputSize: Int = 16

    /// Whether DATA names an existing folder: a CSV folder.
    var isFolder: Bool {
        guard data != "-" else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Name used in messages and for default output names.
    var displayName: String {
        if data == "-" { return "<stdin>" }
        // "." and "data/" name folders too.
        if isFolder { return URL(fileURLWithPath: data).standardizedFileURL.lastPathComponent }
        return (data as NSString).lastPathComponent
    }

    /// File name without folder and extension: "outcome4" for "Assets/samples/outcome4.yaml";
    /// a folder's whole name.
    var baseName: String {
        if data == "-" { return "stdin" }
        if isFolder { return displayName }
        return ((data as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    func validate() throws {
        guard maxInputSize > 0 && maxInputSize <= 4096 else {
            throw ValidationError("--max-input-size must be between 1 and 4096 MiB")
        }
    }

    /// Reads and checks the data. Warnings are printed; errors (or warnings with `strict`) throw.
    func load(strict: Bool = false) throws -> CheckResult {
        try loadWithFingerprint(strict: strict).result
    }

    /// Like `load`, also handing back the `DataFingerprint` of what was read.
    func loadWithFingerprint(strict: Bool = false) throws -> (result: CheckResult, fingerprint: String) {
        let source = try readSource()
        let result = source.check()
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
        return (result, source.fingerprint)
    }

    /// The data read into memory, checkable as often as needed (`bench` times `check()`).
    struct Source {
        /// The `DataFingerprint` of the file or folder read.
        var fingerprint: String
        fileprivate var checkData: () -> CheckResult

        func check() -> CheckResult { checkData() }
    }

    /// Reads the data once, without checking it.
    func readSource() throws -> Source {
        let format = try resolvedFormat()
        let limit = maxInputSize << 20
        let options = LoadOptions(maxBytes: limit, regionTable: try regions(limit: limit), iatiCount: iatiCount)
        let name = displayName
        guard format == .csv else {
            let bytes = try read(limit: limit)
            return Source(fingerprint: DataFingerprint.file(bytes)) { ReportLoader.check(data: bytes, fileName: name, format: format, options: options) }
        }
        let files = try readFolder(limit: limit)
        return Source(fingerprint: DataFingerprint.folder(files)) {
            var result = ReportLoader.checkCSV(files: files, defaultTitle: name, options: options)
            // "q3/indicators.csv:4:6: ...": the folder's name as the file's is used for YAML.
            result.diagnostics = result.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.file = name + "/" + diagnostic.file
                return diagnostic
            }
            return result
        }
    }

    func resolvedFormat() throws -> InputFormat {
        if let inputFormat {
            if inputFormat == .csv {
                if data == "-" { throw Failure.usage("CSV data is a folder of files; it cannot be read from standard input") }
                if !isFolder {
                    guard FileManager.default.fileExists(atPath: data) else { throw Failure.noInput("cannot open \(data): no such folder") }
                    throw Failure.usage("--input-format csv reads a folder (indicators.csv, countries.csv, report.yaml); \(data) is a file")
                }
            } else if isFolder {
                throw Failure.noInput("cannot open \(data): it is a folder (a CSV folder needs no --input-format)")
            }
            return inputFormat
        }
        if data == "-" { throw Failure.usage("reading standard input needs --input-format yaml|json|iati|xlsx") }
        if isFolder { return .csv }
        let ext = (data as NSString).pathExtension
        guard let format = InputFormat(fileExtension: ext) else {
            if !FileManager.default.fileExists(atPath: data) { throw Failure.noInput("cannot open \(data): no such file or folder") }
            // A workbook saved without its extension is still recognisable by its contents.
            if let head = FileHandle(forReadingAtPath: data).flatMap({ try? $0.read(upToCount: 1 << 16) }),
               let detected = InputFormat(contents: head) {
                return detected
            }
            throw Failure.usage("cannot tell the format of \(displayName) from its extension; use .yaml, .yml, .json, .xml (IATI) "
                                + "or .xlsx, a CSV folder, or --input-format")
        }
        if format == .csv, FileManager.default.fileExists(atPath: data) {
            let folder = (data as NSString).deletingLastPathComponent
            throw Failure.usage("\(displayName) is one file of a CSV folder; give the folder (\(folder.isEmpty ? "." : folder)) instead")
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
        if isDirectory.boolValue { throw Failure.noInput("cannot open \(data): it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: data) else {
            throw Failure.noInput("cannot open \(data): permission denied")
        }
        defer { try? handle.close() }
        do { return try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw Failure.io("cannot read \(data): \(error.localizedDescription)")
        }
    }

    /// The table given with `--regions`, read and checked; nil for the UN M49 regions Folio ships.
    private func regions(limit: Int) throws -> RegionTable? {
        guard let regionTable else { return nil }
        guard let handle = FileHandle(forReadingAtPath: regionTable) else {
            throw Failure.noInput("cannot open \(regionTable): no such file")
        }
        defer { try? handle.close() }
        let bytes: Data
        do { bytes = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw Failure.io("cannot read \(regionTable): \(error.localizedDescription)")
        }
        do {
            return try RegionTable(data: bytes, fileName: (regionTable as NSString).lastPathComponent, maxBytes: limit)
        } catch {
            throw Failure.data([error.description, "folio: region table \(regionTable) is not valid; nothing written"])
        }
    }

    /// The files of the CSV folder DATA, each read up to `limit + 1` bytes.
    private func readFolder(limit: Int) throws -> [String: Data] {
        do {
            return try ReportLoader.readCSVFolder(URL(fileURLWithPath: data, isDirectory: true), maxBytes: limit)
        } catch let error as CSVFolderError {
            throw Failure.noInput(error.description)
        }
    }

    /// The date stamped into PDFs, by `DocumentDate`'s rule: `--date`, else SOURCE_DATE_EPOCH, else the
    /// data file's modification time, so rendering unchanged data gives an unchanged file.
    func documentDate(explicit: String?) throws -> Date {
        let policy = try DocumentDate(explicit: explicit.map { try DocumentDate.parse($0, setting: "--date") })
        return policy.resolved { DocumentDate.wholeSeconds((data != "-" ? modificationDate() : nil) ?? Date()) }
    }

    /// The data file's modification time; for a CSV folder, that of its newest data file.
    private func modificationDate() -> Date? {
        func modified(_ path: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        guard isFolder else { return modified(data) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: data)) ?? []
        let dates = names.filter { ReportLoader.csvFolderFiles.contains($0.lowercased()) }
            .compactMap { modified((data as NSString).appendingPathComponent($0)) }
        return dates.max() ?? modified(data)
    }
}
