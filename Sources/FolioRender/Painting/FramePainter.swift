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
    /// Pictures decoded so far, each once per document (see `DecodedImage`).
    private var pictures: [EmbeddedImage: DecodedImage] = [:]
    /// Whether the layout is set for right-to-left lines (see `setDirection`).
    private var isRightToLeft = false

    /// Lines the measurers already shaped for this document, drawn as they are. Of two shapes of the
    /// same text, the one measured last in document order is drawn, whichever thread measured it.
    private let shaped: [PangoTextMeasurer]
    /// Set when drawing an image: rectangles and level or upright lines then sit on whole pixels.
    private let grid: PixelGrid?

    init(cairo: OpaquePointer, fonts: FontLibrary, shaped: [PangoTextMeasurer] = [], snapsToPixels: Bool = false) {
        self.cairo = cairo
        self.fonts = fonts
        self.shaped = shaped
        grid = snapsToPixels ? PixelGrid(cairo: cairo) : nil
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

    /// Country shapes and boundaries: every piece in one Cairo path, filled even-odd (holes are
    /// plain rings) and/or stroked with round joins, so boundary lines meet without spikes.
    private func paint(_ path: PathItem) {
        for piece in path.pieces where piece.count > 1 {
            cairo_move_to(cairo, piece[0].x, piece[0].y)
            for point in piece.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
            if path.closed { cairo_close_path(cairo) }
        }
        if let fill = path.fill {
            setColor(fill)
            cairo_set_fill_rule(cairo, CAIRO_FILL_RULE_EVEN_ODD)
            path.stroke == nil ? cairo_fill(cairo) : cairo_fill_preserve(cairo)
            cairo_set_fill_rule(cairo, CAIRO_FILL_RULE_WINDING)
        }
        if let stroke = path.stroke {
            setColor(stroke.color)
            cairo_set_line_width(cairo, stroke.width)
            cairo_set_line_join(cairo, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(cairo, stroke.cap == .round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
            if let dash = stroke.dash { cairo_set_dash(cairo, dash, Int32(dash.count), 0) }
            cairo_stroke(cairo)
            if stroke.dash != nil { cairo_set_dash(cairo, nil, 0, 0) }
            cairo_set_line_join(cairo, CAIRO_LINE_JOIN_MITER)
        }
        cairo_new_path(cairo)
    }

    private func paint(_ item: FrameItem) {
        switch item {
        case .rect(let rect, let fill, let stroke):
            guard rect.width > 0, rect.height > 0 else { return }
            let snapped = grid?.snapped(rect, strokeWidth: stroke?.width) ?? (rect: rect, strokeWidth: stroke?.width)
            cairo_rectangle(cairo, snapped.rect.minX, snapped.rect.minY, snapped.rect.width, snapped.rect.height)
            if let fill {
                setColor(fill)
                stroke == nil ? cairo_fill(cairo) : cairo_fill_preserve(cairo)
            }
            if let stroke {
                setColor(stroke.color)
                cairo_set_line_width(cairo, snapped.strokeWidth ?? stroke.width)
                cairo_stroke(cairo)
            }
        case .line(let from, let to, let stroke):
            let line = grid?.snapped(from: from, to: to, stroke: stroke) ?? (from, to, stroke.width)
            cairo_move_to(cairo, line.from.x, line.from.y)
            cairo_line_to(cairo, line.to.x, line.to.y)
            setColor(stroke.color)
            cairo_set_line_width(cairo, line.width)
            cairo_set_line_cap(cairo, stroke.cap == .round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
            if let dash = stroke.dash {
                cairo_set_dash(cairo, dash, Int32(dash.count), 0)
                cairo_stroke(cairo)
                cairo_set_dash(cairo, nil, 0, 0)
            } else {
                cairo_stroke(cairo)
            }
        case .path(let path):
            paint(path)
        case .text(let text):
            paint(text)
        case .image(let image):
            paint(image)
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
        // A line the measurer shaped is drawn as it is unless it must read right to left and its
        // paragraph resolved left to right (it began with a Latin letter).
        if text.rotation == 0, let shapedLine = shapedLine(text.text, font: text.font), let line = shapedLine.line,
           !text.rightToLeft || line.pointee.resolved_dir == PANGO_DIRECTION_RTL.rawValue {
            setColor(text.color)
            cairo_move_to(cairo, text.origin.x, text.origin.y)
            pango_cairo_show_layout_line(cairo, line)
            return
        }
        let description = descriptions[text.font] ?? FontDescription(text.font)
        descriptions[text.font] = description
        pango_layout_set_font_description(layout, description.pointer)
        setDirection(rightToLeft: text.rightToLeft)
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

    private func shapedLine(_ text: String, font: FontSpec) -> PangoTextMeasurer.ShapedLine? {
        var found: PangoTextMeasurer.ShapedLine?
        for measurer in shaped {
            if let line = measurer.shapedLine(text, font: font), found.map({ $0.rank < line.rank }) ?? true { found = line }
        }
        return found
    }

    /// A picture the style loader already checked; one that cannot be decoded is left out, not drawn broken.
    private func paint(_ item: ImageItem) {
        let picture = pictures[item.image] ?? (try? DecodedImage(item.image))
        guard let picture else { return }
        pictures[item.image] = picture
        picture.draw(in: item.rect, on: cairo)
    }

    /// Right-to-left lines get a fixed right-to-left base direction instead of Pango's guess from
    /// the first strong letter, so "ILO المؤشر 4.1" in an Arabic edition puts "ILO" on the right and a
    /// line of digits or dots orders as Arabic text around it would. Left-to-right lines keep
    /// Pango's defaults (base direction guessed per paragraph), as before right-to-left existed.
    private func setDirection(rightToLeft: Bool) {
        guard rightToLeft != isRightToLeft else { return }
        isRightToLeft = rightToLeft
        pango_context_set_base_dir(context, rightToLeft ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR)
        pango_layout_set_auto_dir(layout, rightToLeft ? 0 : 1)
        pango_layout_context_changed(layout)
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
