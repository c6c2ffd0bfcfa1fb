import ArgumentParser
import FolioFiles
import FolioLayout
import FolioModel
import FolioRender
import Foundation

extension OutputFormat: ExpressibleByArgument {}

struct ChartCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw one chart of an outcome as PNG, SVG or PDF.",
        discussion: "The format follows from the output file's extension unless --format is given. "
            + "--scale multiplies the pixels of a PNG: --width 800 --height 450 --scale 2 writes a 1600×900 image "
            + "drawn at double resolution. SVG and PDF are vectors sized by --width and --height."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var styleOptions: StyleOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Option(help: "Chart to draw: targets (targets versus results), regions (results by region), progress (results across periods) or map (a world map of the countries listed).")
    var kind: ChartKind

    @Option(help: "Id of the outcome to chart (default: the first).")
    var outcome: String?

    @Option(help: "For --kind map: the indicator whose countries to map (default: every indicator of the outcome).")
    var indicator: String?

    @Option(help: "png, svg or pdf (default: from the output file's extension, else png).")
    var format: OutputFormat?

    @Option(help: "Width in pixels (default: the style's, 1600 for default).")
    var width: Int?

    @Option(help: "Height in pixels (default: the style's, 900 for default).")
    var height: Int?

    @Option(help: "Pixel density multiplier for PNG (1 to 8).")
    var scale: Double = 1

    @Option(help: "PNG compression: small (zlib level 6) or fast (about a quarter of the time, files 26–60 % larger).")
    var pngCompression: PNGEncoder.Compression = .small

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String?

    @Option(help: "Date written into a PDF chart (as for render).")
    var date: String?

    func validate() throws {
        for (name, value) in [("--width", width), ("--height", height)] {
            guard let value, !(16...Renderer.maximumSide).contains(value) else { continue }
            throw ValidationError("\(name) must be between 16 and \(Renderer.maximumSide) pixels, found \(value)")
        }
        guard scale.isFinite, scale > 0, scale <= 8 else {
            throw ValidationError("--scale must be more than 0 and at most 8, found \(scale)")
        }
    }

    func execute() throws {
        // One font set-up serves the style's font check and the drawing.
        let renderer = try Renderer()
        let style = try styleOptions.load(fonts: renderer.fonts)
        let width = self.width ?? Int(style.chartWidth), height = self.height ?? Int(style.chartHeight)
        let resolvedFormat = format ?? output.flatMap { OutputFormat(fileExtension: ($0 as NSString).pathExtension) } ?? .png
        let options = ChartOptions(format: resolvedFormat, width: Double(width), height: Double(height), scale: scale,
                                   compression: pngCompression)
        if resolvedFormat == .png {
            let pixels = options.pixelSize
            if pixels.width.multipliedReportingOverflow(by: pixels.height).partialValue > Renderer.maximumPixels {
                throw Failure.usage("--width \(width) × --height \(height) at --scale \(scale) is \(pixels.width)×\(pixels.height) "
                    + "pixels, more than the limit of \(Renderer.maximumPixels / 1_000_000) megapixels")
            }
        }
        let data = try input.load().report!
        let made = try languageOptions.edition(of: data, style: style)
        let report = made.report
        let chosen: Outcome
        if let outcome {
            guard let found = report.outcome(id: outcome) else {
                let known = report.outcomes.map { "\"\($0.id)\"" }.joined(separator: ", ")
                throw Failure.usage("no outcome \"\(outcome)\" in \(input.displayName); its outcomes are \(known)")
            }
            chosen = found
        } else {
            chosen = report.outcomes[0]
        }
        if let indicator {
            guard kind == .map else { throw Failure.usage("--indicator applies to --kind map only") }
            guard chosen.indicators.contains(where: { $0.id == indicator }) else {
                let known = chosen.indicators.map { "\"\($0.id)\"" }.joined(separator: ", ")
                throw Failure.usage("no indicator \"\(indicator)\" in outcome \(chosen.id); its indicators are \(known)")
            }
        }
        let destination = try OutputPath.resolve(
            output, defaultName: "\(input.baseName)-\(chosen.id)-\(kind.rawValue)\(languageOptions.fileSuffix(for: data)).\(resolvedFormat.rawValue)")
        let pdfOptions = PDFOptions(date: try input.documentDate(explicit: date))
        let bytes = try renderer.chart(kind, outcome: chosen, report: report, style: style, options: options, pdfOptions: pdfOptions,
                                       edition: made.edition, map: MapOptions(indicator: indicator))
        try OutputPath.write(bytes, to: destination)
    }
}
