import FolioLayout
import FolioModel
import FolioRender
import Foundation

extension SlideDeck {
    /// The deck of a report's charts: a title slide, then one slide per chart (the same plan as
    /// `ReportCharts.all`), each a PNG at `scale` × the style's chart size with its alternative text.
    ///
    /// Shared by `folio slides`, the build and the service so a deck is the same wherever it is made.
    public static func charts(of report: Report, style: Style, measurer: TextMeasurer, scale: Double = 2,
                              jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> SlideDeck {
        let size = Size(width: style.chartWidth, height: style.chartHeight)
        let specs = ReportCharts.all(in: report, size: size, style: style, measurer: measurer)
        var slides = [DeckSlide?](repeating: nil, count: specs.count)
        let lock = NSLock()
        let options = ChartOptions(format: .png, width: size.width, height: size.height, scale: scale)
        try ParallelRenders.run(count: specs.count, jobs: jobs) { renderer, index in
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
        return deck
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
