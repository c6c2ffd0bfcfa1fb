import FolioModel

/// The dashboard before the outcomes: every indicator at a glance, the overview chart, and
/// what each region reached.
extension BriefingLayout {
    func summaryBlocks(_ report: Report, contents: inout [ContentsEntry]) throws -> [any Flowable] {
        contents.append(ContentsEntry(title: "Summary", level: 0, anchor: "summary"))
        var blocks: [any Flowable] = [AnchorBlock(name: "summary")]
        var title = heading("Summary")
        title.spaceBefore = 0
        blocks.append(title)
        let rows = OverviewChart.rows(of: report)
        let indicators = rows.count
        let met = rows.filter { $0.indicator.meetsTarget }.count
        blocks.append(paragraph("\(report.outcomes.count) outcome\(report.outcomes.count == 1 ? "" : "s") and "
                                + "\(indicators) indicator\(indicators == 1 ? "" : "s"); \(met) of \(indicators) "
                                + "indicator\(indicators == 1 ? "" : "s") met or exceeded the target.", spaceBefore: 2))
        if !rows.isEmpty {
            contents.append(ContentsEntry(title: "Indicators at a glance", level: 1, anchor: "summary-indicators"))
            blocks.append(AnchorBlock(name: "summary-indicators"))
            blocks.append(subheading("Indicators at a glance"))
            blocks.append(try indicatorsTable(rows))
            contents.append(ContentsEntry(title: "Achievement of targets", level: 1, anchor: "summary-overview"))
            blocks.append(AnchorBlock(name: "summary-overview"))
            try budget.cancellation.check()
            blocks += overviewCharts(rows, report: report)
            try budget.cancellation.check()
        }
        contents.append(ContentsEntry(title: "Results by region", level: 1, anchor: "summary-regions"))
        blocks.append(AnchorBlock(name: "summary-regions"))
        blocks.append(subheading("Results by region"))
        blocks.append(regionsTable(report))
        return blocks
    }

    /// One line per indicator: the description is cut to one line, the full text is in its outcome.
    func indicatorsTable(_ rows: [OverviewChart.Row]) throws -> TableBlock {
        let total = style.contentWidth
        let widths = [total * 0.1, total * 0.57, total * 0.1, total * 0.1, total * 0.13]
        let font = bodyFont.sized(style.tableSize)
        let padding = style.cellPadding.left + style.cellPadding.right
        var previousOutcome: String?
        let tableRows = try rows.map { row -> TableBlock.Row in
            let indicator = row.indicator
            let outcome = row.outcomeID == previousOutcome ? "" : row.outcomeID
            previousOutcome = row.outcomeID
            let description = measurer.lines(of: "\(indicator.id)  \(indicator.description)", font: font,
                                             width: widths[1] - padding, maxLines: 1).first ?? ""
            let share = indicator.shareOfTarget.map(NumberText.percent) ?? "–"
            return try counted(TableBlock.Row(cells: [
                textCell(outcome, font: font.bold, width: widths[0]),
                textCell(description, font: font, width: widths[1]),
                textCell(NumberText.grouped(indicator.target), font: font, width: widths[2]),
                textCell(NumberText.grouped(indicator.achieved), font: font, width: widths[3]),
                textCell(share, font: indicator.meetsTarget ? font.bold : font, width: widths[4]),
            ]))
        }
        return table(widths: widths, header: ["Outcome", "Indicator", "Target", "Result", "Share of target"],
                     rows: tableRows, breaking: .keepRowsWhole, continuation: "Indicators at a glance (continued)")
    }

    /// The overview chart, cut into page-sized parts that share one scale; type never shrinks.
    func overviewCharts(_ rows: [OverviewChart.Row], report: Report) -> [any Flowable] {
        let scale = OverviewChart.scale(for: rows)
        let perChart = OverviewChart.rowsFitting(height: style.contentHeight - 20, width: style.contentWidth,
                                                 typeScale: chartTypeScale, style: style, measurer: measurer,
                                                 source: report.sourceLine)
        let parts = stride(from: 0, to: rows.count, by: perChart).map { Array(rows[$0..<min(rows.count, $0 + perChart)]) }
        return parts.enumerated().map { index, part in
            let title = "Achievement of targets" + (parts.count > 1 ? " (\(index + 1) of \(parts.count))" : "")
            let chart = OverviewChart(rows: part, title: title, scale: scale)
            let frame = chart.layout(width: style.contentWidth, typeScale: chartTypeScale, style: style,
                                     measurer: measurer, source: report.sourceLine)
            return FigureBlock(frame: frame, width: style.contentWidth, spaceBefore: 14, alternativeText: chart.alternativeText)
        }
    }

    /// Entries per region over all indicators, and how many different countries they are.
    func regionsTable(_ report: Report) -> TableBlock {
        let total = style.contentWidth
        let widths = [total * 0.4, total * 0.3, total * 0.3]
        let font = bodyFont.sized(style.tableSize + 0.5)
        let indicators = report.outcomes.flatMap(\.indicators)
        var rows = report.regions.map { region -> TableBlock.Row in
            let entries = indicators.flatMap { $0.entries(in: region) }
            return TableBlock.Row(cells: [
                textCell(region, font: font.bold, width: widths[0]),
                textCell(NumberText.grouped(entries.count), font: font, width: widths[1]),
                textCell(NumberText.grouped(Set(entries.map(\.name)).count), font: font, width: widths[2]),
            ])
        }
        let all = indicators.flatMap { $0.countries.values.joined() }
        rows.append(TableBlock.Row(cells: [
            textCell("All regions", font: font.bold, width: widths[0]),
            textCell(NumberText.grouped(all.count), font: font.bold, width: widths[1]),
            textCell(NumberText.grouped(Set(all.map(\.name)).count), font: font.bold, width: widths[2]),
        ], fill: style.tableStripeFill))
        return table(widths: widths, header: ["Region", "Entries over all indicators", "Distinct countries and territories"],
                     rows: rows, breaking: .keepRowsWhole, continuation: "Results by region (continued)")
    }
}
