import ArgumentParser
import FolioLayout
import FolioModel
import FolioRender
import FolioSlides
import Foundation

struct SlidesCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "slides",
        abstract: "Write a PowerPoint deck: a title slide, then one slide per chart.",
        discussion: "Charts are the same drawings as everywhere else, as PNG at twice the style's chart size, "
            + "with their alternative text set on the picture."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Style sheet: a name from Styles/ or a path (default: slides).")
    var style: String = "slides"

    @Option(name: .shortAndLong, help: "Output .pptx file (default Output/<name>.pptx).")
    var output: String?

    @Option(help: "Pixel density of the chart images.")
    var scale: Double = 2

    @Option(help: "Parallel renders (default: one per core).")
    var jobs: Int?

    func validate() throws {
        guard scale.isFinite, scale >= 1, scale <= 4 else { throw ValidationError("--scale must be from 1 to 4") }
    }

    func execute() throws {
        let report = try input.load().report!
        let renderer = try Renderer()
        let style = try StyleOptions.load(self.style, fonts: renderer.fonts)
        let size = Size(width: style.chartWidth, height: style.chartHeight)
        let specs = ReportCharts.all(in: report, size: size, style: style, measurer: renderer.measurer)
        let destination = try OutputPath.resolve(output, defaultName: input.baseName + ".pptx")
        var slides = [DeckSlide?](repeating: nil, count: specs.count)
        let lock = NSLock()
        let options = ChartOptions(format: .png, width: size.width, height: size.height, scale: scale)
        try ParallelRenders.run(count: specs.count, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { renderer, index in
            let spec = specs[index]
            let png = try renderer.chart(spec, report: report, style: style, options: options)
            let pixels = options.pixelSize
            let slide = DeckSlide(title: spec.title, alternativeText: spec.alternativeText, png: png,
                                  pixelWidth: pixels.width, pixelHeight: pixels.height)
            lock.lock(); slides[index] = slide; lock.unlock()
        }
        let subtitle = [report.subtitle, report.period].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        var deck = SlideDeck(title: report.title, subtitle: subtitle.isEmpty ? nil : subtitle, footer: report.organization,
                             slides: slides.compactMap { $0 })
        deck.fontFamily = style.fontFamily
        deck.accentColor = style.accentColor.hexDigits
        deck.textColor = style.textColor.hexDigits
        let bytes = try deck.pptx()
        try AtomicFile.write(bytes, to: destination)
        print("wrote \(destination.relativePath) (\(specs.count + 1) slides, \(ByteCount(bytes.count)))")
    }
}

extension Color {
    /// "1D4E89": the form Office themes use.
    var hexDigits: String {
        [red, green, blue].map { component in
            let value = Int((component * 255).rounded())
            let digits = String(value, radix: 16, uppercase: true)
            return value < 16 ? "0" + digits : digits
        }.joined()
    }
}
