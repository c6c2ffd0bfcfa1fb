import CCairo
import FolioLayout
import Foundation

/// Options of a PDF file beyond its pages.
public struct PDFOptions: Sendable {
    /// Creation and modification date written into the file. Fixing it makes output byte-identical
    /// between runs (Cairo 1.16 would otherwise write the clock and ignore SOURCE_DATE_EPOCH).
    public var date: Date
    public var creator: String

    public init(date: Date = Date(), creator: String = "Folio") {
        self.date = date
        self.creator = creator
    }
}

/// Turns laid-out frames into PDF, PNG or SVG bytes. The format is only the choice of surface:
/// every format is painted by the same `FramePainter`.
///
/// Not thread-safe: each thread that renders needs its own `Renderer` (its own Pango font map).
public final class Renderer {
    public let fonts: FontLibrary
    public let measurer: PangoTextMeasurer
    /// Largest image Folio writes, in pixels: keeps a mistyped size from exhausting memory.
    public static let maximumPixels = 40_000_000
    /// Cairo's image surfaces stop at 32767 pixels a side.
    public static let maximumSide = 32_767
    /// Raised by another thread to stop the render in progress (a deadline passed): layout, painting
    /// and every chart check it, and stop with `LayoutStop.cancelled`. The owner of the thread sets
    /// it before a render and clears it after.
    public var cancellation: Cancellation?
    /// Set by a render large enough that the memory it freed is worth handing back to the system.
    var hasFreedMuchMemory = false

    /// After a large render, once its results are handed over (its layout and drawing freed): gives
    /// the free heap back to the system (`malloc_trim`), so a long-running process does not keep its
    /// peak size. Cheap when the last render was small: then it does nothing.
    public func returnFreedMemory() {
        guard hasFreedMuchMemory else { return }
        hasFreedMuchMemory = false
        MemoryReturn.trim()
    }

    /// Memory for the next PNG's pixels (the surface of each PNG is drawn and encoded before `png` returns).
    private let pixels = PixelBuffer()

    /// Threads a briefing's layout may use (its outcomes laid out at once); 1 where renders already
    /// run side by side (the service, per-country briefings).
    public var layoutThreads = 1
    private var moreMeasurers: [PangoTextMeasurer] = []
    /// Body pages of a briefing kept between its layout and its drawing: past these, parts are laid
    /// out again as they are drawn, which holds memory flat for a report of thousands of pages.
    var retainedPages = 300

    /// Measurers for `layoutThreads - 1` more threads, each on a font map of its own; made once.
    func otherMeasurers() throws -> [PangoTextMeasurer] {
        while moreMeasurers.count < layoutThreads - 1 {
            moreMeasurers.append(PangoTextMeasurer(fonts: try FontLibrary(directory: fonts.directory)))
        }
        return Array(moreMeasurers.prefix(max(0, layoutThreads - 1)))
    }

    public init(fonts: FontLibrary? = nil) throws {
        let library = try fonts ?? FontLibrary()
        self.fonts = library
        measurer = PangoTextMeasurer(fonts: library)
    }

    public func pdf(_ document: Document, options: PDFOptions = PDFOptions()) throws -> [UInt8] {
        var pages = document.pages.makeIterator()
        return try pdf(document, pageCount: document.pages.count, options: options,
                       shaped: measurer.keepsShapedLines ? [measurer] : [], next: { pages.next() })
    }

