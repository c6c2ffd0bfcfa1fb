import ArgumentParser
import FolioFiles
import FolioModel
import FolioRender
import Foundation

struct ConvertCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert data between YAML, JSON, an Excel workbook and a CSV folder, losing nothing.",
        discussion: "The output's kind follows from -o: FILE.yaml or FILE.yml, FILE.json, FILE.xlsx (sheets indicators, "
            + "countries and report, as the CSV folder's files), or a folder (a name ending "
            + "in /, a name without extension, or an existing folder) that gets indicators.csv, countries.csv and "
            + "report.yaml (created when missing, if the folder it goes in exists); any other extension is a usage error. "
            + "The data is checked first (errors exit with 65); the converted text is read back before anything is "
            + "written, and each file is written atomically."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output: FILE.yaml, FILE.yml, FILE.json, FILE.xlsx, or a FOLDER/ for CSV.")
    var output: String

    enum Target: Equatable {
        case yaml(URL), json(URL), xlsx(URL), csv(URL)
    }

    func validate() throws {
        guard !output.isEmpty else { throw ValidationError("-o needs a file or folder name") }
    }

    func execute() throws {
        // An output kind it cannot write is a usage error before any data is read.
        let target = try target()
        let report = try input.load().report!
        switch target {
        case let .yaml(url):
            let text = ReportYAMLWriter.yaml(report)
            try verify(ReportLoader.check(data: Data(text.utf8), fileName: url.lastPathComponent, format: .yaml), report, "YAML")
            try AtomicFile.write(Array(text.utf8), to: url)
            print("wrote \(url.relativePath) (\(ByteCount(text.utf8.count)))")
        case let .json(url):
            let text = ReportJSONWriter.json(report)
            try verify(ReportLoader.check(data: Data(text.utf8), fileName: url.lastPathComponent, format: .json), report, "JSON")
            try AtomicFile.write(Array(text.utf8), to: url)
            print("wrote \(url.relativePath) (\(ByteCount(text.utf8.count)))")
        case let .xlsx(url):
            try requireUnits(report, in: "an Excel workbook")
            let bytes: [UInt8]
            do { bytes = try ReportWorkbookWriter.xlsx(report) } catch {
                throw Failure.data(["\(input.displayName): cannot be written as a workbook: \(error)"])
            }
            try verify(ReportLoader.check(data: Data(bytes), fileName: url.lastPathComponent, format: .xlsx), report, "workbook")
            try AtomicFile.write(bytes, to: url)
            print("wrote \(url.relativePath) (\(ByteCount(bytes.count)))")
        case .csv:
            try requireUnits(report, in: "a CSV folder")
            let files = ReportCSVWriter.files(report)
            try verify(ReportLoader.checkCSV(files: files.mapValues { Data($0.utf8) }), report, "CSV")
            let destination = try OutputPath.folder(output, defaultName: "")
            // A report.json or report.yml left from before would make the folder ambiguous.
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? []
            if let stale = existing.first(where: {
                ["report.yml", "report.json"].contains($0.lowercased()) || ($0.lowercased() == "report.yaml" && $0 != "report.yaml")
            }) {
                throw Failure.cannotCreate("\(destination.relativePath) already holds \(stale), which would compete with the "
                                           + "report.yaml written now; remove it or choose another folder")
            }
            // report.yaml last: a folder with only new CSV files still loads with the old report fields.
            for name in [ReportCSVWriter.indicatorsFile, ReportCSVWriter.countriesFile, ReportCSVWriter.reportFile] {
                try AtomicFile.write(Array(files[name]!.utf8), to: destination.appendingPathComponent(name))
            }
            print("wrote \(destination.relativePath)/ (indicators.csv, countries.csv, report.yaml)")
        }
    }

    /// `.yaml`, `.yml` or `.json` name a file; a CSV folder is an existing folder, a path ending in
    /// `/`, or a name without extension. Any other extension (`x.docx`) is a usage error, not a
    /// folder named `x.docx`.
    func target() throws -> Target {
        let url = URL(fileURLWithPath: output)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { return .csv(URL(fileURLWithPath: output, isDirectory: true)) }
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        if output.hasSuffix("/") {
            if exists { throw Failure.cannotCreate("cannot write a CSV folder to \(output): it is a file") }
            return .csv(folder)
        }
        switch url.pathExtension.lowercased() {
        case "yaml", "yml": return .yaml(url)
        case "json": return .json(url)
        case "xlsx": return .xlsx(url)
        case "csv":
            throw Failure.usage("-o \(output): CSV data is a folder of files; give a folder name such as "
                                + "\(url.deletingPathExtension().lastPathComponent)")
        case "":
            if exists { throw Failure.cannotCreate("cannot write a CSV folder to \(output): it is a file") }
            return .csv(folder)
        case let other:
            throw Failure.usage("-o \(output): cannot write .\(other); give FILE.yaml, FILE.yml, FILE.json, FILE.xlsx, or a folder "
                                + "for CSV (\(output)/ makes a folder of that name)")
        }
    }

    /// An empty unit cell means the default unit, so a CSV folder or a workbook cannot say "no unit".
    private func requireUnits(_ report: Report, in container: String) throws {
        if let indicator = report.outcomes.lazy.flatMap(\.indicators).first(where: { $0.unit.isEmpty }) {
            throw Failure.data(["indicator \(indicator.id) has no unit (numbers alone, as IATI data has), which \(container) "
                                + "cannot hold: its empty unit cell means \"\(Indicator.defaultUnit)\"; convert to YAML or JSON"])
        }
    }

    /// The written form must load back, without errors, to the very report: otherwise nothing is written.
    private func verify(_ result: CheckResult, _ report: Report, _ kind: String) throws {
        guard result.report != report else { return }
        let reason = result.errors.first.map { ": \($0)" } ?? ""
        throw Failure.software("the \(kind) written for \(input.displayName) would not load back to the same report\(reason)")
    }
}
