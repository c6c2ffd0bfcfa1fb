import FolioLanguage
import FolioModel

/// Results over time: one small panel per indicator, all on one value axis, each a line through
/// the results of its periods, the targets as short thick ticks (bullet style) and the baseline
/// as a dashed reference line.
///
/// Why small multiples: with 2–8 periods and 1–8 indicators, one panel holding every line tangles
/// as soon as two indicators cross, and a legend per line sends the eye back and forth. Panels
/// share the value axis (as the targets chart does), so heights compare across indicators, and
/// each line is labelled directly: its first value at its left, the current one, in bold, at its
/// right. A result that meets its period's target is a filled dot, one that falls short a ring,
/// so the chart reads in greyscale too. Periods after the report's current one show their target
/// only: they have no result yet. Up to four panels stand in one row, five to eight in two.
struct ProgressChart {
    var outcome: Outcome
    var report: Report

    func layout(size: Size, look: ChartLook, measurer: TextMeasurer) -> Frame {
        let style = look.style
        let edition = look.edition
        let indicators = outcome.indicators
        let points = indicators.flatMap { $0.periods.prefix($0.currentPeriodIndex + 1) }
        var legend = [LegendEntry(color: style.targetColor, label: edition.text("chart.targets.legend_target"), mark: .tick)]
        if points.contains(where: \.meetsTarget) {
            legend.append(LegendEntry(color: style.resultMetColor, label: edition.text("chart.targets.legend_met"), mark: .dot))
        }
        if points.contains(where: { !$0.meetsTarget }) {
            legend.append(LegendEntry(color: style.resultShortColor, label: edition.text("chart.targets.legend_short"), mark: .ring))
        }
        let notes = ChartNotes(report: report, outcome: outcome, edition: edition)
        let scaffold = ChartScaffold(size: size, title: edition.text("chart.progress.title"), subtitle: edition.heading(outcome),
                                     legend: legend, source: edition.sourceLine(report), notes: notes.lines, look: look, measurer: measurer)
        guard !indicators.isEmpty else {
            return scaffold.withNote(edition.text("chart.no_indicators"), look: look)
        }
        var frame = scaffold.frame
        let body = scaffold.body

        let largest = Double((indicators.flatMap { $0.periods.map(\.target) + [$0.baseline?.value ?? 0] }
            + points.map(\.achieved)).max() ?? 0)
        let scale = AxisScale(maxValue: largest, targetTicks: 4).extendedWhenFull(largest)

        // The value axis: its title rotated at the far left, tick labels against the first panel of each row.
        let tickFont = look.smallFont
        let tickMetrics = measurer.metrics(of: tickFont)
        let unit = indicators[0].unit
        let axisTitle = unit == Indicator.defaultUnit ? edition.text("chart.targets.axis_default") : unit
        let tickWidth = scale.ticks.map { measurer.width(of: edition.tick($0), font: tickFont) }.max() ?? 0
        let plotsLeft = body.minX + tickMetrics.ascent + tickMetrics.descent + look.gap + tickWidth + look.gap

        let columns = indicators.count <= 4 ? indicators.count : (indicators.count + 1) / 2
        let rows = (indicators.count + columns - 1) / columns
        let panelGap = 3 * look.gap
        let rowGap = 1.5 * look.gap
        let panelWidth = max(1, (body.maxX - plotsLeft - Double(columns - 1) * panelGap) / Double(columns))
        let rowHeight = max(1, (body.height - Double(rows - 1) * rowGap) / Double(rows))
        // One row of panels leaves room for two lines of each indicator's description under its name.
        let descriptionFont = look.smallFont
        let descriptionLines = rows == 1 ? 2 : 0
        let titleLeading = look.leading(look.labelBoldFont) + Double(descriptionLines) * look.leading(descriptionFont)
        let periodLeading = look.leading(look.smallFont)
        let headroom = look.leading(look.labelFont) / 2

        for (index, indicator) in indicators.enumerated() {
            let column = index % columns, row = index / columns
            let left = plotsLeft + Double(column) * (panelWidth + panelGap)
            let top = body.minY + Double(row) * (rowHeight + rowGap)
            let plotTop = top + titleLeading + headroom
            let plotBottom = max(plotTop + 1, top + rowHeight - periodLeading - look.gap / 2)
            let panel = ProgressPanel(indicator: indicator, report: report,
                                      plot: Rect(x: left, y: plotTop, width: panelWidth, height: plotBottom - plotTop),
                                      scale: scale, look: look, measurer: measurer)

            let titleText = fitting([notes.marked(edition.text("indicator.label", ["id": indicator.id]), indicator: indicator.id), notes.marked(indicator.id, indicator: indicator.id)],
                                    font: look.labelBoldFont, width: panelWidth, measurer: measurer)
            var heading = LineStack()
            heading.append(titleText, font: look.labelBoldFont, color: style.textColor, x: 0, leading: look.leading(look.labelBoldFont),
                           metrics: measurer.metrics(of: look.labelBoldFont))
            let description = edition.breakingLongWords(indicator.description, font: descriptionFont, width: panelWidth, measurer: measurer)
            for line in measurer.lines(of: description, font: descriptionFont, width: panelWidth, maxLines: descriptionLines) {
                heading.append(line, font: descriptionFont, color: style.mutedTextColor, x: 0, leading: look.leading(descriptionFont),
                               metrics: measurer.metrics(of: descriptionFont))
            }
            frame.items += heading.items(at: Point(x: left, y: top))
            for tick in scale.ticks {
                let y = panel.y(Double(tick))
                if tick > 0 {
                    frame.append(.line(from: Point(x: left, y: y), to: Point(x: left + panelWidth, y: y),
                                       stroke: Stroke(color: style.gridColor, width: look.hairline)))
                }
                guard column == 0 else { continue }
                let text = edition.tick(tick)
                frame.append(.text(TextItem(text, font: tickFont, color: style.mutedTextColor,
                                            origin: Point(x: left - look.gap - measurer.width(of: text, font: tickFont),
                                                          y: y + (tickMetrics.ascent - tickMetrics.descent) / 2))))
            }
            frame.append(.line(from: Point(x: left, y: plotBottom), to: Point(x: left + panelWidth, y: plotBottom),
                               stroke: Stroke(color: style.axisColor, width: look.hairline * 1.4)))
            frame.items += panel.items()
        }

        let axisTitleWidth = measurer.width(of: axisTitle, font: tickFont)
        let axisMiddle = body.minY + body.height / 2
        frame.append(.text(TextItem(axisTitle, font: tickFont, color: style.mutedTextColor,
                                    origin: Point(x: body.minX + tickMetrics.ascent, y: axisMiddle + axisTitleWidth / 2),
                                    rotation: -Double.pi / 2)))
        return frame
    }
}