    /// A PDF of pages made one at a time: `next` gives each page after the one before is drawn
    /// (nil after the last, of `pageCount`), so only the page being drawn need be in memory.
    /// `document` gives everything else; its figure alternatives are read once the last page is drawn.
    /// With `file`, the PDF goes into that file as it is made and nothing is returned.
    func pdf(_ document: @autoclosure () -> Document, pageCount: Int, options: PDFOptions,
             shaped: [PangoTextMeasurer] = [], file: PDFFile? = nil, next: () throws -> Page?) throws -> [UInt8] {
        let metadata = document()
        let sink = ByteSink(file: file)
        var stopped: Error?
        var page: Page?
        do { page = try next() } catch { stopped = error }
        let first = page?.size ?? Size.a4
        let surface = try Surface(cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.width, first.height),
                                  what: "PDF surface")
        let stamp = PDFOptions.isoDate(options.date)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, metadata.title)
        if let author = metadata.author { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let subject = metadata.subject { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_SUBJECT, subject) }
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, options.creator)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, stamp)
        if let keywords = metadata.keywords {
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_KEYWORDS, keywords)
        }
        try surface.draw { cairo in
            let painter = FramePainter(cairo: cairo, fonts: fonts, shaped: shaped)
            // Cairo 1.16 fails a page whose whole area is filled inside a structure tag: the first
            // page's background goes down before the Document element opens.
            if let background = page?.background {
                painter.paint(background: background, size: first, inset: 0)
            }
            // One Document element around everything: Cairo 1.16 corrupts links outside any structure tag.
            cairo_tag_begin(cairo, "Document", "")
            var size = first
            var index = 0
            while stopped == nil, let current = page {
                if let cancellation, cancellation.isCancelled { stopped = LayoutStop.cancelled; break }
                // Cairo 1.16 fails a tagged document whose last page was resized, even to the same
                // size: resize only when the size really changes.
                if current.size != size {
                    cairo_pdf_surface_set_size(surface.pointer, current.size.width, current.size.height)
                    size = current.size
                }
                if index < metadata.pageLabels.count {
                    cairo_pdf_surface_set_page_label(surface.pointer, metadata.pageLabels[index])
                }
                if index > 0, let background = current.background {
                    // Inside the Document element only a fill short of the page edges is safe.
                    painter.paint(background: background, size: current.size, inset: 0.25)
                }
                painter.paint(current.frame)
                if index == pageCount - 1 { cairo_tag_end(cairo, "Document") }
                cairo_show_page(cairo)
                index += 1
                // A long document's parts are laid out and let go on two threads, each with its own
                // heap arena: what they free goes back now and then, so it never piles up.
                if index % MemoryReturn.pagesBetweenTrims == 0 { MemoryReturn.trim() }
                page = nil
                do { page = try next() } catch { stopped = error }
            }
            if stopped == nil {
                addOutline(metadata.outline, parent: Int32(CAIRO_PDF_OUTLINE_ROOT), surface: surface.pointer, open: true)
            }
        }
        if let stopped { throw stopped }
        // Finishing writes the whole structure tree and the fonts: room for it first.
        if pageCount >= MemoryReturn.pagesBetweenTrims { MemoryReturn.trim() }
        do { try surface.finish() } catch { throw sink.failure.map { RenderError.output($0) } ?? error }
        if let failure = sink.failure { throw RenderError.output(failure) }
        let finished = document()
        // Cairo 1.16 cannot write /Lang or /Alt: they are appended as an incremental update.
        func update(_ bytes: UnsafeRawBufferPointer, release: (() -> Void)? = nil) throws -> [UInt8] {
            do {
                return try PDFAccessibility.update(for: bytes, language: finished.language,
                                                   figureAlternatives: finished.figureAlternatives,
                                                   rightToLeft: finished.readsRightToLeft, release: release)
            } catch let failure as PDFAccessibility.Failure {
                throw RenderError.cairo("could not add accessibility data: \(failure.message)")
            }
        }
        guard let file else { return sink.bytes + (try sink.bytes.withUnsafeBytes { try update($0) }) }
        // Read back mapped: only the pages the update reads are loaded, and let go of as it goes.
        let written = try MappedFile(descriptor: file.descriptor)
        let tail = try update(written.bytes, release: written.release)
        tail.withUnsafeBytes { sink.append($0) }
        if let failure = sink.failure { throw RenderError.output(failure) }
        return []
    }

    private func addOutline(_ entries: [OutlineEntry], parent: Int32, surface: OpaquePointer, open: Bool) {
        for entry in entries {
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title,
                                                   "dest='\(TagAttribute.escaped(entry.destination))'",
                                                   open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : cairo_pdf_outline_flags_t(0))
            addOutline(entry.children, parent: id, surface: surface, open: false)
        }
    }

    /// A PNG of `frame`, each frame unit drawn as `scale` pixels.
    ///
    /// - Parameter dpi: Written into the file (pHYs) so slide and word processors place the image at the
    ///   intended size. A chart drawn at `scale` 2 is meant to be shown at half its pixel size: pass
    ///   `dpi: 96 * scale` to keep its physical size that of the frame at 96 dpi.
    public func png(_ frame: Frame, scale: Double = 1, dpi: Double = 96,
                    compression: PNGEncoder.Compression = .small) throws -> [UInt8] {
        let width = Int((frame.size.width * scale).rounded(.up))
        let height = Int((frame.size.height * scale).rounded(.up))
        try Renderer.checkImageSize(width: width, height: height)
        let rowBytes = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(width)))
        let surface = try Surface(rowBytes * height <= PixelBuffer.largestKept
            ? cairo_image_surface_create_for_data(pixels.zeroed(rowBytes * height).assumingMemoryBound(to: UInt8.self),
                                                  CAIRO_FORMAT_ARGB32, Int32(width), Int32(height), Int32(rowBytes))
            : cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
            what: "\(width)×\(height) image")
        try surface.draw { cairo in
            cairo_scale(cairo, scale, scale)
            FramePainter(cairo: cairo, fonts: fonts, snapsToPixels: true).paint(frame)
        }
        cairo_surface_flush(surface.pointer)
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        guard let data = cairo_image_surface_get_data(surface.pointer) else {
            throw RenderError.cairo("no pixel data in the \(width)×\(height) image")
        }
        // The surface (and so its pixels) must outlive the encoding.
        return withExtendedLifetime(surface) {
            PNGEncoder(dpi: dpi, compression: compression).encode(argb: UnsafeRawBufferPointer(start: data, count: stride * height),
                                        width: width, height: height, stride: stride)
        }
    }

    public func svg(_ frame: Frame) throws -> [UInt8] {
        let sink = ByteSink()
        let surface = try Surface(cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure,
                                                                      frame.size.width, frame.size.height),
                                  what: "SVG surface")
        try surface.draw { cairo in FramePainter(cairo: cairo, fonts: fonts).paint(frame) }
        try surface.finish()
        return SVGSurfaceNames.numberedInOrder(sink.bytes)
    }

    /// Rejects sizes that are empty, beyond Cairo's limits or beyond `maximumPixels`.
    public static func checkImageSize(width: Int, height: Int) throws {
        guard width > 0, height > 0, width <= maximumSide, height <= maximumSide,
              width.multipliedReportingOverflow(by: height).partialValue <= maximumPixels,
              !width.multipliedReportingOverflow(by: height).overflow else {
            throw RenderError.imageTooLarge(width: width, height: height, limit: maximumPixels)
        }
    }
}

extension PDFOptions {
    /// ISO 8601 in UTC, the form Cairo 1.16 parses (a form it cannot parse silently drops the date).
    static func isoDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
