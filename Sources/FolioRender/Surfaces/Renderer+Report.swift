import FolioLanguage
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
    /// - Parameter maxPages: refuse a document longer than this. Pages are counted as they are laid
    ///   out, so the layout stops at the limit (and so does a report whose content expands to many more
    ///   lines of text than that many pages could hold), before anything is drawn.
    /// - Parameter file: Write the PDF into this file as its pages are drawn, and return nothing: a
    ///   long document is then never held in memory.
    public func briefing(_ report: Report, style: Style = .standard, options: PDFOptions = PDFOptions(),
                         context: BriefingLayout.Context = BriefingLayout.Context(), maxPages: Int = 2000,
                         edition: Edition = .english, into file: PDFFile? = nil) throws -> [UInt8] {
        let measurers = [measurer] + (try otherMeasurers())
        for measurer in measurers { measurer.keepShapedLines(true) }
        defer { for measurer in measurers { measurer.keepShapedLines(false) } }
        let budget = LayoutBudget(maximumPages: maxPages, maximumLines: Renderer.lineAllowance(pages: maxPages),
                                  cancellation: cancellation ?? Cancellation())
        // Also after a layout stopped at the limit: it built as many pages as a long document.
        defer { if budget.pages >= MemoryReturn.largePages { hasFreedMuchMemory = true } }
        var layout = BriefingLayout(style: style, measurer: measurer, edition: edition)
        layout.otherMeasurers = Array(measurers.dropFirst())
        layout.retainedPages = retainedPages
        do {
            let pages = try layout.pages(for: report, context: context, budget: budget, mirrored: edition.isRightToLeft)
            defer { pages.finish() }
            // A long body was only counted: what that freed goes back before drawing starts.
            if !pages.bodyIsKept { MemoryReturn.trim() }
            return try pdf(pages.document, pageCount: pages.count, options: options,
                           shaped: pages.bodyIsKept ? measurers : [measurer], file: file, next: pages.next)
        } catch LayoutStop.tooManyPages, LayoutStop.tooMuchText {
            throw RenderError.tooManyPages(count: budget.pages, limit: maxPages)
        }
    }

    /// Lines of text a document of `pages` pages may set: a dense table page holds a few hundred
    /// (several columns of country names), so this refuses only content that could not fit anyway.
    static func lineAllowance(pages: Int) -> Int {
        pages.multipliedReportingOverflow(by: 400).overflow ? .max : pages * 400
    }

    /// The short briefing of one country.
    public func countryBriefing(_ country: String, report: Report, style: Style = .standard,
                                options: PDFOptions = PDFOptions(),
                                context: BriefingLayout.Context = BriefingLayout.Context(),
                                edition: Edition = .english) throws -> [UInt8] {
        let budget = LayoutBudget(cancellation: cancellation ?? Cancellation())
        var document = try BriefingLayout(style: style, measurer: measurer, edition: edition)
            .countryDocument(for: country, report: report, context: context, budget: budget)
        if edition.isRightToLeft { document = document.mirroredForRightToLeft(measurer: measurer) }
        return try pdf(document, options: options)
    }

    /// One chart of one outcome, as PNG, SVG or a one-page PDF: the same drawing as in the briefing.
    /// - Parameter map: for a map, the indicator it shows and the country it puts forward.
    public func chart(_ kind: ChartKind, outcome: Outcome, report: Report, style: Style = .standard,
                      options: ChartOptions = ChartOptions(), pdfOptions: PDFOptions = PDFOptions(),
                      edition: Edition = .english, map: MapOptions = MapOptions()) throws -> [UInt8] {
        var spec = ChartSpec(kind: kind.specKind, outcome: outcome,
                             title: edition.text("chart.document." + kind.rawValue, ["heading": edition.heading(outcome)]),
                             alternativeText: kind.alternativeText(outcome: outcome, report: report, edition: edition, map: map))
        spec.map = map
        return try chart(spec, report: report, style: style, options: options, pdfOptions: pdfOptions, edition: edition)
    }

    /// Any chart of a report (see `ReportCharts`), as PNG, SVG or a one-page PDF.
    public func chart(_ spec: ChartSpec, report: Report, style: Style = .standard, options: ChartOptions = ChartOptions(),
                      pdfOptions: PDFOptions = PDFOptions(), edition: Edition = .english) throws -> [UInt8] {
        try cancellation?.check()
        if options.format == .png {
            let pixels = options.pixelSize
            try Renderer.checkImageSize(width: pixels.width, height: pixels.height)
        }
        var frame = spec.layout(report: report, size: Size(width: options.width, height: options.height), style: style,
                                measurer: measurer, edition: edition)
        if edition.isRightToLeft { frame = frame.mirrored(measurer: measurer) }
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
            var document = Document(pages: [page], title: spec.title, author: report.organization, subject: report.title,
                                    language: edition.language, figureAlternatives: [spec.alternativeText])
            document.readsRightToLeft = edition.isRightToLeft
            return try pdf(document, options: pdfOptions)
        }
    }
}
