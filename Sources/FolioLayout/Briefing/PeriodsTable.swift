import FolioLanguage
import FolioModel

/// Results over time: for indicators tracked over several periods (or against a baseline), the
/// summary's table of every period side by side, and each outcome's table of its periods with the
/// countries that joined or left since the previous period.
///
/// Indicators without history get none of it, so a one-period report lays out as it always did.
/// The summary puts periods in columns (at most `periodsPerSummaryTable` to a table, so A4 stays
/// readable; more periods continue in a second table) because the reader compares along a row:
/// "better than last time?". An outcome's table puts periods in rows, where there is room for the
/// target, the result and the share each in its own column.
extension BriefingLayout {
    /// Four period columns of result, target and share still set without breaking numbers on A4.
    static let periodsPerSummaryTable = 4

    /// The name a period is printed under: its label, or the report's period for the one-period form.
    func periodName(_ period: IndicatorPeriod, report: Report) -> String {
        period.label ?? report.period ?? edition.text("history.this_period")
    }

    /// The name of the period the report is about: the report's, else that of the first indicator
    /// tracked over named periods.
    func currentPeriodName(_ report: Report) -> String {
        report.period ?? report.outcomes.lazy.flatMap(\.indicators).compactMap(\.current.label).first
            ?? edition.text("history.this_period")
    }

    /// Every period name of `indicators`, each once, in time order: a period some indicator lacks
    /// goes after the last period it follows in the indicators that have it.
    func periodNames(of indicators: [Indicator], report: Report) -> [String] {
        var names: [String] = []
        for indicator in indicators {
            var insertAt = 0
            for period in indicator.periods {
                let name = periodName(period, report: report)
                if let found = names.firstIndex(of: name) {
                    insertAt = found + 1
                } else {
                    names.insert(name, at: insertAt)
                    insertAt += 1
                }
            }
        }
        return names
    }

    // MARK: - Summary

    /// "Results over time": one row per indicator with history, its baseline, then result / target
    /// and share of target per period. Empty when no indicator has history.
    func summaryHistoryBlocks(_ rows: [OverviewChart.Row], report: Report, contents: inout [ContentsEntry]) throws -> [any Flowable] {
        let tracked = rows.map(\.indicator).filter(\.hasHistory)
        guard !tracked.isEmpty else { return [] }
        contents.append(ContentsEntry(title: edition.text("history.title"), level: 1, anchor: "summary-history"))
        var blocks: [any Flowable] = [AnchorBlock(name: "summary-history"), subheading(edition.text("history.title"))]
        blocks.append(note(edition.text("history.note"), spaceBefore: 2))
        let names = periodNames(of: tracked, report: report)
        let parts = stride(from: 0, to: names.count, by: Self.periodsPerSummaryTable).map {
            Array(names[$0..<min(names.count, $0 + Self.periodsPerSummaryTable)])
        }
        for (index, part) in parts.enumerated() {
            try budget.cancellation.check()
            blocks.append(try summaryHistoryTable(tracked, periods: part, withBaseline: index == 0, report: report))
        }
        return blocks
    }

    func summaryHistoryTable(_ indicators: [Indicator], periods: [String], withBaseline: Bool, report: Report) throws -> TableBlock {
        let total = style.contentWidth
        let first = total * 0.12, baseline = withBaseline ? total * 0.14 : 0
        let periodWidth = (total - first - baseline) / Double(max(1, periods.count))
        let widths = [first] + (withBaseline ? [baseline] : []) + Array(repeating: periodWidth, count: periods.count)
        let font = bodyFont.sized(style.tableSize)
        let missing = edition.text("no_share")
        let rows = try indicators.map { indicator -> TableBlock.Row in
            var cells = [textCell(indicator.id, font: font.bold, width: widths[0])]
            if withBaseline {
                let text = indicator.baseline.map {
                    edition.text("history.baseline_value", ["value": edition.number($0.value), "year": String($0.year)])
                } ?? missing
                cells.append(textCell(text, font: font, width: baseline))
            }
            for name in periods {
                guard let period = indicator.periods.first(where: { periodName($0, report: report) == name }) else {
                    cells.append(textCell(missing, font: font, width: periodWidth))
                    continue
                }
                cells.append(cell({ stack, width in
                    stack.appendParagraph(edition.text("history.result_of_target", ["result": edition.number(period.achieved),
                                                                                     "target": edition.number(period.target)]),
                                          font: font, color: style.textColor, x: 0, width: width,
                                          leading: style.tableLeading, measurer: measurer)
                    stack.appendParagraph(period.shareOfTarget.map(edition.percent) ?? missing,
                                          font: period.meetsTarget ? font.bold : font, color: style.mutedTextColor, x: 0,
                                          width: width, leading: style.tableLeading, measurer: measurer)
                }, width: periodWidth))
            }
            return try counted(TableBlock.Row(cells: cells))
        }
        let header = [edition.text("table.indicator")] + (withBaseline ? [edition.text("history.baseline")] : []) + periods.map(edition.isolated)
        return table(widths: widths, header: header, rows: rows, breaking: .keepRowsWhole,
                     continuation: edition.text("history.title_continued"))
    }

