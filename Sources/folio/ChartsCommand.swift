import ArgumentParser
import FolioLayout
import FolioModel
import FolioRender
import Foundation

struct ChartsCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "charts",
        abstract: "Write every chart of a report, for slides, with a charts.json manifest.",
        discussion: "Per outcome its targets and regions charts, then the overview of all indicators (in as many parts "
            + "as legible type needs). PNGs carry their DPI (96 × scale) and sRGB. Renders run on all cores."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var styleOptions: StyleOptions

    @Option(name: .shortAndLong, help: "Output folder (created if missing; default Output/<name>-charts).")
    var output: String?

    @Option(help: "Comma-separated formats: png, svg, pdf.")
    var formats: String = "png,svg"

    @Option(help: "Comma-separated PNG scales, e.g. 1,2 (a scale-2 PNG has twice the pixels, same size on a slide).")
    var scale: String = "1,2"

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

    /// One file to write: a chart in one format at one scale.
    struct Job {
        var spec: ChartSpec
        var format: OutputFormat
        var scale: Double
        var file: String
    }

    func execute() throws {
        let report = try input.load().report!
        let renderer = try Renderer()
        let style = try styleOptions.load(fonts: renderer.fonts)
        let size = Size(width: style.chartWidth, height: style.chartHeight)
        let specs = ReportCharts.all(in: report, size: size, style: style, measurer: renderer.measurer)
        let folder = try OutputPath.folder(output, defaultName: input.baseName + "-charts")
        let stems = SafeFileName.unique(specs.map { spec in
            spec.outcome.map { "outcome-\($0.id)-\(spec.kind.rawValue)" } ?? "overview-\(spec.part ?? 1)"
        })
        var jobs: [Job] = []
        for (spec, stem) in zip(specs, stems) {
            for format in try parsedFormats() {
                let scales = format == .png ? try parsedScales() : [1]
                for scale in scales {
                    let suffix = scale == 1 ? "" : "@" + NumberText.tick(scale) + "x"
                    jobs.append(Job(spec: spec, format: format, scale: scale, file: stem + suffix + "." + format.rawValue))
                }
            }
        }
        let pdfOptions = PDFOptions(date: try input.documentDate(explicit: nil))
        var entries = [[String: Any]?](repeating: nil, count: jobs.count)
        let lock = NSLock()
        let progress = ProgressReport(total: jobs.count, noun: "chart file")
        try ParallelRenders.run(count: jobs.count, jobs: self.jobs ?? ProcessInfo.processInfo.activeProcessorCount) { renderer, index in
            let job = jobs[index]
            let options = ChartOptions(format: job.format, width: size.width, height: size.height, scale: job.scale)
            let bytes = try renderer.chart(job.spec, report: report, style: style, options: options, pdfOptions: pdfOptions)
            let url = folder.appendingPathComponent(job.file)
            try AtomicFile.write(bytes, to: url)
            let pixels = options.pixelSize
            let entry: [String: Any] = [
                "file": job.file, "kind": job.spec.kind.rawValue, "outcome": job.spec.outcome?.id ?? NSNull(),
                "title": job.spec.title, "alt": job.spec.alternativeText, "format": job.format.rawValue,
                "scale": job.scale, "width": job.format == .png ? pixels.width : Int(size.width),
                "height": job.format == .png ? pixels.height : Int(size.height), "sha256": SHA256.hex(bytes),
            ]
            lock.lock(); entries[index] = entry; lock.unlock()
            progress.finished(file: url, bytes: bytes.count)
        }
        progress.done()
        let manifest: [String: Any] = ["report": report.title, "style": style.name, "charts": entries.compactMap { $0 }]
        let json = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try AtomicFile.write(Array(json) + [10], to: folder.appendingPathComponent("charts.json"))
        print("wrote \(folder.appendingPathComponent("charts.json").relativePath) (\(jobs.count) files)")
    }
}
