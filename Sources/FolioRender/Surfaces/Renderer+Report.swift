import FolioLayout
import FolioModel

/// Size and format of a standalone chart.
public struct ChartOptions: Sendable, Equatable {
    public var format: OutputFormat
    /// Size in pixels for PNG; in SVG pixels and PDF points for the vector formats.
    public var width: Double
    public var height: Double
    /// PNG only: pixels per unit, for sharp slides (800×450 at scale 2 is a 1600×900 image).
    public var scale: Double
    /// PNG only: `.small` files to keep, `.fast` to answer many requests (see `PNGEncoder.Compression`).
    public var compression: PNGEncoder.Compression

    public init(format: OutputFormat = .png, width: Double = 1600, height: Double = 900, scale: Double = 1,
                compression: PNGEncoder.Compression = .small) {
        self.format = format; self.width = width; self.height = height; self.scale = scale
        self.compression = compression
    }

    /// Pixel size of the image this would produce.
    public var pixelSize: (width: Int, height: Int) {
        (Int((width * scale).rounded(.up)), Int((height * scale).rounded(.up)))
    }
}

extension Renderer {
    /// The briefing PDF of a whole report.
    /// - Parameter maxPages: refuse (before drawing) a document longer than this.
    public func briefing(_ report: Report, style: Style = .standard, options: PDFOptions = PDFOptions(),
                         context: BriefingLayout.Context = BriefingLayout.Context(), maxPages: Int = 2000) throws -> [UInt8] {
        measurer.keepShapedLines(true)
        defer { measurer.keepShapedLines(false) }
        let document = BriefingLayout(style: style, measurer: measurer).document(for: report, context: context)
        guard document.pages.count <= maxPages else { throw RenderError.tooManyPages(count: document.pages.count, limit: maxPages) }
        return try pdf(document, options: options)
    }

    /// The short briefing of one country.
    public func countryBriefing(_ country: String, report: Report, style: Style = .standard,
                                options: PDFOptions = PDFOptions(),
                                context: BriefingLayout.Context = BriefingLayout.Context()) throws -> [UInt8] {
        try pdf(BriefingLayout(style: style, measurer: measurer).countryDocument(for: country, report: report, context: context),
                options: options)
    }

    /// One chart of one outcome, as PNG, SVG or a one-page PDF: the same drawing as in the briefing.
    public func chart(_ kind: ChartKind, outcome: Outcome, report: Report, style: Style = .standard,
                      options: ChartOptions = ChartOptions(), pdfOptions: PDFOptions = PDFOptions()) throws -> [UInt8] {
        let spec = ChartSpec(kind: kind == .targets ? .targets : .regions, outcome: outcome,
                             title: (kind == .targets ? "Targets and results: " : "Results by region: ") + outcome.heading,
                             alternativeText: kind.alternativeText(outcome: outcome, report: report))
        return try chart(spec, report: report, style: style, options: options, pdfOptions: pdfOptions)
    }

    /// Any chart of a report (see `ReportCharts`), as PNG, SVG or a one-page PDF.
    public func chart(_ spec: ChartSpec, report: Report, style: Style = .standard, options: ChartOptions = ChartOptions(),
                      pdfOptions: PDFOptions = PDFOptions()) throws -> [UInt8] {
        if options.format == .png {
            let pixels = options.pixelSize
            try Renderer.checkImageSize(width: pixels.width, height: pixels.height)
        }
        let frame = spec.layout(report: report, size: Size(width: options.width, height: options.height), style: style,
                                measurer: measurer)
        switch options.format {
        case .png:
            // A scale-2 image is the same chart at twice the pixels: its DPI doubles so it keeps its size on a slide.
            return try png(frame, scale: options.scale, dpi: 96 * options.scale, compression: options.compression)
        case .svg:
            return try svg(frame)
        case .pdf:
            // The whole page is one figure, described by its alternative text; its background is the page's.
            var items = frame.items
            var background: Color?
            if case .rect(let rect, let fill, nil)? = items.first, rect == Rect(x: 0, y: 0, width: frame.size.width, height: frame.size.height) {
                background = fill
                items.removeFirst()
            }
            let page = Page(frame: Frame(size: frame.size, items: items.tagged("Figure")), background: background)
            let document = Document(pages: [page], title: spec.title, author: report.organization, subject: report.title,
                                    language: report.language, figureAlternatives: [spec.alternativeText])
            return try pdf(document, options: pdfOptions)
        }
    }
}
