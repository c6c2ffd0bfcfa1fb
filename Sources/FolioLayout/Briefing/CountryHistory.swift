import FolioLanguage
import FolioModel

/// A country's history in a report tracked over time: in which periods it was listed under which
/// indicator, so a visitor sees whether the country is new to an indicator, a steady contributor,
/// or one that dropped out.
extension BriefingLayout {
    /// Period columns of the country table: short words, so more fit than in the summary.
    static let periodsPerCountryTable = 5

    /// Indicators of `outcome` with history that list `country` in at least one period.
    func indicatorsListing(_ country: String, in outcome: Outcome, report: Report) -> [Indicator] {
        outcome.indicators.filter { indicator in
            indicator.hasHistory && indicator.periods.contains { $0.entryNames(regions: report.regions).contains(country) }
        }
    }

    /// A note, then Indicator | one column per period saying whether the country was listed.
    func countryHistoryBlocks(_ indicators: [Indicator], country: String, outcome: Outcome, report: Report) throws -> [any Flowable] {
        guard !indicators.isEmpty else { return [] }
        var blocks: [any Flowable] = [note(edition.text("country.history_note", ["country": country]), spaceBefore: 10)]
        let names = periodNames(of: indicators, report: report)
        let parts = stride(from: 0, to: names.count, by: Self.periodsPerCountryTable).map {
            Array(names[$0..<min(names.count, $0 + Self.periodsPerCountryTable)])
        }
        for part in parts {
            blocks.append(try countryHistoryTable(indicators, periods: part, country: country, outcome: outcome, report: report))
        }
        return blocks
    }

    func countryHistoryTable(_ indicators: [Indicator], periods: [String], country: String, outcome: Outcome,
                             report: Report) throws -> TableBlock {
        let total = style.contentWidth
        let first = total * 0.22
        let periodWidth = (total - first) / Double(max(1, periods.count))
        let widths = [first] + Array(repeating: periodWidth, count: periods.count)
        let font = bodyFont.sized(style.tableSize + 0.6)
        let rows = try indicators.map { indicator -> TableBlock.Row in
            var cells = [textCell(edition.text("indicator.label", ["id": indicator.id]), font: font.bold, width: first)]
            for name in periods {
                let period = indicator.periods.first { periodName($0, report: report) == name }
                let listed = period?.entryNames(regions: report.regions).contains(country) ?? false
                cells.append(textCell(edition.text(listed ? "country.history_listed" : "country.history_not_listed"),
                                      font: listed ? font.bold : font, width: periodWidth))
            }
            return try counted(TableBlock.Row(cells: cells))
        }
        return table(widths: widths, header: [edition.text("table.indicator")] + periods.map(edition.isolated), rows: rows, breaking: .keepRowsWhole,
                     continuation: edition.text("country.continued", ["id": outcome.id]))
    }
}
