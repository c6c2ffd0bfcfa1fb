import FolioLanguage
import FolioModel

/// The short briefing for one country before a visit: the indicators it contributed to, by outcome,
/// with each indicator's target and result and the other countries of its region on it.
extension BriefingLayout {
    /// Every country and territory named in the report, in any period, once, sorted: a country
    /// that dropped out still gets a briefing, which shows when it was listed.
    public static func countries(in report: Report) -> [String] {
        var names = Set<String>()
        for outcome in report.outcomes {
            for indicator in outcome.indicators {
                for period in indicator.periods {
                    for entries in period.countries.values { entries.forEach { names.insert($0.name) } }
                }
            }
        }
        return names.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    public func countryDocument(for country: String, report: Report, context: Context = Context(),
                                budget: LayoutBudget = LayoutBudget()) throws -> Document {
        var layout = self
        layout.budget = budget
        return try layout.makeCountryDocument(for: country, report: report, context: context)
    }

    private func makeCountryDocument(for country: String, report: Report, context: Context) throws -> Document {
        var blocks: [any Flowable] = []
        if let organization = report.organization, !organization.isEmpty {
            blocks.append(text(organization.uppercased(with: edition.formats.locale), font: bodyFont.sized(8.5).bold, color: style.mutedTextColor, leading: 13))
        }
        blocks.append(text(edition.text("country.title", ["country": country]), font: bodyFont.sized(style.titleSize).bold,
                           leading: style.titleSize * 1.2, spaceBefore: 4, keepWithNext: true, role: "H1"))
        let source = [report.title, report.period].compactMap { $0 }.joined(separator: " · ")
        blocks.append(text(source, font: bodyFont.sized(style.subtitleSize), color: style.accentColor,
                           leading: style.subtitleSize * 1.35, spaceBefore: 3, keepWithNext: true))

        var indicatorCount = 0
        var outcomeBlocks: [any Flowable] = []
        var outline: [OutlineEntry] = []
        var outcomes = 0
        var listedEarlier = false
        for (index, outcome) in report.outcomes.enumerated() {
            try budget.cancellation.check()
            let mine = outcome.indicators.compactMap { indicator -> (Indicator, String)? in
                guard let region = report.regions.first(where: { region in
                    indicator.entries(in: region).contains { $0.name == country }
                }) else { return nil }
                return (indicator, region)
            }
            let history = indicatorsListing(country, in: outcome, report: report)
            guard !mine.isEmpty || !history.isEmpty else { continue }
            indicatorCount += mine.count
            if !mine.isEmpty { outcomes += 1 }
            let anchor = OutcomeAnchor.outcome(index)
            outline.append(OutlineEntry(title: edition.heading(outcome), destination: anchor))
            outcomeBlocks.append(AnchorBlock(name: anchor))
            outcomeBlocks.append(subheading(edition.heading(outcome)))
            if !mine.isEmpty {
                outcomeBlocks.append(try contributionsTable(mine, country: country, outcome: outcome))
            }
            outcomeBlocks += try countryHistoryBlocks(history, country: country, outcome: outcome, report: report)
            listedEarlier = listedEarlier || !history.isEmpty
        }
        let summary = indicatorCount == 0
            ? edition.text(listedEarlier ? "country.listed_earlier" : "country.not_listed",
                           ["country": country, "period": currentPeriodName(report)])
            : edition.text("country.contributed", ["country": country,
                                                   "indicators": edition.count("country.contributed_indicators", indicatorCount),
                                                   "outcomes": edition.count("country.contributed_outcomes", outcomes)])
        blocks.append(paragraph(summary, spaceBefore: 10))
        blocks.append(RuleBlock(width: style.contentWidth, stroke: Stroke(color: style.accentColor, width: 1),
                                spaceBefore: 8, spaceAfter: 0))
        if style.sections.shows(.map), indicatorCount > 0, let map = countryMap(country, report: report) {
            blocks.append(map)
        }
        blocks += outcomeBlocks

        let body = try Paginator(bodyHeight: style.contentHeight).paginate(blocks, budget: budget)
        let pages = body.enumerated().map { index, placements -> Page in
            var frame = place(placements)
            frame.items += footerItems(left: "\(country) · \(report.title)", right: pageNumber(index + 1, of: body.count))
            return Page(frame: frame)
        }
        var keywords = country
        if let fingerprint = context.dataFingerprint { keywords += "; data SHA-256 \(fingerprint)" }
        return Document(pages: pages, title: edition.text("country.document_title", ["country": country, "report": report.title]),
                        author: report.organization, subject: report.period, keywords: keywords, language: edition.language,
                        outline: outline, figureAlternatives: body.flatMap { $0.compactMap { ($0.block as? FigureBlock)?.alternativeText } })
    }

    /// The world map with this country alone in its region's colour (a dot if it is small), when the
    /// style's sections ask for maps and the country table can place the country.
    func countryMap(_ country: String, report: Report) -> FigureBlock? {
        let all = Outcome(id: "", title: "", indicators: report.outcomes.flatMap(\.indicators))
        guard let code = MapChart.code(of: country, in: all, report: report) else { return nil }
        let options = MapOptions(highlight: code)
        let size = Size(width: style.contentWidth,
                        height: ChartKind.map.briefingHeight(base: style.briefingChartHeight, outcome: all, width: style.contentWidth))
        let chart = ChartKind.map.layout(outcome: all, report: report, size: size, typeScale: chartTypeScale, style: style,
                                         measurer: measurer, edition: edition, map: options)
        return FigureBlock(frame: chart, width: style.contentWidth, spaceBefore: 12,
                           alternativeText: ChartKind.map.alternativeText(outcome: all, report: report, edition: edition, map: options))
    }

    /// Indicator | Target | Result | other countries of the same region on that indicator.
    func contributionsTable(_ rows: [(Indicator, String)], country: String, outcome: Outcome) throws -> TableBlock {
        let total = style.contentWidth
        let widths = [total * 0.4, total * 0.12, total * 0.16, total * 0.32]
        let font = bodyFont.sized(style.tableSize + 0.6)
        let leading = style.tableLeading + 0.8
        let tableRows = try rows.map { indicator, region -> TableBlock.Row in
            let others = indicator.entries(in: region).map(\.name).filter { $0 != country }
            return try counted(TableBlock.Row(cells: [
                cell({ stack, width in
                    stack.appendParagraph(edition.text("indicator.label", ["id": indicator.id]), font: font.bold, color: style.textColor, x: 0,
                                          width: width, leading: leading, measurer: measurer)
                    stack.appendParagraph(edition.breakingLongWords(indicator.description, font: font, width: width, measurer: measurer),
                                          font: font, color: style.textColor, x: 0,
                                          width: width, leading: leading, measurer: measurer)
                }, width: widths[0]),
                cell({ $0.appendParagraph(edition.targetText(indicator), font: font, color: style.textColor, x: 0, width: $1,
                                          leading: leading, measurer: measurer) }, width: widths[1]),
                cell({ $0.appendParagraph(edition.resultText(indicator), font: font.bold, color: style.textColor, x: 0, width: $1,
                                          leading: leading, measurer: measurer) }, width: widths[2]),
                cell({ stack, width in
                    stack.appendParagraph(region, font: font.bold, color: style.mutedTextColor, x: 0, width: width,
                                          leading: leading, measurer: measurer)
                    stack.appendParagraph(others.isEmpty ? edition.text("country.no_others") : others.joined(separator: edition.text("separator.list")),
                                          font: font, color: style.textColor, x: 0, width: width, leading: leading,
                                          measurer: measurer)
                }, width: widths[3]),
            ]))
        }
        let header = ["table.indicator", "table.target", "table.result", "table.others_in_region"].map { edition.text($0) }
        return table(widths: widths, header: header, rows: tableRows, breaking: .betweenLines,
                     continuation: edition.text("country.continued", ["id": outcome.id]))
    }
}
