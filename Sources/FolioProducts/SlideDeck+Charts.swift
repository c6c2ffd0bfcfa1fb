import FolioLanguage
import FolioLayout
import FolioModel
import FolioRender
import FolioSlides
import Foundation
import FolioConcurrency

extension SlideDeck {
    /// The deck of a report's charts: a title slide, then one slide per chart (the same plan as
    /// `ReportCharts.all`), each a native chart or a PNG at `scale` × the style's chart size, with its
    /// alternative text.
    ///
    /// Shared by `folio slides`, the build and the service so a deck is the same wherever it is made.
    public static func charts(of report: Report, style: Style, measurer: TextMeasurer, scale: Double = 2,
                              jobs: Int = ProcessInfo.processInfo.activeProcessorCount, edition: Edition = .english,
                              charts: ChartForm = .native) throws -> SlideDeck {
        let plan = ChartSlidePlan(report: report, style: style, measurer: measurer, scale: scale, edition: edition)
        if charts == .native {
            // PowerPoint has no map chart: a map is a picture even in a deck of native charts.
            let renderer = plan.specs.contains { $0.kind == .map } ? try Renderer() : nil
            return try plan.deck(plan.specs.indices.map { index in
                if let renderer, plan.specs[index].kind == .map { return try plan.slide(index, renderer: renderer) }
                return plan.nativeSlide(index)
            }, renderer: renderer)
        }
        let slides = Guarded([DeckSlide?](repeating: nil, count: plan.specs.count))
        try ParallelRenders.run(count: plan.specs.count, jobs: jobs) { renderer, index in
            let slide = try plan.slide(index, renderer: renderer)
            slides.withLock { $0[index] = slide }
        }
        return try plan.deck(slides.withLock { $0.compactMap { $0 } }, renderer: nil)
    }

    /// The same deck drawn one chart after another with `renderer`: for a caller that already owns
    /// a render thread (the service's pool) and must not start more.
    /// - Parameter checkpoint: called with the number of slides before each one is drawn; it throws
    ///   to stop (a request past its time, a deck over a size limit).
    public static func charts(of report: Report, style: Style, renderer: Renderer, scale: Double = 2,
                              edition: Edition = .english, charts: ChartForm = .native,
                              checkpoint: (_ slideCount: Int) throws -> Void = { _ in }) throws -> SlideDeck {
        let plan = ChartSlidePlan(report: report, style: style, measurer: renderer.measurer, scale: scale, edition: edition)
        if charts == .native {
            return try plan.deck(try plan.specs.indices.map { index in
                try checkpoint(plan.specs.count)
                return plan.specs[index].kind == .map ? try plan.slide(index, renderer: renderer) : plan.nativeSlide(index)
            }, renderer: renderer)
        }
        return try plan.deck(try plan.specs.indices.map { index in
            try checkpoint(plan.specs.count)
            return try plan.slide(index, renderer: renderer)
        }, renderer: renderer)
    }
}

/// What both ways of drawing a chart deck share: the charts, how each becomes a slide, and the deck around them.
private struct ChartSlidePlan: Sendable {
    var report: Report
    var style: Style
    var specs: [ChartSpec]
    var options: ChartOptions
    var edition: Edition

    init(report: Report, style: Style, measurer: TextMeasurer, scale: Double, edition: Edition) {
        self.report = report
        self.style = style
        self.edition = edition
        let size = Size(width: style.chartWidth, height: style.chartHeight)
        specs = ReportCharts.all(in: report, size: size, style: style, measurer: measurer, edition: edition)
        options = ChartOptions(format: .png, width: size.width, height: size.height, scale: scale)
    }

    func slide(_ index: Int, renderer: Renderer) throws -> DeckSlide {
        let spec = specs[index]
        let png = try renderer.chart(spec, report: report, style: style, options: options, edition: edition)
        let pixels = options.pixelSize
        return DeckSlide(title: spec.title, alternativeText: spec.alternativeText, png: png,
                         pixelWidth: pixels.width, pixelHeight: pixels.height, speakerNotes: speakerNotes(spec))
    }

    /// The chart as PowerPoint draws it, from the same data, words and colours as the picture.
    func nativeSlide(_ index: Int) -> DeckSlide {
        let spec = specs[index]
        let notes = spec.notes(report: report, edition: edition).lines
        return DeckSlide(title: spec.title, alternativeText: spec.alternativeText,
                         chart: NativeChart(spec: spec, report: report, style: style, edition: edition),
                         speakerNotes: speakerNotes(spec), footnotes: notes + [edition.sourceLine(report)])
    }

    /// The chart's notes and its source, for the presenter; none for a chart without notes or a
    /// `source:` of its own, so decks of such data stay as they were.
    func speakerNotes(_ spec: ChartSpec) -> String? {
        let notes = spec.notes(report: report, edition: edition)
        guard !notes.isEmpty || report.source != nil else { return nil }
        return (notes.lines + [edition.sourceLine(report)]).joined(separator: "\n")
    }

    /// - Parameter renderer: draws an SVG logo into the PNG a slide holds; nil makes one when needed.
    func deck(_ slides: [DeckSlide], renderer: Renderer?) throws -> SlideDeck {
        let subtitle = [report.subtitle, report.period].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        var deck = SlideDeck(title: report.title, subtitle: subtitle.isEmpty ? nil : subtitle, footer: report.organization,
                             slides: slides)
        deck.language = edition.language
        deck.rightToLeft = edition.isRightToLeft
        deck.fontFamily = style.fontFamily
        deck.accentColor = style.accentColor.hexDigits
        deck.textColor = style.textColor.hexDigits
        if let logo = style.logo {
            deck.logo = try logoPNG(logo.image, renderer: renderer)
        }
        return deck
    }

    /// A PNG logo as it is; an SVG one drawn 270 pixels high (0.9 in, as the title slide shows it, at 300 dpi).
    func logoPNG(_ image: EmbeddedImage, renderer: Renderer?) throws -> [UInt8] {
        guard image.kind == .svg else { return image.bytes }
        let height = 270.0
        let size = Size(width: (height / image.aspectRatio).rounded(), height: height)
        let frame = Frame(size: size, items: [.image(ImageItem(image: image, rect: Rect(x: 0, y: 0, width: size.width, height: size.height)))])
        return try (renderer ?? Renderer()).png(frame, dpi: 300)
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
