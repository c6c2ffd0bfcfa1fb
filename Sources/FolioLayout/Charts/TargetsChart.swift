import FolioLanguage
import FolioModel

/// Targets versus results: per indicator a target bar and a result bar on a common axis from 0.
///
/// A result that meets its target and one that falls short get different colours (and the legend
/// says which is which); the share of the target achieved is written under each group, so the
/// chart still reads in greyscale.
struct TargetsChart {
    var outcome: Outcome
    var report: Report

    func layout(size: Size, look: ChartLook, measurer: TextMeasurer) -> Frame {
        let style = look.style
        let indicators = outcome.indicators
        let edition = look.edition
        var legend = [LegendEntry(color: style.targetColor, label: edition.text("chart.targets.legend_target"))]
        if indicators.contains(where: \.meetsTarget) {
            legend.append(LegendEntry(color: style.resultMetColor, label: edition.text("chart.targets.legend_met")))
        }
        if indicators.contains(where: { !$0.meetsTarget }) {
            legend.append(LegendEntry(color: style.resultShortColor, pattern: .diagonal, label: edition.text("chart.targets.legend_short")))
        }
        let title = report.period.map { edition.text("chart.targets.title_period", ["period": $0]) }
            ?? edition.text("chart.targets.title")
        let notes = ChartNotes(report: report, outcome: outcome, edition: edition)
        let scaffold = ChartScaffold(size: size, title: title, subtitle: edition.heading(outcome), legend: legend,
                                     source: edition.sourceLine(report), notes: notes.lines, look: look, measurer: measurer)
        var frame = scaffold.frame
        let body = scaffold.body
        guard !indicators.isEmpty else {
            return scaffold.withNote(edition.text("chart.no_indicators"), look: look)
        }

        // Vertical axis: title rotated at the far left, tick labels right-aligned against the plot.
        var scale = AxisScale(maxValue: Double(indicators.map { max($0.target, $0.achieved) }.max() ?? 0))
        let tickFont = look.smallFont
        let tickMetrics = measurer.metrics(of: tickFont)
        let unit = indicators.first?.unit ?? Indicator.defaultUnit
        let axisTitle = unit == Indicator.defaultUnit ? edition.text("chart.targets.axis_default") : unit
        let axisTitleFont = look.smallFont
        let axisTitleMetrics = measurer.metrics(of: axisTitleFont)
        let tickLabelWidth = scale.extended().ticks.map { measurer.width(of: edition.tick($0), font: tickFont) }.max() ?? 0
        let plotLeft = body.minX + axisTitleMetrics.ascent + axisTitleMetrics.descent + look.gap + tickLabelWidth + look.gap
        let plotWidth = body.maxX - plotLeft
        let groupWidth = plotWidth / Double(indicators.count)

        // Category labels under the axis: id, share of target, then the description as room allows.
        let labelWidth = max(1, groupWidth - look.gap * 1.5)
        let boldLeading = look.leading(look.labelBoldFont)
        let descriptionFont = look.smallFont
        let descriptionLeading = look.leading(descriptionFont)
        let maxLabelArea = body.height * 0.34
        let descriptionLines = max(0, min(4, Int((maxLabelArea - 2 * boldLeading) / descriptionLeading)))
        let labels = indicators.map { indicator -> LineStack in
            var stack = LineStack()
            let name = fitting([notes.marked(edition.text("indicator.label", ["id": indicator.id]), indicator: indicator.id), notes.marked(indicator.id, indicator: indicator.id)], font: look.labelBoldFont, width: labelWidth, measurer: measurer)
            func centered(_ text: String, _ font: FontSpec) -> Double {
                max(0, (labelWidth - measurer.width(of: text, font: font)) / 2)
            }
            stack.append(name, font: look.labelBoldFont, color: style.textColor, x: centered(name, look.labelBoldFont),
                         leading: boldLeading,
                         metrics: measurer.metrics(of: look.labelBoldFont))
            let share = indicator.shareOfTarget.map { edition.text("chart.share_of_target", ["percent": edition.percent($0)]) }
                ?? edition.text("chart.no_target")
            let shareText = fitting([share, indicator.shareOfTarget.map(edition.percent) ?? edition.text("no_share")],
                                    font: look.labelBoldFont, width: labelWidth, measurer: measurer)
            stack.append(shareText, font: look.labelBoldFont,
                         color: indicator.meetsTarget ? style.resultMetColor : style.resultShortColor,
                         x: centered(shareText, look.labelBoldFont), leading: boldLeading,
                         metrics: measurer.metrics(of: look.labelBoldFont))
            for line in measurer.lines(of: edition.breakingLongWords(indicator.description, font: descriptionFont,
                                                                      width: labelWidth, measurer: measurer),
                                       font: descriptionFont, width: labelWidth,
                                       maxLines: descriptionLines) {
                stack.append(line, font: descriptionFont, color: style.mutedTextColor, x: centered(line, descriptionFont),
                             leading: descriptionLeading, metrics: measurer.metrics(of: descriptionFont))
            }
            return stack
        }
        let labelArea = labels.map(\.height).max() ?? 0
        let plotBottom = body.maxY - labelArea - look.gap
        let valueHeadroom = look.leading(look.valueFont) + look.gap / 2
        let plotTop = body.minY + valueHeadroom
        let plotHeight = max(1, plotBottom - plotTop)

        // Keep room above the tallest bar for its value label.
        let tallest = Double(indicators.map { max($0.target, $0.achieved) }.max() ?? 0)
        if plotHeight - scale.position(of: tallest, length: plotHeight) < look.leading(look.valueFont) * 0.5 {
            scale = scale.extended()
        }

        for tick in scale.ticks {
            let y = plotBottom - scale.position(of: tick, length: plotHeight)
            if tick > 0 {
                frame.append(.line(from: Point(x: plotLeft, y: y), to: Point(x: body.maxX, y: y),
                                   stroke: Stroke(color: style.gridColor, width: look.hairline)))
            }
            let text = edition.tick(tick)
            let width = measurer.width(of: text, font: tickFont)
            frame.append(.text(TextItem(text, font: tickFont, color: style.mutedTextColor,
                                        origin: Point(x: plotLeft - look.gap - width,
                                                      y: y + (tickMetrics.ascent - tickMetrics.descent) / 2))))
        }
        let axisTitleWidth = measurer.width(of: axisTitle, font: axisTitleFont)
        frame.append(.text(TextItem(axisTitle, font: axisTitleFont, color: style.mutedTextColor,
                                    origin: Point(x: body.minX + axisTitleMetrics.ascent,
                                                  y: plotTop + plotHeight / 2 + axisTitleWidth / 2),
                                    rotation: -Double.pi / 2)))

        let barWidth = min(groupWidth * 0.3, 64 * look.scale)
        let barGap = max(2 * look.scale, barWidth * 0.1)
        let valueMetrics = measurer.metrics(of: look.valueFont)
        for (index, indicator) in indicators.enumerated() {
            let center = plotLeft + groupWidth * (Double(index) + 0.5)
            let bars: [(value: Int, color: Color, pattern: BarPattern, x: Double, labelColor: Color)] = [
                (indicator.target, style.targetColor, .solid, center - barGap / 2 - barWidth, style.mutedTextColor),
                (indicator.achieved, indicator.meetsTarget ? style.resultMetColor : style.resultShortColor,
                 indicator.meetsTarget ? .solid : .diagonal, center + barGap / 2, style.textColor),
            ]
            let labelTexts = bars.map { edition.number($0.value) }
            let labelWidths = labelTexts.map { measurer.width(of: $0, font: look.valueFont) }
            // Value labels sit centred on their bars; if neighbours would collide, only the result keeps one.
            let bothFit = labelWidths.allSatisfy { $0 <= barWidth + barGap * 0.8 }
            for (barIndex, bar) in bars.enumerated() {
                let height = scale.position(of: Double(bar.value), length: plotHeight)
                frame.items += look.bar(Rect(x: bar.x, y: plotBottom - height, width: barWidth, height: height),
                                        fill: bar.color, pattern: bar.pattern)
                guard bothFit || (barIndex == 1 && labelWidths[1] <= groupWidth - look.gap) else { continue }
                var x = bar.x + barWidth / 2 - labelWidths[barIndex] / 2
                x = min(max(x, plotLeft + 1), body.maxX - labelWidths[barIndex])
                frame.append(.text(TextItem(labelTexts[barIndex], font: look.valueFont, color: bar.labelColor,
                                            origin: Point(x: x, y: plotBottom - height - look.gap / 2 - valueMetrics.descent))))
            }
            let label = labels[index]
            let labelLeft = center - labelWidth / 2
            frame.items += label.items(at: Point(x: labelLeft, y: plotBottom + look.gap))
        }
        frame.append(.line(from: Point(x: plotLeft, y: plotBottom), to: Point(x: body.maxX, y: plotBottom),
                           stroke: Stroke(color: style.axisColor, width: look.hairline * 1.4)))
        return frame
    }
}

/// The first of `candidates` that fits `width`, else the last one.
func fitting(_ candidates: [String], font: FontSpec, width: Double, measurer: TextMeasurer) -> String {
    candidates.first { measurer.width(of: $0, font: font) <= width } ?? candidates.last ?? ""
}
