import FolioLanguage
import FolioModel

/// Where results were achieved: one horizontal bar per indicator, stacked by region in report order.
///
/// Horizontal bars leave room for long indicator labels at the left; each segment carries its
/// count when the count fits inside, in whichever of dark or light text contrasts better.
struct RegionsChart {
    var outcome: Outcome
    var report: Report

    func layout(size: Size, look: ChartLook, measurer: TextMeasurer) -> Frame {
        let style = look.style
        let indicators = outcome.indicators
        let legend = report.regions.enumerated().map {
            LegendEntry(color: style.regionColor(at: $0.offset), pattern: .forSeries($0.offset), label: $0.element)
        }
        let edition = look.edition
        let title = edition.text("chart.regions.title")
        let notes = ChartNotes(report: report, outcome: outcome, edition: edition)
        let scaffold = ChartScaffold(size: size, title: title, subtitle: edition.heading(outcome), legend: legend,
                                     source: edition.sourceLine(report), notes: notes.lines, look: look, measurer: measurer)
        var frame = scaffold.frame
        let body = scaffold.body
        guard !indicators.isEmpty else {
            return scaffold.withNote(edition.text("chart.no_indicators"), look: look)
        }

        let totals = indicators.map(\.listedCount)
        let scale = AxisScale(maxValue: Double(totals.max() ?? 0), targetTicks: 6)
        let tickFont = look.smallFont
        let tickMetrics = measurer.metrics(of: tickFont)
        let hasTerritories = indicators.contains { $0.territoryCount > 0 }
        let unit = indicators.first?.unit ?? Indicator.defaultUnit
        // The bars count the entries listed, whatever the indicator's numbers count: without a unit
        // (IATI data) they are countries.
        let axisTitle = unit == Indicator.defaultUnit
            ? edition.text(hasTerritories ? "chart.regions.axis_default_territories" : "chart.regions.axis_default")
            : unit.isEmpty
            ? edition.text(hasTerritories ? "chart.regions.axis_countries_territories" : "chart.regions.axis_countries")
            : edition.text(hasTerritories ? "chart.regions.axis_territories" : "chart.regions.axis", ["unit": unit])
        let axisArea = 2 * look.leading(tickFont) + look.gap
        let plotBottom = body.maxY - axisArea
        let plotTop = body.minY
        let rowHeight = (plotBottom - plotTop) / Double(indicators.count)

        let labelColumn = min(max(body.width * 0.26, 90 * look.scale), body.width * 0.4)
        let plotLeft = body.minX + labelColumn + look.gap * 1.5
        let totalWidth = totals.map { measurer.width(of: edition.number($0), font: look.valueFont) }.max() ?? 0
        let lastTickHalf = measurer.width(of: edition.tick(scale.maximum), font: tickFont) / 2
        let plotWidth = max(1, body.maxX - max(totalWidth + look.gap, lastTickHalf) - plotLeft)

        for tick in scale.ticks {
            let x = plotLeft + scale.position(of: tick, length: plotWidth)
            frame.append(.line(from: Point(x: x, y: plotTop), to: Point(x: x, y: plotBottom),
                               stroke: Stroke(color: tick == 0 ? style.axisColor : style.gridColor,
                                              width: look.hairline * (tick == 0 ? 1.4 : 1))))
            let text = edition.tick(tick)
            let width = measurer.width(of: text, font: tickFont)
            frame.append(.text(TextItem(text, font: tickFont, color: style.mutedTextColor,
                                        origin: Point(x: x - width / 2, y: plotBottom + look.gap / 2 + tickMetrics.ascent))))
        }
        let axisTitleWidth = measurer.width(of: axisTitle, font: tickFont)
        frame.append(.text(TextItem(axisTitle, font: tickFont, color: style.mutedTextColor,
                                    origin: Point(x: plotLeft + (plotWidth - axisTitleWidth) / 2,
                                                  y: body.maxY - tickMetrics.descent))))

        let barThickness = min(rowHeight * 0.56, 40 * look.scale)
        let valueMetrics = measurer.metrics(of: look.valueFont)
        let boldLeading = look.leading(look.labelBoldFont)
        let descriptionLeading = look.leading(look.smallFont)
        let descriptionLines = max(0, Int((rowHeight * 0.92 - boldLeading) / descriptionLeading))
        for (index, indicator) in indicators.enumerated() {
            let rowTop = plotTop + rowHeight * Double(index)
            let center = rowTop + rowHeight / 2

            var label = LineStack()
            let name = fitting([notes.marked(edition.text("indicator.label", ["id": indicator.id]), indicator: indicator.id), notes.marked(indicator.id, indicator: indicator.id)], font: look.labelBoldFont, width: labelColumn, measurer: measurer)
            label.append(name, font: look.labelBoldFont, color: style.textColor, x: 0, leading: boldLeading,
                         metrics: measurer.metrics(of: look.labelBoldFont))
            for line in measurer.lines(of: edition.breakingLongWords(indicator.description, font: look.smallFont,
                                                                      width: labelColumn, measurer: measurer),
                                       font: look.smallFont, width: labelColumn,
                                       maxLines: min(3, descriptionLines)) {
                label.append(line, font: look.smallFont, color: style.mutedTextColor, x: 0,
                             leading: descriptionLeading, metrics: measurer.metrics(of: look.smallFont))
            }
            frame.items += label.items(at: Point(x: body.minX, y: center - label.height / 2))

            var x = plotLeft
            let barTop = center - barThickness / 2
            for (regionIndex, region) in report.regions.enumerated() {
                let count = indicator.entries(in: region).count
                guard count > 0 else { continue }
                let width = scale.position(of: Double(count), length: plotWidth)
                let fill = style.regionColor(at: regionIndex)
                frame.items += look.bar(Rect(x: x, y: barTop, width: width, height: barThickness), fill: fill,
                                        pattern: .forSeries(regionIndex))
                // A thin light gap keeps neighbouring segments apart in greyscale.
                if x > plotLeft {
                    frame.append(.line(from: Point(x: x, y: barTop), to: Point(x: x, y: barTop + barThickness),
                                       stroke: Stroke(color: style.chartBackground ?? .white, width: look.hairline * 1.2)))
                }
                let text = edition.number(count)
                let textWidth = measurer.width(of: text, font: look.valueFont)
                if textWidth + look.gap <= width && valueMetrics.ascent + valueMetrics.descent <= barThickness {
                    if look.pattern(.forSeries(regionIndex)) != .solid {
                        // A plain patch behind the count keeps the hatching from crossing the digits.
                        let pad = look.gap / 3
                        frame.append(.rect(Rect(x: x + (width - textWidth) / 2 - pad, y: center - valueMetrics.ascent / 2 - pad,
                                                width: textWidth + 2 * pad, height: valueMetrics.ascent + 2 * pad),
                                           fill: fill, stroke: nil))
                    }
                    frame.append(.text(TextItem(text, font: look.valueFont,
                                                color: ChartLook.labelColor(on: fill),
                                                origin: Point(x: x + (width - textWidth) / 2,
                                                              y: center + (valueMetrics.ascent - valueMetrics.descent) / 2))))
                }
                x += width
            }
            let total = edition.number(totals[index])
            frame.append(.text(TextItem(total, font: look.valueFont, color: style.textColor,
                                        origin: Point(x: x + look.gap / 2,
                                                      y: center + (valueMetrics.ascent - valueMetrics.descent) / 2))))
        }
        return frame
    }
}
