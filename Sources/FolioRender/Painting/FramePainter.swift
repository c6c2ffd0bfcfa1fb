import CCairo
import FolioLayout

/// Draws a finished `Frame` onto any Cairo context: image, PDF or SVG alike.
///
/// The painter makes no layout decisions; it only turns items into Cairo calls. Text is shaped
/// by Pango from plain text (never markup) and placed by its baseline.
final class FramePainter {
    private let cairo: OpaquePointer
    private let fonts: FontLibrary
    private let context: OpaquePointer
    private let layout: OpaquePointer
    private var descriptions: [FontSpec: FontDescription] = [:]

    /// Lines the measurer already shaped for this document, drawn as they are.
    private let shaped: PangoTextMeasurer?

    init(cairo: OpaquePointer, fonts: FontLibrary, shaped: PangoTextMeasurer? = nil) {
        self.cairo = cairo
        self.fonts = fonts
        self.shaped = shaped
        context = fonts.makeContext()
        layout = pango_layout_new(context)
        pango_layout_set_width(layout, -1)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    func paint(_ frame: Frame) {
        pango_cairo_update_layout(cairo, layout)
        for item in frame.items {
            paint(item)
        }
    }

    func paint(background: Color, size: Size, inset: Double) {
        paint(.rect(Rect(x: inset, y: inset, width: size.width - 2 * inset, height: size.height - 2 * inset),
                    fill: background, stroke: nil))
    }

    private func paint(_ item: FrameItem) {
        switch item {
        case .rect(let rect, let fill, let stroke):
            guard rect.width > 0, rect.height > 0 else { return }
            cairo_rectangle(cairo, rect.minX, rect.minY, rect.width, rect.height)
            if let fill {
                setColor(fill)
                stroke == nil ? cairo_fill(cairo) : cairo_fill_preserve(cairo)
            }
            if let stroke {
                setColor(stroke.color)
                cairo_set_line_width(cairo, stroke.width)
                cairo_stroke(cairo)
            }
        case .line(let from, let to, let stroke):
            cairo_move_to(cairo, from.x, from.y)
            cairo_line_to(cairo, to.x, to.y)
            setColor(stroke.color)
            cairo_set_line_width(cairo, stroke.width)
            cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
            cairo_stroke(cairo)
        case .text(let text):
            paint(text)
        case .group(let frame, let origin, let scale):
            cairo_save(cairo)
            cairo_translate(cairo, origin.x, origin.y)
            cairo_scale(cairo, scale, scale)
            paint(frame)
            cairo_restore(cairo)
            pango_cairo_update_layout(cairo, layout)
        case .anchor(let name, let point):
            cairo_tag_begin(cairo, CAIRO_TAG_DEST, "name='\(TagAttribute.escaped(name))' x=\(point.x) y=\(point.y)")
            cairo_tag_end(cairo, CAIRO_TAG_DEST)
        case .link(let rect, let destination):
            let area = "[\(rect.minX) \(rect.minY) \(rect.width) \(rect.height)]"
            cairo_tag_begin(cairo, CAIRO_TAG_LINK, "dest='\(TagAttribute.escaped(destination))' rect=\(area)")
            cairo_tag_end(cairo, CAIRO_TAG_LINK)
        case .beginStructure(let role):
            cairo_tag_begin(cairo, role, "")
        case .endStructure(let role):
            cairo_tag_end(cairo, role)
        }
    }

    private func paint(_ text: TextItem) {
        guard !text.text.isEmpty else { return }
        if text.rotation == 0, let shapedLine = shaped?.shapedLine(text.text, font: text.font), let line = shapedLine.line {
            setColor(text.color)
            cairo_move_to(cairo, text.origin.x, text.origin.y)
            pango_cairo_show_layout_line(cairo, line)
            return
        }
        let description = descriptions[text.font] ?? FontDescription(text.font)
        descriptions[text.font] = description
        pango_layout_set_font_description(layout, description.pointer)
        pango_layout_set_text(layout, text.text, -1)
        let baseline = Double(pango_layout_get_baseline(layout)) / Double(PANGO_SCALE)
        setColor(text.color)
        if text.rotation == 0 {
            cairo_move_to(cairo, text.origin.x, text.origin.y - baseline)
            pango_cairo_show_layout(cairo, layout)
            return
        }
        cairo_save(cairo)
        cairo_translate(cairo, text.origin.x, text.origin.y)
        cairo_rotate(cairo, text.rotation)
        pango_cairo_update_layout(cairo, layout)
        cairo_move_to(cairo, 0, -baseline)
        pango_cairo_show_layout(cairo, layout)
        cairo_restore(cairo)
        pango_cairo_update_layout(cairo, layout)
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }
}

/// Cairo tag attributes are a small language of their own: quote user text before it goes in.
enum TagAttribute {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
}
