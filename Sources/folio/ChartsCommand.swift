import ArgumentParser
import FolioFiles
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import Foundation

struct ChartsCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "charts",
        abstract: "Write every chart of a report, for slides, with a charts.json manifest.",
        discussion: "Per outcome its targets and regions charts (and its progress chart when an indicator has several "
            + "periods or a baseline), then the overview of all indicators (in as many parts "
            + "as legible type needs). PNGs carry their DPI (96 × scale) and sRGB. Renders run on all cores."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var styleOptions: StyleOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Option(name: .shortAndLong, help: "Output folder (created if missing; default Output/<name>-charts).")
    var output: String?

    @Option(help: "Comma-separated formats: png, svg, pdf.")
    var formats: String = "png,svg"

    @Option(help: "Comma-separated PNG scales, e.g. 1,2 (a scale-2 PNG has twice the pixels, same size on a slide).")
    var scale: String = "1,2"

    @Option(help: "PNG compression: small (zlib level 6) or fast (about a quarter of the time, files 26–60 % larger).")
    var pngCompression: PNGEncoder.Compression = .small

    @Option(help: "Parallel renders (default: one per core).")
    var jobs: Int?

    func parsedFormats() throws -> [OutputFormat] {
        let list = formats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let parsed = list.map { OutputFormat(fileExtension: $0) }
        guard !list.isEmpty, !parsed.contains(where: { $0 == nil }) else {
            throw ValidationError("--formats takes png, svg and pdf separated by commas, found \"\(formats)\"")
        }
        return parsed.compactMap { $0 }.reduce(into: []) { unique, format in
            if !unique.contains(format) { unique.append(format) }
        }
    }

    func parsedScales() throws -> [Double] {
        let values = scale.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! > 0 && $0! <= 4 }) else {
            throw ValidationError("--scale takes numbers from 0 to 4 separated by commas, found \"\(scale)\"")
        }
        return values.map { $0! }
    }

    func validate() throws {
        _ = try parsedFormats()
        _ = try parsedScales()
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
    }

    func execute() throws {
        let data = try input.load().report!
        let renderer = try Renderer()
        let style = try styleOptions.load(fonts: renderer.fonts)
        let made = try languageOptions.edition(of: data, style: style)
        let report = made.report
        var set = ChartSet(report: report, style: style, measurer: renderer.measurer, formats: try parsedFormats(),
                           scales: try parsedScales(), edition: made.edition)
        set.compression = pngCompression
        let folder = try OutputPath.folder(output, defaultName: input.baseName + languageOptions.fileSuffix(for: data) + "-charts")
        let pdfOptions = PDFOptions(date: try input.documentDate(explicit: nil))
        let progress = ProgressReport(total: set.files.count, noun: "chart file")
        let entries = try set.renderAll(report: report, style: style, pdfOptions: pdfOptions,
                                        jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { file, bytes in
            let url = folder.appendingPathComponent(file.name)
            try AtomicFile.write(bytes, to: url)
            progress.finished(file: url, bytes: bytes.count)
        }
        progress.done()
        let manifest = folder.appendingPathComponent("charts.json")
        try AtomicFile.write(try set.manifest(entries), to: manifest)
        print("wrote \(manifest.relativePath) (\(set.files.count) files)")
    }
}
