import FolioLayout
import FolioModel
import Foundation

// One libFuzzer target for every input Folio reads; FOLIO_FUZZ_FORMAT picks which:
//
//   yaml   the input is a report file:  ReportLoader.check(format: .yaml)
//   json   the input is a report file:  ReportLoader.check(format: .json)
//   csv    the input is a CSV folder, its files split at NUL bytes: indicators.csv, then
//          countries.csv, then report.yaml (report.json when it starts with "{")
//   xlsx   the input is an Excel workbook: ReportLoader.check(format: .xlsx), the ZIP and XML
//          reader included
//   style  the input is a style sheet:  StyleSheet.load, `extends` resolved in FOLIO_STYLES
//
// A crash, a trap, an ASan report or a run over -timeout is a finding. Beyond not crashing, each
// run checks what the API promises: a report comes back exactly when there is no error, and every
// diagnostic has a position. With FOLIO_FUZZ_ROUNDTRIP=1, a report that loads is also written back
// (JSON, YAML, CSV folder) and must load again unchanged.

enum Format: String {
    case yaml, json, csv, xlsx, style
}

/// Read once: the environment does not change between runs.
private let format: Format = {
    let name = ProcessInfo.processInfo.environment["FOLIO_FUZZ_FORMAT"] ?? ""
    guard let format = Format(rawValue: name) else {
        fputs("folio-fuzz: set FOLIO_FUZZ_FORMAT to yaml, json, csv, xlsx or style (got \"\(name)\")\n", stderr)
        exit(2)
    }
    return format
}()

private let roundTrip = ProcessInfo.processInfo.environment["FOLIO_FUZZ_ROUNDTRIP"] == "1"

/// The shipped style sheets, which fuzzed sheets may extend.
private let stylesDirectory: URL = {
    if let path = ProcessInfo.processInfo.environment["FOLIO_STYLES"], !path.isEmpty {
        return URL(fileURLWithPath: path, isDirectory: true)
    }
    // Fuzz/Sources/FolioFuzz/FuzzTarget.swift → Styles/
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Styles", isDirectory: true)
}()

/// Each run's style sheet is written here (tmpfs when there is one), one folder per process so
/// that parallel fuzzers (-jobs/-workers) do not share it; removed when the process exits normally.
private let styleFolder: URL = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let folder = URL(fileURLWithPath: base).appendingPathComponent("folio-fuzz-\(getpid())", isDirectory: true)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: styleFolder) }
    return folder
}()

private let styleFile = styleFolder.appendingPathComponent("fuzz.yaml")

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = format
    if format == .style {
        guard FileManager.default.fileExists(atPath: stylesDirectory.appendingPathComponent("default.yaml").path) else {
            fputs("folio-fuzz: no default.yaml in \(stylesDirectory.path); set FOLIO_STYLES\n", stderr)
            exit(2)
        }
        _ = styleFile
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = count == 0 || bytes == nil ? Data() : Data(bytes: bytes!, count: count)
    switch format {
    case .yaml: checkReport(data, .yaml)
    case .json: checkReport(data, .json)
    case .csv: checkCSV(data)
    case .xlsx: checkReport(data, .xlsx)
    case .style: checkStyle(data)
    }
    return 0
}

// MARK: Reports

private func checkReport(_ data: Data, _ format: InputFormat) {
    let result = ReportLoader.check(data: data, fileName: "fuzz.\(format.rawValue)", format: format)
    verify(result, files: ["fuzz.\(format.rawValue)"])
    if roundTrip, let report = result.report { checkRoundTrip(report) }
}

