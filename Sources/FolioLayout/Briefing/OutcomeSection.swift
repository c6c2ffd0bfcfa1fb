import FolioLanguage
import FolioModel

/// One outcome as the seed prints it: heading, results table, the two charts (three with a
/// progress chart when an indicator has a history), narrative, outputs; the style's `sections`
/// may leave parts out or reorder them.
extension BriefingLayout {
    func outcomeBlocks(_ outcome: Outcome, index: Int, report: Report, contents: inout [ContentsEntry]) throws -> [any Flowable] {
        var blocks: [any Flowable] = [AnchorBlock(name: OutcomeAnchor.outcome(index), breaksPageBefore: true)]
        contents.append(ContentsEntry(title: edition.heading(outcome), level: 0, anchor: OutcomeAnchor.outcome(index)))
        var first = heading(edition.heading(outcome))
        first.spaceBefore = 0
        blocks.append(first)

        func section(_ title: String, _ part: String) {
            let anchor = OutcomeAnchor.section(index, part)
            contents.append(ContentsEntry(title: title, level: 1, anchor: anchor))
            blocks.append(AnchorBlock(name: anchor))
            blocks.append(subheading(title))
        }

        // Each part of the section in the style's order (`sections.outcome`); a part left out is not set.
        let shown = style.sections
        func results() throws {
            if outcome.indicators.isEmpty {
                blocks.append(note(edition.text("outcome.no_indicators"), spaceBefore: 8))
                return
            }
            // With history the table is one period among several: its title names it.
            if let current = outcome.indicators.first(where: \.hasHistory)?.current, let name = current.label ?? report.period {
                section(edition.text("outcome.results_period", ["period": name]), "results")
            } else {
                section(edition.text("outcome.results"), "results")
            }
            blocks.append(try resultsTable(outcome, report: report))
            if outcome.indicators.contains(where: { $0.territoryCount > 0 }) {
                blocks.append(note(edition.text("outcome.territory_note")))
            }
            blocks += try outcomeHistoryBlocks(outcome, index: index, report: report, contents: &contents)
        }
        func charts() throws {
            if outcome.indicators.isEmpty, !shown.shows(.results) {
                blocks.append(note(edition.text("outcome.no_indicators"), spaceBefore: 8))
            }
            guard !outcome.indicators.isEmpty else { return }
            for kind in ChartKind.kinds(for: outcome) {
                try budget.cancellation.check()
                let size = Size(width: style.contentWidth, height: kind.briefingHeight(base: style.briefingChartHeight, outcome: outcome))
                let chart = kind.layout(outcome: outcome, report: report, size: size, typeScale: chartTypeScale,
                                        style: style, measurer: measurer, edition: edition)
                blocks.append(FigureBlock(frame: chart, width: style.contentWidth, spaceBefore: 16,
                                          alternativeText: kind.alternativeText(outcome: outcome, report: report, edition: edition)))
            }
        }
        func map() throws {
            guard !outcome.indicators.isEmpty else { return }
            try budget.cancellation.check()
            let size = Size(width: style.contentWidth, height: ChartKind.map.briefingHeight(base: style.briefingChartHeight, outcome: outcome,
                                                                                          width: style.contentWidth))
            let chart = ChartKind.map.layout(outcome: outcome, report: report, size: size, typeScale: chartTypeScale,
                                             style: style, measurer: measurer, edition: edition)
            blocks.append(FigureBlock(frame: chart, width: style.contentWidth, spaceBefore: 16,
                                      alternativeText: ChartKind.map.alternativeText(outcome: outcome, report: report, edition: edition)))
        }
        func narrative() throws {
            for (number, narrative) in outcome.narrative.enumerated() {
                section(narrative.heading, "narrative-\(number + 1)")
                for (index, body) in narrative.paragraphs.enumerated() {
                    let block = paragraph(body, spaceBefore: index == 0 ? 2 : 6)
                    try budget.countLines(block.stack.rowCount)
                    blocks.append(block)
                }
            }
        }
        func outputs(afterNarrative: Bool) throws {
            guard !outcome.outputs.isEmpty else { return }
            if afterNarrative, let last = outcome.narrative.last?.heading,
               [edition.text("outcome.outputs"), "Significant outputs"].contains(where: { last.caseInsensitiveCompare($0) == .orderedSame }) {
                // The narrative just printed ends with this heading: its anchor serves the table too.
            } else {
                section(edition.text("outcome.outputs"), "outputs")
            }
            blocks.append(try outputsTable(outcome))
        }
        for (position, part) in shown.outcome.enumerated() {
            switch part {
            case .results: try results()
            case .charts: try charts()
            case .map: try map()
            case .narrative: try narrative()
            case .outputs: try outputs(afterNarrative: position > 0 && shown.outcome[position - 1] == .narrative)
            }
        }
        return blocks
    }

