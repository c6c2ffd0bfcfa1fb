import FolioLanguage
import FolioModel

/// Every indicator's share of its target as one horizontal bar, a line marking 100%.
///
/// Rows have a fixed height so type never shrinks: a long report gets several of these charts
/// (`pages(of:)`), each filling a page, rather than one chart of unreadable bars.
public struct OverviewChart {
    public struct Row: Sendable, Equatable {
        public var indicator: Indicator
        public var outcomeID: String
    }

    public var rows: [Row]
    public var title: String
    /// Same scale on every part of a split chart, so bars compare across pages.
    public var scale: AxisScale

    /// Printed under the bars; markers go after the indicator ids.
    public var notes: ChartNotes = .none

    public init(rows: [Row], title: String, scale: AxisScale) {
        self.rows = rows
        self.title = title
        self.scale = scale
    }

    /// Rows for all indicators in report order.
    public static func rows(of report: Report) -> [Row] {
        report.outcomes.flatMap { outcome in outcome.indicators.map { Row(indicator: $0, outcomeID: outcome.id) } }
    }

    /// The shared percentage axis: at least to 100%, far enough for the best result (capped at 1000%).
    public static func scale(for rows: [Row]) -> AxisScale {
        let best = rows.compactMap(\.indicator.shareOfTarget).max() ?? 1
        return AxisScale(maxValue: min(10, max(1, best)) * 100, targetTicks: 5)
    }

    /// Height of one bar's row at a type scale.
    public static func rowHeight(look scale: Double) -> Double { 17 * scale }

    /// Room for the tick labels under the bars.
    static func axisArea(_ look: ChartLook, measurer: TextMeasurer) -> Double {
        look.gap / 2 + look.leading(look.smallFont) + look.gap
    }

    /// Space above and below the bars (title, legend, axis, source), measured with the scaffold itself.
    func chrome(width: Double, look: ChartLook, measurer: TextMeasurer, source: String?) -> (top: Double, bottom: Double) {
        let probe = 10_000.0
        let body = scaffold(size: Size(width: width, height: probe), look: look, measurer: measurer, source: source).body
        return (body.minY, probe - body.maxY + OverviewChart.axisArea(look, measurer: measurer))
    }

    /// How many rows fit in a chart of `height`.
    /// - Parameter notes: the notes of all the rows: a part prints those of its own rows, so
    ///   this leaves room for the most it can have.
    public static func rowsFitting(height: Double, width: Double, typeScale: Double, style: Style,
                                   measurer: TextMeasurer, source: String?, notes: ChartNotes = .none, edition: Edition = .english) -> Int {
        let look = ChartLook(style: style, scale: typeScale, edition: edition)
        var probe = OverviewChart(rows: [], title: edition.text("chart.overview.title_part", ["part": edition.number(1), "parts": edition.number(9)]),
                                  scale: AxisScale(maxValue: 100))
        probe.notes = notes
        let chrome = probe.chrome(width: width, look: look, measurer: measurer, source: source)
        return max(1, Int((height - chrome.top - chrome.bottom) / rowHeight(look: typeScale)))
    }

    func scaffold(size: Size, look: ChartLook, measurer: TextMeasurer, source: String?) -> ChartScaffold {
        let style = look.style
        let edition = look.edition
        let legend = [LegendEntry(color: style.resultMetColor, label: edition.text("chart.overview.legend_met")),
                      LegendEntry(color: style.resultShortColor, pattern: .diagonal, label: edition.text("chart.overview.legend_short"))]
        return ChartScaffold(size: size, title: title,
                             subtitle: edition.text("chart.overview.subtitle", ["percent": edition.formats.percent(wholePercent: 100)]),
                             legend: legend, source: source, notes: notes.lines, look: look, measurer: measurer)
    }

