import FolioLanguage
import FolioLayout
import FolioModel
import FolioSlides

extension NativeChart {
    /// The native chart of one of a report's planned charts: the same data, colours, words and
    /// type as Folio's picture of it, as a chart PowerPoint draws and the audience can edit.
    ///
    /// Targets are columns (target and result per indicator, the result coloured met or short),
    /// regions stacked horizontal bars in the style's region colours, the overview one horizontal bar
    /// per indicator of its share of its target (met or short) on the axis all its parts share, and progress a line
    /// per indicator through its results with its targets dashed in the same colour.
    public init(spec: ChartSpec, report: Report, style: Style, edition: Edition) {
        let indicators = spec.outcome?.indicators ?? []
        // Labels carry the footnote markers of the notes printed under the chart.
        let notes = spec.notes(report: report, edition: edition)
        let label = { (indicator: Indicator) in notes.marked(edition.text("indicator.label", ["id": indicator.id]), indicator: indicator.id) }
        let unit = indicators.first?.unit ?? Indicator.defaultUnit
        switch spec.kind {
        case .targets:
            // A series has one legend entry: the result series is named for the colour of a result
            // that met its target, and when some fall short a legend key names theirs (the picture's legend).
            let allShort = !indicators.contains(where: \.meetsTarget)
            let result = Series(name: edition.text(allShort ? "chart.targets.legend_short" : "chart.targets.legend_met"),
                                values: indicators.map { Double($0.achieved) },
                                color: (allShort ? style.resultShortColor : style.resultMetColor).hexDigits,
                                pointColors: indicators.map { $0.meetsTarget || allShort ? nil : style.resultShortColor.hexDigits })
            self.init(kind: .clusteredColumn, categories: indicators.map(label),
                      series: [Series(name: edition.text("chart.targets.legend_target"), values: indicators.map { Double($0.target) },
                                      color: style.targetColor.hexDigits), result],
                      valueAxisTitle: unit == Indicator.defaultUnit ? edition.text("chart.targets.axis_default") : unit)
            if !allShort, indicators.contains(where: { !$0.meetsTarget }) {
                legendKeys = [LegendKey(name: edition.text("chart.targets.legend_short"), color: style.resultShortColor.hexDigits)]
            }
        case .regions, .map:
            // PowerPoint has no map chart: a map's native form is its counts by region.
            let series = report.regions.enumerated().map { index, region in
                Series(name: region, values: indicators.map { Double($0.entries(in: region).count) },
                       color: style.regionColor(at: index).hexDigits)
            }
            self.init(kind: .stackedBar, categories: indicators.map(label), series: series,
                      valueAxisTitle: Self.regionsAxisTitle(indicators: indicators, edition: edition))
            // An empty segment has no label: the format's zero section is empty.
            labelNumberFormat = "#,##0;-#,##0;"
        case .progress:
            let periods = indicators.map(\.periods).max { $0.count < $1.count } ?? []
            let categories = periods.enumerated().map { index, period in period.label ?? edition.number(index + 1) }
            var series: [Series] = []
            for (index, indicator) in indicators.enumerated() {
                let color = style.regionColor(at: index).hexDigits
                let results = categories.indices.map { period -> Double? in
                    guard period < indicator.periods.count, period <= indicator.currentPeriodIndex else { return nil }
                    return Double(indicator.periods[period].achieved)
                }
                let targets = categories.indices.map { period -> Double? in
                    period < indicator.periods.count ? Double(indicator.periods[period].target) : nil
                }
                series.append(Series(name: label(indicator), values: results, color: color))
                series.append(Series(name: edition.text("slides.chart.target_of", ["indicator": label(indicator)]),
                                     values: targets, color: color, dashed: true, showsValues: false))
            }
            self.init(kind: .line, categories: categories, series: series,
                      valueAxisTitle: unit == Indicator.defaultUnit ? edition.text("chart.targets.axis_default") : unit)
        case .overview:
            // Met and short as two series, each indicator's share in one of them: stacked, each row
            // has one bar, and the legend names both colours, as the picture's does.
            let rows = spec.overviewRows
            let met = Series(name: edition.text("chart.overview.legend_met"),
                             values: rows.map { $0.indicator.meetsTarget ? $0.indicator.shareOfTarget : nil },
                             color: style.resultMetColor.hexDigits)
            let short = Series(name: edition.text("chart.overview.legend_short"),
                               values: rows.map { $0.indicator.meetsTarget ? nil : $0.indicator.shareOfTarget },
                               color: style.resultShortColor.hexDigits)
            self.init(kind: .stackedBar, categories: rows.map { label($0.indicator) }, series: [met, short],
                      valueAxisTitle: edition.text("table.share_of_target"), numberFormat: "0%")
            valueAxisMaximum = (spec.overviewScale ?? OverviewChart.scale(for: rows)).maximum / 100
        }
        fontFamily = style.fontFamily
        textColor = style.textColor.hexDigits
        mutedTextColor = style.mutedTextColor.hexDigits
        gridColor = style.gridColor.hexDigits
        axisColor = style.axisColor.hexDigits
        // The picture's sizes at 800×450 (label 10.5, ticks 9.5), as they come out on a 16:9 slide.
        labelSize = 12 * style.chartTypeScale
        axisSize = 11 * style.chartTypeScale
        legendSize = 12 * style.chartTypeScale
        rightToLeft = edition.isRightToLeft
    }

    /// The regions chart's axis title: what its bars count (the picture's wording).
    static func regionsAxisTitle(indicators: [Indicator], edition: Edition) -> String {
        let territories = indicators.contains { $0.territoryCount > 0 }
        let unit = indicators.first?.unit ?? Indicator.defaultUnit
        if unit == Indicator.defaultUnit {
            return edition.text(territories ? "chart.regions.axis_default_territories" : "chart.regions.axis_default")
        }
        if unit.isEmpty {
            return edition.text(territories ? "chart.regions.axis_countries_territories" : "chart.regions.axis_countries")
        }
        return edition.text(territories ? "chart.regions.axis_territories" : "chart.regions.axis", ["unit": unit])
    }
}
