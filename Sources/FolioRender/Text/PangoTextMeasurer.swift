import CCairo
import FolioLanguage
import FolioLayout

/// Measures and breaks text with Pango, exactly as the painter will shape it.
///
/// Text is always set with `pango_layout_set_text`, never as markup: a country called
/// `<b>X</b> & Y` is measured and drawn literally.
public final class PangoTextMeasurer: TextMeasurer {
    let fonts: FontLibrary
    let context: OpaquePointer
    let layout: OpaquePointer
    private var descriptions: [FontSpec: FontDescription] = [:]
    private var metricsCache: [FontSpec: FontMetrics] = [:]
    private var widthCache: [WidthKey: Double] = [:]

    private struct WidthKey: Hashable { var text: String; var font: FontSpec }

    public init(fonts: FontLibrary) {
        self.fonts = fonts
        context = fonts.makeContext()
        layout = pango_layout_new(context)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    func description(for font: FontSpec) -> FontDescription {
        if let cached = descriptions[font] { return cached }
        let made = FontDescription(font)
        descriptions[font] = made
        return made
    }

    private func prepare(_ text: String, font: FontSpec, width: Double?) {
        pango_layout_set_font_description(layout, description(for: font).pointer)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_width(layout, width.map { Int32(max(1, $0 * Double(PANGO_SCALE))) } ?? -1)
        pango_layout_set_text(layout, text, -1)
    }

    public func width(of text: String, font: FontSpec) -> Double {
        let key = WidthKey(text: text, font: font)
        if let cached = widthCache[key] { return cached }
        prepare(text, font: font, width: nil)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let width = Double(logical.width) / Double(PANGO_SCALE)
        if widthCache.count > 50_000 { widthCache.removeAll(keepingCapacity: true) }
        widthCache[key] = width
        return width
    }

    /// Lines broken here, already shaped, so the painter can draw them without shaping again
    /// (shaping is most of the cost of a long PDF). Filled only while `keepsShapedLines` is set.
    private var shapedLines: [WidthKey: ShapedLine] = [:]
    var keepsShapedLines = false

    final class ShapedLine {
        let layout: OpaquePointer
        let index: Int32
        init(layout: OpaquePointer, index: Int32) {
            self.layout = layout
            self.index = index
            g_object_ref(UnsafeMutableRawPointer(layout))
        }
        deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var line: UnsafeMutablePointer<PangoLayoutLine>? { pango_layout_get_line_readonly(layout, index) }
    }

    func shapedLine(_ text: String, font: FontSpec) -> ShapedLine? {
        shapedLines[WidthKey(text: text, font: font)]
    }

    /// Starts or ends a document: shaped lines are kept only for the document being drawn.
    func keepShapedLines(_ keep: Bool) {
        keepsShapedLines = keep
        shapedLines.removeAll()
    }

    public func lines(of text: String, font: FontSpec, width: Double) -> [String] {
        guard !text.isEmpty else { return [""] }
        var layout = self.layout
        if keepsShapedLines {
            layout = pango_layout_new(context)
            pango_layout_set_font_description(layout, description(for: font).pointer)
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_width(layout, Int32(max(1, width * Double(PANGO_SCALE))))
            pango_layout_set_text(layout, text, -1)
        } else {
            prepare(text, font: font, width: width)
        }
        defer { if keepsShapedLines { g_object_unref(UnsafeMutableRawPointer(layout)) } }
        let utf8 = Array(text.utf8)
        let count = pango_layout_get_line_count(layout)
        var result: [String] = []
        result.reserveCapacity(Int(count))
        for index in 0..<count {
            guard let line = pango_layout_get_line_readonly(layout, index) else { continue }
            let start = Int(line.pointee.start_index)
            let end = min(utf8.count, start + Int(line.pointee.length))
            guard start <= end else { continue }
            var piece = String(decoding: utf8[start..<end], as: UTF8.self)
            while let last = piece.last, last == " " || last == "\n" || last == "\r" || last == "\t" {
                piece.removeLast()
            }
            // Soft hyphens: Pango broke the line at one (and counted the hyphen it shows there
            // in the width) or kept them invisible inside it. The line handed back says what is
            // seen: a "-" at a break, nothing elsewhere. Its shaped form is not kept, so the
            // painter shapes that visible text and a PDF copies out "-" rather than U+00AD.
            if piece.unicodeScalars.contains(SoftHyphens.character) {
                piece = SoftHyphens.visible(piece)
            } else if keepsShapedLines {
                shapedLines[WidthKey(text: piece, font: font)] = ShapedLine(layout: layout, index: index)
            }
            result.append(piece)
        }
        return result
    }

    /// How many characters of `text` no font can draw (they would show as boxes): with the bundled
    /// fonts in front and the system's behind, Chinese needs Droid Sans Fallback installed.
    public func missingGlyphs(in text: String, font: FontSpec) -> Int {
        prepare(text, font: font, width: nil)
        return Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    public func metrics(of font: FontSpec) -> FontMetrics {
        if let cached = metricsCache[font] { return cached }
        let metrics = pango_context_get_metrics(context, description(for: font).pointer, nil)
        defer { pango_font_metrics_unref(metrics) }
        let value = FontMetrics(ascent: Double(pango_font_metrics_get_ascent(metrics)) / Double(PANGO_SCALE),
                                descent: Double(pango_font_metrics_get_descent(metrics)) / Double(PANGO_SCALE))
        metricsCache[font] = value
        return value
    }
}