    // MARK: - Outcome section

    /// The outcome's periods table and its country changes, as sections of the outcome; empty when
    /// none of its indicators has history.
    func outcomeHistoryBlocks(_ outcome: Outcome, index: Int, report: Report, contents: inout [ContentsEntry]) throws -> [any Flowable] {
        let tracked = outcome.indicators.filter(\.hasHistory)
        guard !tracked.isEmpty else { return [] }
        var blocks: [any Flowable] = []
        func section(_ title: String, _ part: String) {
            let anchor = OutcomeAnchor.section(index, part)
            contents.append(ContentsEntry(title: title, level: 1, anchor: anchor))
            blocks.append(AnchorBlock(name: anchor))
            blocks.append(subheading(title))
        }
        section(edition.text("history.title"), "history")
        blocks.append(try periodsTable(tracked, outcome: outcome, report: report))
        let changes = tracked.compactMap { indicator in
            CountryChanges(indicator, regions: report.regions).map { (indicator, $0) }
        }
        if !changes.isEmpty {
            section(edition.text("history.changes_title"), "changes")
            for (number, (indicator, change)) in changes.enumerated() {
                let previous = indicator.previous.map { periodName($0, report: report) } ?? ""
                blocks.append(paragraph(changesSentence(change, indicator: indicator, previous: previous),
                                        spaceBefore: number == 0 ? 2 : 5))
            }
        }
        return blocks
    }

    /// "Indicator 1.1 — New since 2020–21: Malawi and Zambia. No longer listed: Ghana."
    func changesSentence(_ change: CountryChanges, indicator: Indicator, previous: String) -> String {
        var parts: [String] = []
        if !change.added.isEmpty {
            parts.append(edition.text("history.new_since", ["period": previous, "countries": edition.formats.list(change.added)]))
        }
        if !change.removed.isEmpty {
            parts.append(edition.text("history.no_longer_listed", ["period": previous, "countries": edition.formats.list(change.removed)]))
        }
        if parts.isEmpty { parts.append(edition.text("history.no_change", ["period": previous])) }
        return edition.text("history.changes_line", ["indicator": edition.text("indicator.label", ["id": indicator.id]),
                                                     "changes": parts.joined(separator: edition.text("history.sentence_separator"))])
    }

    /// Indicator | Period | Target | Result | Share of target: the baseline, then one row per
    /// period; the current period's rows are shaded, as it is the one the rest of the section shows.
    func periodsTable(_ indicators: [Indicator], outcome: Outcome, report: Report) throws -> TableBlock {
        let total = style.contentWidth
        let widths = [total * 0.2, total * 0.26, total * 0.17, total * 0.17, total * 0.2]
        let font = bodyFont.sized(style.tableSize)
        let missing = edition.text("no_share")
        var rows: [TableBlock.Row] = []
        for indicator in indicators {
            var label = edition.text("indicator.label", ["id": indicator.id])
            func row(_ cells: [String], bold: Bool, fill: Color?) throws {
                var stacks = [textCell(label, font: font.bold, width: widths[0])]
                for (offset, text) in cells.enumerated() {
                    stacks.append(textCell(text, font: bold ? font.bold : font, width: widths[offset + 1]))
                }
                rows.append(try counted(TableBlock.Row(cells: stacks, fill: fill)))
                label = ""
            }
            if let baseline = indicator.baseline {
                try row([edition.text("history.baseline_year", ["year": String(baseline.year)]), missing,
                         edition.number(baseline.value), missing], bold: false, fill: nil)
            }
            for (number, period) in indicator.periods.enumerated() {
                let current = number == indicator.currentPeriodIndex
                try row([edition.isolated(periodName(period, report: report)), edition.number(period.target), edition.number(period.achieved),
                         period.shareOfTarget.map(edition.percent) ?? missing],
                        bold: current, fill: current ? style.tableStripeFill : nil)
            }
        }
        let header = ["table.indicator", "history.period", "table.target", "table.result", "table.share_of_target"].map { edition.text($0) }
        return table(widths: widths, header: header, rows: rows, breaking: .keepRowsWhole,
                     continuation: edition.text("history.outcome_continued", ["id": outcome.id]))
    }
}
