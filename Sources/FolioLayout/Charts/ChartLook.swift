import FolioLanguage
/// Type and spacing of one chart, derived from the style and the chart's size.
///
/// Sizes scale with `typeScale` so a 1600×900 PNG looks like the 800×450 chart at double
/// resolution, and a chart in the briefing can use its own, print-sized, scale.
public struct ChartLook: Sendable {
    public var style: Style
    public var scale: Double
    /// The language of every word and number the chart writes.
    public var edition: Edition

    public init(style: Style, scale: Double, edition: Edition = .english) {
        self.style = style
        self.scale = scale
        self.edition = edition
    }

    var base: FontSpec { FontSpec(family: style.fontFamily, size: 10.5 * scale) }
    var titleFont: FontSpec { base.sized(17 * scale).bold }
    var subtitleFont: FontSpec { base.sized(11.5 * scale) }
    var labelFont: FontSpec { base.sized(10.5 * scale) }
    var labelBoldFont: FontSpec { labelFont.bold }
    var smallFont: FontSpec { base.sized(9.5 * scale) }
    var valueFont: FontSpec { base.sized(10.5 * scale).bold }
    var sourceFont: FontSpec { base.sized(8.5 * scale) }

    var padding: Double { 22 * scale }
    func leading(_ font: FontSpec) -> Double { font.size * 1.3 }
    var gap: Double { 8 * scale }
    var hairline: Double { max(0.5, 0.8 * scale) }

    /// Near-black and white: between them every fill of the shipped palettes reaches WCAG AA (4.5:1);
    /// the style's softer text colour does not on vermillion (#D55E00: 4.1:1).
    public static let labelDark = Color(hex: "#111111")!

    /// Text colour for a label drawn on `fill`: whichever of near-black and white contrasts more.
    public static func labelColor(on fill: Color) -> Color {
        fill.legibleText(dark: labelDark, light: .white)
    }

    /// The pattern a series gets: none unless the style asks for patterns.
    func pattern(_ pattern: BarPattern) -> BarPattern { style.barPatterns ? pattern : .solid }

    /// A point marker: a dot in `color` on a halo of the background, which keeps it clear of lines
    /// it sits on; `hollow` leaves the background inside (a ring), so it differs without colour.
    /// A dot is a line from the point to itself with round ends.
    func point(_ center: Point, diameter: Double, color: Color, hollow: Bool = false, halo: Double = 0) -> [FrameItem] {
        func dot(_ size: Double, _ color: Color) -> FrameItem {
            .line(from: center, to: center, stroke: Stroke(color: color, width: max(0, size), cap: .round))
        }
        let background = style.chartBackground ?? .white
        var items: [FrameItem] = []
        if halo > 0 { items.append(dot(diameter + 2 * halo, background)) }
        items.append(dot(diameter, color))
        if hollow { items.append(dot(diameter - 3.2 * scale, background)) }
        return items
    }

    /// A bar in `fill`, hatched when the style uses patterns.
    func bar(_ rect: Rect, fill: Color, pattern: BarPattern) -> [FrameItem] {
        BarPattern.bar(rect, fill: fill, pattern: self.pattern(pattern), spacing: 5 * scale, lineWidth: max(0.4, 0.9 * scale))
    }
}

/// One entry of a chart's legend: the swatch's colour and pattern, and its label.
struct LegendEntry {
    /// What the legend draws beside the label: the chart's own mark, so the key looks like what it explains.
    enum Mark {
        /// A square of the bar's fill and pattern.
        case swatch
        /// A short thick horizontal stroke (a target marker).
        case tick
        /// A filled dot (a point).
        case dot
        /// A ring: a dot with the background inside (a point that falls short).
        case ring
        /// A square of the colour lightened, outlined in the full colour (a territory on a map).
        case outlined
    }

    var color: Color
    var pattern: BarPattern = .solid
    var label: String
    var mark: Mark = .swatch
}

/// Where a chart's pieces go, shared by every chart: title and subtitle, legend, source line.
struct ChartScaffold {
    var frame: Frame
    /// Free area for the plot and its labels, after title, legend and source line.
    var body: Rect

