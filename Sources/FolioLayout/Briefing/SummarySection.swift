import FolioLanguage
import FolioModel

/// The dashboard before the outcomes: every indicator at a glance, the overview chart, and
/// what each region reached.
extension BriefingLayout {
    func summaryBlocks(_ report: Report, contents: inout [ContentsEntry]) throws -> [any Flowable] {
        contents.append(ContentsEntry(title: edition.text("summary.title"), level: 0, anchor: "summary"))
        var blocks: [any Flowable] = [AnchorBlock(name: "summary")]
        var title = heading(edition.text("summary.title"))
        title.spaceBefore = 0
        blocks.append(title)
        let rows = OverviewChart.rows(of: report)
        let indicators = rows.count
        let met = rows.filter { $0.indicator.meetsTarget }.count
        blocks.append(paragraph(edition.text("summary.sentence", [
            "outcomes": edition.count("cover.outcomes", report.outcomes.count),
            "indicators": edition.count("cover.indicators", indicators),
            "met": edition.number(met),
            "total": edition.count("summary.indicators_met", indicators),
        ]), spaceBefore: 2))
        if !rows.isEmpty {
            contents.append(ContentsEntry(title: edition.text("summary.at_a_glance"), level: 1, anchor: "summary-indicators"))
            blocks.append(AnchorBlock(name: "summary-indicators"))
            blocks.append(subheading(edition.text("summary.at_a_glance")))
            blocks.append(try indicatorsTable(rows))
            blocks += try summaryHistoryBlocks(rows, report: report, contents: &contents)
            contents.append(ContentsEntry(title: edition.text("summary.achievement"), level: 1, anchor: "summary-overview"))
            blocks.append(AnchorBlock(name: "summary-overview"))
            try budget.cancellation.check()
            blocks += overviewCharts(rows, report: report)
            try budget.cancellation.check()
        }
        contents.append(ContentsEntry(title: edition.text("summary.by_region"), level: 1, anchor: "summary-regions"))
        blocks.append(AnchorBlock(name: "summary-regions"))
        blocks.append(subheading(edition.text("summary.by_region")))
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
            let share = indicator.shareOfTarget.map(edition.percent) ?? edition.text("no_share")
            return try counted(TableBlock.Row(cells: [
                textCell(outcome, font: font.bold, width: widths[0]),
                textCell(description, font: font, width: widths[1]),
                textCell(edition.number(indicator.target), font: font, width: widths[2]),
                textCell(edition.number(indicator.achieved), font: font, width: widths[3]),
                textCell(share, font: indicator.meetsTarget ? font.bold : font, width: widths[4]),
            ]))
        }
        let header = ["table.outcome", "table.indicator", "table.target", "table.result", "table.share_of_target"].map { edition.text($0) }
        return table(widths: widths, header: header, rows: tableRows, breaking: .keepRowsWhole,
                     continuation: edition.text("summary.at_a_glance_continued"))
    }

    /// The overview chart, cut into page-sized parts that share one scale; type never shrinks.
    func overviewCharts(_ rows: [OverviewChart.Row], report: Report) -> [any Flowable] {
        let scale = OverviewChart.scale(for: rows)
        let perChart = OverviewChart.rowsFitting(height: style.contentHeight - 20, width: style.contentWidth,
                                                 typeScale: chartTypeScale, style: style, measurer: measurer,
                                                 source: edition.sourceLine(report),
                                                 notes: ChartNotes(report: report, rows: rows, edition: edition), edition: edition)
        let parts = stride(from: 0, to: rows.count, by: perChart).map { Array(rows[$0..<min(rows.count, $0 + perChart)]) }
        return parts.enumerated().map { index, part in
            let title = parts.count > 1
                ? edition.text("summary.achievement_part", ["part": edition.number(index + 1), "parts": edition.number(parts.count)])
                : edition.text("summary.achievement")
            var chart = OverviewChart(rows: part, title: title, scale: scale)
            chart.notes = ChartNotes(report: report, rows: part, edition: edition)
            let frame = chart.layout(width: style.contentWidth, typeScale: chartTypeScale, style: style,
                                     measurer: measurer, source: edition.sourceLine(report), edition: edition)
            return FigureBlock(frame: frame, width: style.contentWidth, spaceBefore: 14,
                               alternativeText: chart.alternativeText(edition: edition))
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
                textCell(edition.number(entries.count), font: font, width: widths[1]),
                textCell(edition.number(Set(entries.map(\.name)).count), font: font, width: widths[2]),
            ])
        }
        let all = indicators.flatMap { $0.countries.values.joined() }
        rows.append(TableBlock.Row(cells: [
            textCell(edition.text("summary.all_regions"), font: font.bold, width: widths[0]),
            textCell(edition.number(all.count), font: font.bold, width: widths[1]),
            textCell(edition.number(Set(all.map(\.name)).count), font: font.bold, width: widths[2]),
        ], fill: style.tableStripeFill))
        let header = ["table.region", "table.entries", "table.distinct_countries"].map { edition.text($0) }
        return table(widths: widths, header: header, rows: rows, breaking: .keepRowsWhole,
                     continuation: edition.text("summary.by_region_continued"))
    }
}
