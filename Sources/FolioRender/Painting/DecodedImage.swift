import CCairo
import FolioLayout

/// A picture decoded for drawing: a PNG as a Cairo image surface, an SVG as a librsvg document.
///
/// Each owns its C object and frees it in `deinit`. A painter keeps one per picture for the whole
/// document, so a logo in the header of 100 pages is decoded once, and Cairo's PDF surface, which
/// recognises a surface it has seen, embeds the PNG's bitmap once and refers to it from every page.
/// An SVG is recorded once as vectors and replayed wherever it appears (paths, not a bitmap):
/// sharp at any zoom, and written once into a PDF.
final class DecodedImage {
    struct Failure: Error {
        var message: String
    }

    private enum Content {
        case bitmap(OpaquePointer)
        case vector(Librsvg.Handle, Librsvg)
    }

    private let content: Content
    /// Width and height the picture describes: pixels for a PNG, CSS pixels for an SVG (its
    /// `width`/`height`, or its `viewBox` when it has none).
    let naturalSize: Size

    init(_ image: EmbeddedImage) throws(Failure) {
        switch image.kind {
        case .png:
            let surface = Self.decodePNG(image.bytes)
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(surface)
                throw Failure(message: "not a readable PNG image (" + String(cString: cairo_status_to_string(status)) + ")")
            }
            content = .bitmap(surface!)
            naturalSize = Size(width: Double(cairo_image_surface_get_width(surface)),
                               height: Double(cairo_image_surface_get_height(surface)))
        case .svg:
            let rsvg = try Librsvg.shared.get()
            // No base file: librsvg then loads nothing from outside the bytes (no xlink:href to files).
            var error: UnsafeMutablePointer<GError>?
            let handle = image.bytes.withUnsafeBufferPointer { rsvg.newFromData($0.baseAddress, gsize($0.count), &error) }
            guard let handle else {
                let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown reason"
                if let error { g_error_free(error) }
                throw Failure(message: "not a readable SVG image (\(reason))")
            }
            var width = 0.0, height = 0.0
            if rsvg.intrinsicSizeInPixels(handle, &width, &height) == 0 || width <= 0 || height <= 0 {
                var hasViewBox: gboolean = 0
                var viewBox = Librsvg.Rectangle()
                rsvg.intrinsicDimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
                width = hasViewBox != 0 ? viewBox.width : 0
                height = hasViewBox != 0 ? viewBox.height : 0
            }
            guard width > 0, height > 0, width.isFinite, height.isFinite else {
                g_object_unref(UnsafeMutableRawPointer(handle))
                throw Failure(message: "an SVG logo needs a size: give its <svg> element width and height or a viewBox")
            }
            content = .vector(handle, rsvg)
            naturalSize = Size(width: width, height: height)
        }
    }

    deinit {
        if let recorded { cairo_surface_destroy(recorded) }
        switch content {
        case .bitmap(let surface): cairo_surface_destroy(surface)
        case .vector(let handle, _): g_object_unref(UnsafeMutableRawPointer(handle))
        }
    }

    /// Draws the picture filling `rect` on `cairo`; false if librsvg could not draw the SVG.
    @discardableResult
    func draw(in rect: Rect, on cairo: OpaquePointer) -> Bool {
        guard rect.width > 0, rect.height > 0 else { return true }
        switch content {
        case .bitmap(let surface):
            cairo_save(cairo)
            cairo_translate(cairo, rect.minX, rect.minY)
            cairo_scale(cairo, rect.width / naturalSize.width, rect.height / naturalSize.height)
            cairo_set_source_surface(cairo, surface, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_GOOD)
            cairo_paint(cairo)
            cairo_restore(cairo)
            return true
        case .vector:
            guard let recording = recording() else { return false }
            cairo_save(cairo)
            cairo_translate(cairo, rect.minX, rect.minY)
            cairo_scale(cairo, rect.width / naturalSize.width, rect.height / naturalSize.height)
            cairo_set_source_surface(cairo, recording, 0, 0)
            cairo_paint(cairo)
            cairo_restore(cairo)
            return true
        }
    }

    /// The SVG drawn once at its natural size onto a recording surface (vectors, not pixels), which
    /// every use replays scaled: a PDF surface writes it once as a form and refers to it from each page.
    private var recorded: OpaquePointer?
    private var recordingFailed = false

    private func recording() -> OpaquePointer? {
        if let recorded { return recorded }
        guard case .vector(let handle, let rsvg) = content, !recordingFailed else { return nil }
        var extents = cairo_rectangle_t(x: 0, y: 0, width: naturalSize.width, height: naturalSize.height)
        let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)
        let context = cairo_create(surface)
        var viewport = Librsvg.Rectangle(x: 0, y: 0, width: naturalSize.width, height: naturalSize.height)
        var error: UnsafeMutablePointer<GError>?
        let drawn = rsvg.renderDocument(handle, context, &viewport, &error) != 0
        if let error { g_error_free(error) }
        let status = cairo_status(context)
        cairo_destroy(context)
        guard drawn, status == CAIRO_STATUS_SUCCESS, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            recordingFailed = true
            return nil
        }
        recorded = surface
        return surface
    }

    /// Draws the picture once on a small scratch surface: an SVG that parses but cannot be drawn
    /// fails here, when the style is loaded, rather than in the middle of a briefing.
    func checkDrawable() throws(Failure) {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 64, 64) else { return }
        defer { cairo_surface_destroy(surface) }
        let cairo = cairo_create(surface)!
        defer { cairo_destroy(cairo) }
        guard draw(in: Rect(x: 0, y: 0, width: 64, height: 64), on: cairo), cairo_status(cairo) == CAIRO_STATUS_SUCCESS else {
            throw Failure(message: "the SVG image cannot be drawn")
        }
    }

    private static func decodePNG(_ bytes: [UInt8]) -> OpaquePointer? {
        final class Source { let bytes: [UInt8]; var offset = 0; init(_ bytes: [UInt8]) { self.bytes = bytes } }
        let source = Source(bytes)
        let read: cairo_read_func_t = { closure, data, length in
            let source = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard let data, source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + source.offset, count: count) }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        return withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
        }
    }
}
