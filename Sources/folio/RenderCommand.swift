import ArgumentParser
import FolioBuild
import FolioFiles
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import Foundation

struct RenderCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the briefing PDF of a data file, or one briefing per country.",
        discussion: "Writes Output/<name of data file>.pdf unless -o is given. With --per-country, writes one PDF "
            + "per country into the folder -o (default Output/<name>-countries/). The PDF's date comes from "
            + "--date, else SOURCE_DATE_EPOCH, else the data file's modification time."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var styleOptions: StyleOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Option(name: .shortAndLong, help: "Output PDF file (with --per-country: output folder).")
    var output: String?

    @Option(help: "Date written into the PDF (2016-03-01 or 2016-03-01T12:00:00Z).")
    var date: String?

    @Flag(help: "One short briefing per country instead of the whole report.")
    var perCountry = false

    @Option(help: "With --per-country: only this country (repeatable).")
    var country: [String] = []

    @Option(help: "Refuse documents longer than this many pages.")
    var maxPages: Int = 2000

    @Option(help: "With --per-country: refuse reports naming more countries than this.")
    var maxCountries: Int = 1000

    @Option(help: "Threads: a briefing's parts laid out at once, or with --per-country, briefings rendered at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        guard maxPages > 0 else { throw ValidationError("--max-pages must be at least 1") }
        guard maxCountries > 0 else { throw ValidationError("--max-countries must be at least 1") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
        if !country.isEmpty && !perCountry { throw ValidationError("--country needs --per-country") }
    }

    func execute() throws {
        let loaded = try input.loadWithFingerprint()
        let data = loaded.result.report!
        // One font set-up serves the style's font check and the render (fontconfig costs ~10 ms a time).
        let renderer = try Renderer()
        let style = try styleOptions.load(fonts: renderer.fonts)
        let made = try languageOptions.edition(of: data, style: style)
        let report = made.report, suffix = languageOptions.fileSuffix(for: data)
        let documentDate = try input.documentDate(explicit: date)
        let context = BriefingLayout.Context(dataDate: documentDate, dataFingerprint: loaded.fingerprint)
        if perCountry {
            try CountryBriefings(report: report, countries: try chosenCountries(made), style: style, options: PDFOptions(date: documentDate),
                                 context: context, edition: made.edition)
                .run(into: try OutputPath.folder(output, defaultName: input.baseName + suffix + "-countries"),
                     jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            return
        }
        let destination = try OutputPath.resolve(output, defaultName: input.baseName + suffix + ".pdf")
        renderer.layoutThreads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // Into the file as the pages are drawn; a pipe or a device gets the finished bytes.
        guard destination != OutputPath.standardOutput, AtomicFile.canStream(to: destination) else {
            let bytes = try renderer.briefing(report, style: style, options: PDFOptions(date: documentDate), context: context,
                                              maxPages: maxPages, edition: made.edition)
            return try OutputPath.write(bytes, to: destination)
        }
        try AtomicFile.write(to: destination) { descriptor, _ in
            _ = try renderer.briefing(report, style: style, options: PDFOptions(date: documentDate), context: context,
                                      maxPages: maxPages, edition: made.edition, into: PDFFile(descriptor: descriptor))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
        print("wrote \(destination.relativePath) (\(ByteCount(size)))")
    }

    /// All countries, or those asked for; an unknown name is a usage error with the closest names.
    func chosenCountries(_ made: ReportEdition) throws -> [String] {
        let all = BriefingLayout.countries(in: made.report)
        guard all.count <= maxCountries else {
            throw Failure.data(["folio: \(input.displayName) names \(all.count) countries, more than --max-countries \(maxCountries)"])
        }
        guard !country.isEmpty else { return all }
        return try country.map { wanted in
            if let found = made.country(named: wanted) { return found }
            let close = all.filter { $0.lowercased().hasPrefix(String(wanted.lowercased().prefix(3))) }.prefix(5)
            throw Failure.usage("no country \"\(wanted)\" in \(input.displayName)"
                + (close.isEmpty ? "" : "; did you mean " + close.map { "\"\($0)\"" }.joined(separator: ", ") + "?"))
        }
    }
}

/// Where output goes: the given path, standard output for `-o -`, or a file in `Output/`, which
/// is created when missing.
enum OutputPath {
    /// `-o -`. Written to file descriptor 1 as it is (a pipe, a terminal, a file the shell opened,
    /// appended to with `>>` or not): never renamed over, since the shell's file is not ours to replace.
    static let standardOutput = URL(fileURLWithPath: "/dev/stdout")

    static func resolve(_ given: String?, defaultName: String) throws -> URL {
        if let given {
            guard !given.isEmpty else { throw Failure.usage("-o needs a file name") }
            return given == "-" ? standardOutput : URL(fileURLWithPath: given)
        }
        try createFolder(URL(fileURLWithPath: "Output", isDirectory: true))
        return URL(fileURLWithPath: "Output/" + defaultName)
    }

    /// An output folder: created if missing, as long as the folder it goes in exists.
    static func folder(_ given: String?, defaultName: String) throws -> URL {
        let folder = URL(fileURLWithPath: given ?? "Output/" + defaultName, isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure.cannotCreate("cannot write into \(folder.path): it is a file") }
            return folder
        }
        if given == nil { try createFolder(URL(fileURLWithPath: "Output", isDirectory: true)) }
        let parent = folder.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: parent.path) else {
            throw Failure.cannotCreate("cannot create \(folder.path): folder \(parent.path) does not exist")
        }
        try createFolder(folder)
        return folder
    }

    /// Writes a finished file to `destination` (atomically, see `AtomicFile`) and says so: on standard
    /// output, or on standard error when the file itself went to standard output.
    /// - Parameter detail: what to say in brackets after the name; the size by default.
    static func write(_ bytes: [UInt8], to destination: URL, detail: String? = nil) throws {
        let line = "wrote \(destination == standardOutput ? "standard output" : destination.relativePath) "
            + "(\(detail ?? ByteCount(bytes.count)))"
        guard destination == standardOutput else {
            try AtomicFile.write(bytes, to: destination)
            print(line)
            return
        }
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            throw Failure.io("cannot write to standard output: \(error.localizedDescription)")
        }
        printError(line)
    }

    static func createFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch CocoaError.fileWriteFileExists {
        } catch {
            if FileManager.default.fileExists(atPath: folder.path) { return }
            throw Failure.cannotCreate("cannot create folder \(folder.path): \(error.localizedDescription)")
        }
    }
}

/// "118 KB"
func ByteCount(_ count: Int) -> String {
    count < 10_000 ? "\(count) bytes" : "\((count + 500) / 1000) KB"
}