    /// The seed's table: Indicator | Target | Result | one column per region listing its countries.
    func resultsTable(_ outcome: Outcome, report: Report) throws -> TableBlock {
        try budget.expect(outcome.indicators.reduce(0) { $0 + $1.countries.values.reduce(0) { $0 + $1.count } })
        let font = bodyFont.sized(style.tableSize)
        let widths = resultsColumnWidths(outcome, report: report, font: font)
        let leading = style.tableLeading
        let rows = try outcome.indicators.map { indicator -> TableBlock.Row in
            try budget.expect(indicator.countries.values.reduce(0) { $0 + $1.count })
            var cells: [LineStack] = []
            cells.append(cell({ stack, width in
                stack.appendParagraph(edition.text("indicator.label", ["id": indicator.id]), font: font.bold, color: style.textColor, x: 0,
                                      width: width, leading: leading, measurer: measurer)
                stack.appendParagraph(edition.breakingLongWords(indicator.description, font: font, width: width, measurer: measurer),
                                      font: font, color: style.textColor, x: 0,
                                      width: width, leading: leading, measurer: measurer)
            }, width: widths[0]))
            cells.append(textCell(edition.targetText(indicator), font: font, width: widths[1]))
            cells.append(textCell(edition.resultText(indicator), font: font.bold, width: widths[2]))
            for (offset, region) in report.regions.enumerated() {
                cells.append(cell({ stack, width in
                    for (index, entry) in indicator.entries(in: region).enumerated() {
                        if index > 0 { stack.appendSpace(1.5) }
                        let name = edition.breakingLongWords(entry.name, font: font, width: width, measurer: measurer)
                        stack.appendParagraph(entry.isTerritory ? name + "\u{00A0}†" : name, font: font,
                                              color: style.textColor, x: 0, width: width, leading: leading,
                                              measurer: measurer)
                    }
                }, width: widths[3 + offset]))
            }
            return try counted(TableBlock.Row(cells: cells))
        }
        let header = ["table.indicator", "table.target", "table.result"].map { edition.text($0) } + report.regions
        return table(widths: widths, header: header, rows: rows, breaking: .keepRowsWhole,
                     continuation: edition.text("outcome.results_continued", ["id": outcome.id]))
    }

    /// Region columns get the larger share of the width, and at least the width of their longest
    /// word (a country name broken inside a word reads badly); the indicator column takes the rest.
    func resultsColumnWidths(_ outcome: Outcome, report: Report, font: FontSpec) -> [Double] {
        let total = style.contentWidth
        let padding = style.cellPadding.left + style.cellPadding.right
        // Target and result take what English needs, or their longest word in the edition's language
        // ("государств-" is wider than "States"), so no word there is cut letter by letter.
        let numberColumns = [[edition.text("table.target")] + outcome.indicators.map(edition.targetText),
                             [edition.text("table.result")] + outcome.indicators.map(edition.resultText)]
        let numbers = zip([total * 0.09, total * 0.11], numberColumns).map { share, texts in
            let words = texts.flatMap { $0.split(separator: " ").flatMap { Edition.hyphenParts($0) } }
            return min(total * 0.16, max(share, (words.map { measurer.width(of: String($0), font: font.bold) }.max() ?? 0) + padding + 1))
        }
        let count = Double(max(1, report.regions.count))
        var region = total * 0.57 / count
        var words: [Substring] = report.regions.flatMap { $0.split(separator: " ") }
        for indicator in outcome.indicators {
            for entries in indicator.countries.values {
                for entry in entries { words += entry.name.split(separator: " ") }
            }
        }
        let longest = words.map { measurer.width(of: String($0), font: font.bold) }.max() ?? 0
        let indicatorMinimum = total * 0.18
        region = min(max(region, longest + padding + 1), (total - numbers.reduce(0, +) - indicatorMinimum) / count)
        let indicator = total - numbers.reduce(0, +) - region * count
        return [indicator] + numbers + Array(repeating: region, count: report.regions.count)
    }

    /// Category | bulleted items. Rows are long prose, so they may break between lines.
    func outputsTable(_ outcome: Outcome) throws -> TableBlock {
        let total = style.contentWidth
        let widths = [total * 0.27, total * 0.73]
        let size = style.bodySize - 1
        let font = bodyFont.sized(size)
        let leading = style.bodyLeading - 1.6
        let rows = try outcome.outputs.map { category -> TableBlock.Row in
            try counted(TableBlock.Row(cells: [
                cell({ $0.appendParagraph(category.category, font: font.bold, color: style.textColor, x: 0,
                                          width: $1, leading: leading, measurer: measurer) }, width: widths[0]),
                cell({ stack, width in
                    for (index, item) in category.items.enumerated() {
                        if index > 0 { stack.appendSpace(4) }
                        stack.appendBullet(item, font: font, color: style.textColor, x: 0, indent: size * 1.1,
                                           width: width, leading: leading, measurer: measurer)
                    }
                }, width: widths[1]),
            ]))
        }
        return table(widths: widths, header: [edition.text("table.category"), edition.text("table.significant_outputs")],
                     rows: rows, breaking: .betweenLines, continuation: edition.text("outcome.outputs_continued", ["id": outcome.id]))
    }
}