    /// - Parameter filling: a canvas height to fill (slides): rows then grow, up to three times their
    ///   normal height, instead of leaving the canvas empty below a short chart.
    public func layout(width: Double, typeScale: Double, style: Style, measurer: TextMeasurer, source: String?,
                       filling: Double? = nil, edition: Edition = .english) -> Frame {
        let look = ChartLook(style: style, scale: typeScale, edition: edition)
        let chrome = chrome(width: width, look: look, measurer: measurer, source: source)
        var rowHeight = OverviewChart.rowHeight(look: typeScale)
        if let filling, !rows.isEmpty {
            rowHeight = min(3 * rowHeight, max(rowHeight, (filling - chrome.top - chrome.bottom) / Double(rows.count)))
        }
        let height = filling ?? chrome.top + Double(rows.count) * rowHeight + chrome.bottom
        let scaffold = scaffold(size: Size(width: width, height: height), look: look, measurer: measurer, source: source)
        var frame = scaffold.frame
        let body = scaffold.body
        let tickFont = look.smallFont
        let tickMetrics = measurer.metrics(of: tickFont)
        let labelFont = look.smallFont
        let labelMetrics = measurer.metrics(of: labelFont)
        let idFont = look.smallFont.bold
        let ids = rows.map { notes.marked($0.indicator.id, indicator: $0.indicator.id) }
        let idWidth = ids.map { measurer.width(of: $0, font: idFont) }.max() ?? 0
        let labelColumn = body.width * 0.36
        let valueWidth = measurer.width(of: edition.formats.percent(wholePercent: 1000), font: look.valueFont)
        let plotLeft = body.minX + labelColumn + look.gap
        let plotWidth = max(1, body.maxX - valueWidth - look.gap - plotLeft)
        let plotTop = body.minY
        let plotBottom = plotTop + rowHeight * Double(rows.count)

        for tick in scale.ticks {
            let x = plotLeft + scale.position(of: tick, length: plotWidth)
            frame.append(.line(from: Point(x: x, y: plotTop), to: Point(x: x, y: plotBottom),
                               stroke: Stroke(color: tick == 0 ? style.axisColor : style.gridColor, width: look.hairline)))
            let text = edition.formats.percent(wholePercent: Int(tick.rounded()))
            let width = measurer.width(of: text, font: tickFont)
            frame.append(.text(TextItem(text, font: tickFont, color: style.mutedTextColor,
                                        origin: Point(x: x - width / 2, y: plotBottom + look.gap / 2 + tickMetrics.ascent))))
        }

        let thickness = min(rowHeight * 0.62, 16 * typeScale)
        let hundred = plotLeft + scale.position(of: 100, length: plotWidth)
        var valueLabels: [FrameItem] = []
        for (index, row) in rows.enumerated() {
            let indicator = row.indicator
            let center = plotTop + rowHeight * (Double(index) + 0.5)
            let baseline = center + (labelMetrics.ascent - labelMetrics.descent) / 2
            frame.append(.text(TextItem(ids[index], font: idFont, color: style.textColor,
                                        origin: Point(x: body.minX, y: baseline))))
            let descriptionX = body.minX + idWidth + look.gap
            let description = measurer.lines(of: indicator.description, font: labelFont,
                                             width: max(1, plotLeft - look.gap - descriptionX), maxLines: 1).first ?? ""
            frame.append(.text(TextItem(description, font: labelFont, color: style.mutedTextColor,
                                        origin: Point(x: descriptionX, y: baseline))))
            guard let share = indicator.shareOfTarget else {
                frame.append(.text(TextItem(edition.text("chart.no_target"), font: labelFont, color: style.mutedTextColor,
                                            origin: Point(x: plotLeft + look.gap / 2, y: baseline))))
                continue
            }
            let color = indicator.meetsTarget ? style.resultMetColor : style.resultShortColor
            let length = scale.position(of: share * 100, length: plotWidth)
            frame.items += look.bar(Rect(x: plotLeft, y: center - thickness / 2, width: length, height: thickness), fill: color,
                                    pattern: indicator.meetsTarget ? .solid : .diagonal)
            let value = edition.percent(share) + (share * 100 > scale.maximum ? "+" : "")
            let valueFont = look.valueFont.sized(labelFont.size)
            let x = plotLeft + length + look.gap / 2
            let width = measurer.width(of: value, font: valueFont)
            if x - 1 < hundred, x + width + 1 > hundred, let background = style.chartBackground {
                // Knock the 100% line out behind a label that crosses it.
                valueLabels.append(.rect(Rect(x: x - 1, y: center - labelMetrics.ascent / 2 - 2, width: width + 2,
                                              height: labelMetrics.ascent + 4), fill: background, stroke: nil))
            }
            valueLabels.append(.text(TextItem(value, font: valueFont, color: style.textColor, origin: Point(x: x, y: baseline))))
        }
        // The 100% line goes over the bars, so it shows where each one passes its target; labels go over the line.
        frame.append(.line(from: Point(x: hundred, y: plotTop - look.gap / 2), to: Point(x: hundred, y: plotBottom),
                           stroke: Stroke(color: style.textColor, width: look.hairline * 1.6)))
        frame.items += valueLabels
        return frame
    }

    public func alternativeText(edition: Edition = .english) -> String {
        let parts = rows.map { row -> String in
            edition.text("alt.overview_item", ["id": row.indicator.id,
                                               "share": row.indicator.shareOfTarget.map(edition.percent) ?? edition.text("chart.overview.no_target")])
        }
        return edition.text("alt.overview", ["items": parts.joined(separator: edition.text("separator.list"))])
            + notes.alternativeTextSuffix(edition)
    }
}
