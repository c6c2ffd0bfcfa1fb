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

    public init(fonts: FontLibrary? = nil) throws {
        let library = try fonts ?? FontLibrary()
        self.fonts = library
        measurer = PangoTextMeasurer(fonts: library)
    }

    public func pdf(_ document: Document, options: PDFOptions = PDFOptions()) throws -> [UInt8] {
        let sink = ByteSink()
        let first = document.pages.first?.size ?? Size.a4
        let surface = try Surface(cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, first.width, first.height),
                                  what: "PDF surface")
        let stamp = PDFOptions.isoDate(options.date)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, document.title)
        if let author = document.author { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_AUTHOR, author) }
        if let subject = document.subject { cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_SUBJECT, subject) }
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, options.creator)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, stamp)
        cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, stamp)
        try surface.draw { cairo in
            let painter = FramePainter(cairo: cairo, fonts: fonts)
            for page in document.pages {
                cairo_pdf_surface_set_size(surface.pointer, page.size.width, page.size.height)
                painter.paint(page.frame)
                cairo_show_page(cairo)
            }
        }
        try surface.finish()
        return sink.bytes
    }

    /// A PNG of `frame`, each frame unit drawn as `scale` pixels.
    public func png(_ frame: Frame, scale: Double = 1) throws -> [UInt8] {
        let width = Int((frame.size.width * scale).rounded(.up))
        let height = Int((frame.size.height * scale).rounded(.up))
        try Renderer.checkImageSize(width: width, height: height)
        let surface = try Surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
                                  what: "\(width)×\(height) image")
        try surface.draw { cairo in
            cairo_scale(cairo, scale, scale)
            FramePainter(cairo: cairo, fonts: fonts).paint(frame)
        }
        cairo_surface_flush(surface.pointer)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface.pointer, ByteSink.write, sink.closure)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    public func svg(_ frame: Frame) throws -> [UInt8] {
        let sink = ByteSink()
        let surface = try Surface(cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure,
                                                                      frame.size.width, frame.size.height),
                                  what: "SVG surface")
        try surface.draw { cairo in FramePainter(cairo: cairo, fonts: fonts).paint(frame) }
        try surface.finish()
        return sink.bytes
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
