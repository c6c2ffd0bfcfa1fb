import CCairo
import FolioLayout
import Foundation

/// The fonts Folio draws with: the bundled folder first, the system's fonts behind it for fallback.
///
/// Bundled fonts make the output the same on every machine: their folder is the first one
/// fontconfig reads, so a system copy of the same family (another version of Noto Sans) never
/// takes their place. The system's fonts stay visible because that is how characters the bundle
/// lacks, such as Chinese, still show instead of boxes.
///
/// One `FontLibrary` per thread: Pango font maps must not be shared between threads (see CAIRO-NOTES).
/// The fontconfig set-up behind them is made once per process and shared (`FontConfiguration`).
public final class FontLibrary {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let config: OpaquePointer
    public let directory: URL

    public init(directory: URL? = nil) throws {
        guard let folder = directory ?? FontLibrary.bundledFontsDirectory() else {
            throw RenderError.fonts("cannot find Assets/fonts; set FOLIO_FONTS to the folder of the bundled fonts")
        }
        let configuration = try FontConfiguration.shared(for: folder)
        self.config = configuration.pointer
        self.directory = folder
        guard let map = pango_cairo_font_map_new() else {
            throw RenderError.fonts("Pango could not create a font map")
        }
        pango_fc_font_map_set_config(OpaquePointer(map), config)
        fontMap = map
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Makes the process's fontconfig set-up for the bundled fonts now, if it is not made yet, so a
    /// `FontLibrary` made later on any thread finds it ready. Does nothing when the fonts are not found:
    /// making the library reports that.
    public static func prepareConfiguration() {
        guard let folder = bundledFontsDirectory() else { return }
        _ = try? FontConfiguration.shared(for: folder)
    }

    /// Finds `Assets/fonts`: `FOLIO_FONTS`, else beside or above the executable, else above the working folder.
    public static func bundledFontsDirectory() -> URL? {
        if let path = ProcessInfo.processInfo.environment["FOLIO_FONTS"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return search(for: "Assets/fonts/NotoSans-Regular.ttf")?.deletingLastPathComponent()
    }

    /// A Pango context of this library's font map with metrics that do not depend on the surface.
    ///
    /// Hinted metrics would round advances to whole pixels on image surfaces but not in PDFs, so
    /// a line measured once could be wider when drawn. With hinting off, one measurement serves all.
    func makeContext() -> OpaquePointer {
        let context = pango_font_map_create_context(fontMap)!
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 72)
        return context
    }
}

/// Owns a Pango font description made from a `FontSpec`.
final class FontDescription {
    let pointer: OpaquePointer

    /// Bundled families tried after the requested one and before the system's fonts. Without them
    /// fontconfig draws Arabic in whichever system font it prefers (DejaVu Sans on Debian), so an
    /// Arabic edition would depend on the machine; text those families lack is drawn as before.
    static let bundledFallbacks = ["Noto Sans Arabic"]

    init(_ spec: FontSpec) {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, ([spec.family] + FontDescription.bundledFallbacks).joined(separator: ","))
        pango_font_description_set_absolute_size(description, spec.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, spec.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, spec.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pointer = description
    }

    deinit { pango_font_description_free(pointer) }
}