/// The writers promise output that loads back to the same report, in every format.
private func checkRoundTrip(_ report: Report) {
    let json = ReportJSONWriter.json(report)
    let again = ReportLoader.check(data: Data(json.utf8), fileName: "again.json", format: .json)
    compare(report, again, written: json, as: "JSON")
    // Known, not fixed here: Yams reads every scalar through Foundation's String(bytes:encoding:),
    // which drops a leading U+FEFF, so YAML (and a CSV folder's report.yaml) cannot carry text that
    // starts with one; JSON and CSV cells keep it. Such reports are only round-tripped through JSON.
    guard !json.utf8.containsSequence([0x22, 0xEF, 0xBB, 0xBF]) else { return }
    let yaml = ReportYAMLWriter.yaml(report)
    compare(report, ReportLoader.check(data: Data(yaml.utf8), fileName: "again.yaml", format: .yaml), written: yaml, as: "YAML")
    let files = ReportCSVWriter.files(report)
    compare(report, ReportLoader.checkCSV(files: files.mapValues { Data($0.utf8) }),
            written: files.sorted { $0.key < $1.key }.map { "== \($0.key)\n\($0.value)" }.joined(), as: "CSV")
}

private func compare(_ report: Report, _ again: CheckResult, written: String, as name: String) {
    guard again.report != report else { return }
    fail("the report written as \(name) loads \(again.report == nil ? "with errors" : "differently"):\n"
         + again.diagnostics.map(\.description).joined(separator: "\n") + "\n--- written:\n" + written)
}

private func checkCSV(_ data: Data) {
    let parts = data.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    var files = ["indicators.csv": Data(parts[0])]
    if parts.count > 1 { files["countries.csv"] = Data(parts[1]) }
    if parts.count > 2 {
        let report = Data(parts[2])
        files[report.first == UInt8(ascii: "{") ? "report.json" : "report.yaml"] = report
    }
    let result = ReportLoader.checkCSV(files: files, defaultTitle: "fuzz")
    if roundTrip, let report = result.report { checkRoundTrip(report) }
    // A missing countries.csv or report.yaml is named too (warnings that the file is not there).
    verify(result, files: ReportLoader.csvFolderFiles)
}

/// What `check` promises on every input, not only that it returns.
private func verify(_ result: CheckResult, files: [String]) {
    if (result.report != nil) != result.errors.isEmpty {
        fail("report is \(result.report == nil ? "nil" : "set") with \(result.errors.count) errors")
    }
    for diagnostic in result.diagnostics {
        guard diagnostic.line >= 1, diagnostic.column >= 1, files.contains(diagnostic.file), !diagnostic.message.isEmpty else {
            fail("malformed diagnostic: \(diagnostic)")
        }
    }
}

// MARK: Style sheets

private func checkStyle(_ data: Data) {
    do {
        try data.write(to: styleFile)
    } catch {
        fail("cannot write \(styleFile.path): \(error)")
    }
    // Shipped sheets by name, "fuzz" for the sheet itself (a cycle); never a path, so a fuzzed
    // `extends` cannot make the fuzzer read arbitrary files.
    let resolve = { (name: String) -> URL? in
        if name == "fuzz" { return styleFile }
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { return nil }
        let url = stylesDirectory.appendingPathComponent(name + ".yaml")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
    do {
        let loaded = try StyleSheet.load(styleFile, resolve: resolve, availableFamilies: ["Noto Sans", "Noto Sans Arabic"])
        for diagnostic in loaded.warnings where diagnostic.line < 1 || diagnostic.column < 1 {
            fail("malformed warning: \(diagnostic)")
        }
    } catch let failure as StyleSheet.Failure {
        if failure.diagnostics.isEmpty { fail("a style sheet failure without diagnostics") }
        for diagnostic in failure.diagnostics where diagnostic.line < 1 || diagnostic.column < 1 || diagnostic.message.isEmpty {
            fail("malformed diagnostic: \(diagnostic)")
        }
    } catch {
        fail("StyleSheet.load threw something other than StyleSheet.Failure: \(error)")
    }
}

extension String.UTF8View {
    func containsSequence(_ bytes: [UInt8]) -> Bool {
        let all = Array(self)
        guard all.count >= bytes.count else { return false }
        return (0...(all.count - bytes.count)).contains { all[$0..<($0 + bytes.count)].elementsEqual(bytes) }
    }
}

/// A broken promise: abort, so libFuzzer keeps the input like any crash.
private func fail(_ message: String) -> Never {
    fputs("folio-fuzz: \(message)\n", stderr)
    abort()
}
