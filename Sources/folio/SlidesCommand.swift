import ArgumentParser
import FolioFiles
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import FolioSlides
import Foundation

struct SlidesCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "slides",
        abstract: "Write a PowerPoint deck: a title slide, then one slide per chart.",
        discussion: "Charts are native PowerPoint charts with their data embedded, coloured and worded like Folio's "
            + "drawings; --charts picture puts the drawings themselves, as PNG at twice the style's chart size. "
            + "Every chart carries its alternative text."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Option(help: "Style sheet: a name from Styles/ or a path (default: slides).")
    var style: String = "slides"

    @Option(name: .shortAndLong, help: "Output .pptx file (default Output/<name>.pptx).")
    var output: String?

    @Option(help: "Pixel density of the chart images.")
    var scale: Double = 2

    @Option(help: "Parallel renders (default: one per core).")
    var jobs: Int?

    @Option(help: "Charts PowerPoint draws and can edit (native) or Folio's drawings as PNG (picture).")
    var charts: ChartForm = .native

    @Option(help: "The organisation's .pptx or .potx: the deck is built on its masters, layouts and theme (default: the style sheet's template:, else Folio's own).")
    var template: String?

    func validate() throws {
        guard scale.isFinite, scale >= 1, scale <= 4 else { throw ValidationError("--scale must be from 1 to 4") }
    }

    func execute() throws {
        let data = try input.load().report!
        let renderer = try Renderer()
        let style = try StyleOptions.load(self.style, fonts: renderer.fonts)
        let made = try languageOptions.edition(of: data, style: style)
        let destination = try OutputPath.resolve(output, defaultName: input.baseName + languageOptions.fileSuffix(for: data) + ".pptx")
        let template = try DeckTemplate.load(template.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? style.deckTemplate)
        var deck = try SlideDeck.charts(of: made.report, style: style, measurer: renderer.measurer, scale: scale,
                                        jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, edition: made.edition,
                                        charts: charts)
        deck.template = template
        let bytes = try deck.pptx()
        try OutputPath.write(bytes, to: destination, detail: "\(deck.slides.count + 1) slides, \(ByteCount(bytes.count))")
    }
}

extension ChartForm: ExpressibleByArgument {}