    /// - Parameter notes: lines printed above the source line (`ChartNotes.lines`), each wrapped
    ///   to at most two lines.
    init(size: Size, title: String, subtitle: String?, legend: [LegendEntry], source: String?, notes: [String] = [],
         look: ChartLook, measurer: TextMeasurer) {
        frame = Frame(size: size)
        if let background = look.style.chartBackground {
            frame.append(.rect(Rect(x: 0, y: 0, width: size.width, height: size.height), fill: background, stroke: nil))
        }
        let pad = look.padding
        let width = size.width - 2 * pad
        var stack = LineStack()
        stack.appendParagraph(title, font: look.titleFont, color: look.style.textColor, x: 0, width: width,
                              leading: look.leading(look.titleFont), measurer: measurer)
        if let subtitle, !subtitle.isEmpty {
            for line in measurer.lines(of: subtitle, font: look.subtitleFont, width: width, maxLines: 2) {
                stack.append(line, font: look.subtitleFont, color: look.style.mutedTextColor, x: 0,
                             leading: look.leading(look.subtitleFont), metrics: measurer.metrics(of: look.subtitleFont))
            }
        }
        frame.items += stack.items(at: Point(x: pad, y: pad))
        var top = pad + stack.height + look.gap

        // Legend: swatch and label pairs, flowing onto more lines when the chart is narrow.
        let font = look.labelFont
        let metrics = measurer.metrics(of: font)
        let swatch = font.size * 0.95
        let lineHeight = look.leading(font)
        var x = pad
        for entry in legend {
            let label = entry.label
            let itemWidth = swatch + font.size * 0.45 + measurer.width(of: label, font: font)
            if x > pad && x + itemWidth > size.width - pad {
                x = pad
                top += lineHeight
            }
            let baseline = top + (lineHeight - metrics.ascent - metrics.descent) / 2 + metrics.ascent
            let swatchTop = baseline - metrics.ascent * 0.5 - swatch / 2 - metrics.descent * 0.1
            let middle = Point(x: x + swatch / 2, y: swatchTop + swatch / 2)
            switch entry.mark {
            case .swatch:
                frame.items += look.bar(Rect(x: x, y: swatchTop, width: swatch, height: swatch), fill: entry.color, pattern: entry.pattern)
            case .tick:
                frame.append(.line(from: Point(x: x, y: middle.y), to: Point(x: x + swatch, y: middle.y),
                                   stroke: Stroke(color: entry.color, width: swatch * 0.36)))
            case .outlined:
                frame.append(.rect(Rect(x: x, y: swatchTop, width: swatch, height: swatch), fill: MapChart.lighter(entry.color),
                                   stroke: Stroke(color: entry.color, width: max(0.5, 1.1 * look.scale))))
            case .dot, .ring:
                frame.items += look.point(middle, diameter: swatch * 0.8, color: entry.color, hollow: entry.mark == .ring)
            }
            frame.append(.text(TextItem(label, font: font, color: look.style.textColor,
                                        origin: Point(x: x + swatch + font.size * 0.45, y: baseline))))
            x += itemWidth + font.size * 1.6
        }
        if !legend.isEmpty { top += lineHeight + look.gap }

        var bottom = size.height - pad
        if let source, !source.isEmpty {
            let sourceMetrics = measurer.metrics(of: look.sourceFont)
            let line = measurer.lines(of: source, font: look.sourceFont, width: width, maxLines: 1).first ?? ""
            frame.append(.text(TextItem(line, font: look.sourceFont, color: look.style.mutedTextColor,
                                        origin: Point(x: pad, y: bottom - sourceMetrics.descent))))
            bottom -= sourceMetrics.ascent + sourceMetrics.descent + look.gap
        }
        if !notes.isEmpty {
            let font = look.sourceFont
            var stack = LineStack()
            for note in notes {
                stack.appendParagraph(note, font: font, color: look.style.mutedTextColor, x: 0, width: width,
                                      leading: look.leading(font), measurer: measurer, maxLines: 2)
            }
            frame.items += stack.items(at: Point(x: pad, y: bottom - stack.height))
            bottom -= stack.height + look.gap
        }
        body = Rect(x: pad, y: top, width: width, height: max(0, bottom - top))
    }

    /// The frame with a short note where the plot would be (a chart with nothing to plot).
    func withNote(_ note: String, look: ChartLook) -> Frame {
        var frame = self.frame
        frame.append(.text(TextItem(note, font: look.labelFont, color: look.style.mutedTextColor,
                                    origin: Point(x: body.minX, y: body.minY + look.labelFont.size))))
        return frame
    }
}
