import FolioModel

/// Lays out the briefing PDF: title block, then per outcome the results table, the two charts,
/// the narrative and the significant outputs, paginated on the style's page with a footer.
public struct BriefingLayout {
    public var style: Style
    public var measurer: TextMeasurer
    /// Type scale of the charts inside the briefing: print sizes, not slide sizes.
    public var chartTypeScale: Double = 0.74

    public init(style: Style, measurer: TextMeasurer) {
        self.style = style
        self.measurer = measurer
    }

    public func document(for report: Report) -> Document {
        var blocks: [any Flowable] = titleBlock(report)
        for outcome in report.outcomes {
            blocks += outcomeBlocks(outcome, report: report)
        }
        let pages = Paginator(bodyHeight: style.contentHeight).paginate(blocks)
        let footer = report.title
        let framed = pages.enumerated().map { index, placements -> Page in
            var frame = Frame(size: style.pageSize)
            for placement in placements {
                frame.items += placement.block.items(at: Point(x: style.margins.left, y: style.margins.top + placement.y))
            }
            frame.items += footerItems(left: footer, page: index + 1, of: pages.count)
            return Page(frame: frame)
        }
        let title = [report.title, report.subtitle].compactMap { $0 }.joined(separator: ": ")
        return Document(pages: framed, title: title, author: report.organization, subject: report.subtitle)
    }

    // MARK: - Text blocks

    var bodyFont: FontSpec { style.font }

    func text(_ string: String, font: FontSpec, color: Color? = nil, leading: Double? = nil, spaceBefore: Double = 0,
              keepWithNext: Bool = false) -> TextBlock {
        var stack = LineStack()
        stack.appendParagraph(string, font: font, color: color ?? style.textColor, x: 0, width: style.contentWidth,
                              leading: leading ?? font.size * 1.3, measurer: measurer)
        return TextBlock(stack: stack, spaceBefore: spaceBefore, keepWithNext: keepWithNext)
    }

    func heading(_ string: String) -> TextBlock {
        text(string, font: bodyFont.sized(style.headingSize).bold, color: style.accentColor,
             leading: style.headingSize * 1.28, spaceBefore: 20, keepWithNext: true)
    }

    func subheading(_ string: String) -> TextBlock {
        text(string, font: bodyFont.sized(style.subheadingSize).bold, leading: style.subheadingSize * 1.3,
             spaceBefore: 14, keepWithNext: true)
    }

    func paragraph(_ string: String, spaceBefore: Double) -> TextBlock {
        text(string, font: bodyFont, leading: style.bodyLeading, spaceBefore: spaceBefore)
    }

    func titleBlock(_ report: Report) -> [any Flowable] {
        var blocks: [any Flowable] = []
        if let organization = report.organization, !organization.isEmpty {
            blocks.append(text(organization.uppercased(), font: bodyFont.sized(8.5).bold, color: style.mutedTextColor,
                               leading: 13))
        }
        blocks.append(text(report.title, font: bodyFont.sized(style.titleSize).bold, color: style.textColor,
                           leading: style.titleSize * 1.2, spaceBefore: 4, keepWithNext: true))
        if let subtitle = report.subtitle, !subtitle.isEmpty {
            blocks.append(text(subtitle, font: bodyFont.sized(style.subtitleSize), color: style.accentColor,
                               leading: style.subtitleSize * 1.35, spaceBefore: 3, keepWithNext: true))
        }
        if let period = report.period, !period.isEmpty {
            blocks.append(text("Period: " + period, font: bodyFont.sized(9), color: style.mutedTextColor,
                               leading: 13, spaceBefore: 4, keepWithNext: true))
        }
        blocks.append(RuleBlock(width: style.contentWidth, stroke: Stroke(color: style.accentColor, width: 1.2),
                                spaceBefore: 10, spaceAfter: 0))
        return blocks
    }

    // MARK: - Outcome

    func outcomeBlocks(_ outcome: Outcome, report: Report) -> [any Flowable] {
        var blocks: [any Flowable] = [heading(outcome.heading)]
        if !outcome.indicators.isEmpty {
            blocks.append(subheading("Indicators, targets and results"))
            blocks.append(resultsTable(outcome, report: report))
            if outcome.indicators.contains(where: { $0.territoryCount > 0 }) {
                blocks.append(text("† Territory", font: bodyFont.sized(style.tableSize), color: style.mutedTextColor,
                                   spaceBefore: 4))
            }
            for kind in ChartKind.allCases {
                let size = Size(width: style.contentWidth, height: style.briefingChartHeight)
                let chart = kind.layout(outcome: outcome, report: report, size: size, typeScale: chartTypeScale,
                                        style: style, measurer: measurer)
                blocks.append(FigureBlock(frame: chart, width: style.contentWidth, spaceBefore: 16))
            }
        }
        for section in outcome.narrative {
            blocks.append(subheading(section.heading))
            for (index, body) in section.paragraphs.enumerated() {
                blocks.append(paragraph(body, spaceBefore: index == 0 ? 2 : 6))
            }
        }
        if !outcome.outputs.isEmpty {
            if outcome.narrative.last?.heading.caseInsensitiveCompare("Significant outputs") != .orderedSame {
                blocks.append(subheading("Significant outputs"))
            }
            blocks.append(outputsTable(outcome))
        }
        return blocks
    }

    var tableLook: TableBlock.Look {
        TableBlock.Look(padding: style.cellPadding, headerFill: style.tableHeaderFill, ruleColor: style.ruleColor,
                        ruleWidth: 0.6, captionFont: bodyFont.sized(style.tableSize + 0.5).italicized,
                        captionColor: style.mutedTextColor)
    }

    func cell(_ build: (inout LineStack, Double) -> Void, width: Double) -> LineStack {
        var stack = LineStack()
        build(&stack, width - style.cellPadding.left - style.cellPadding.right)
        return stack
    }

    func headerRow(_ titles: [String], widths: [Double]) -> TableBlock.Row {
        let font = bodyFont.sized(style.tableSize).bold
        return TableBlock.Row(cells: zip(titles, widths).map { title, width in
            cell({ $0.appendParagraph(title, font: font, color: style.tableHeaderText, x: 0, width: $1,
                                      leading: style.tableLeading, measurer: measurer) }, width: width)
        })
    }

    /// The seed's table: Indicator | Target | Result | one column per region listing its countries.
    func resultsTable(_ outcome: Outcome, report: Report) -> TableBlock {
        let font = bodyFont.sized(style.tableSize)
        let widths = resultsColumnWidths(outcome, report: report, font: font)
        let leading = style.tableLeading
        let rows = outcome.indicators.map { indicator -> TableBlock.Row in
            var cells: [LineStack] = []
            cells.append(cell({ stack, width in
                stack.appendParagraph("Indicator \(indicator.id)", font: font.bold, color: style.textColor, x: 0,
                                      width: width, leading: leading, measurer: measurer)
                stack.appendParagraph(indicator.description, font: font, color: style.textColor, x: 0,
                                      width: width, leading: leading, measurer: measurer)
            }, width: widths[0]))
            cells.append(cell({ $0.appendParagraph(indicator.targetText, font: font, color: style.textColor, x: 0,
                                                   width: $1, leading: leading, measurer: measurer) }, width: widths[1]))
            cells.append(cell({ $0.appendParagraph(indicator.resultText, font: font.bold, color: style.textColor, x: 0,
                                                   width: $1, leading: leading, measurer: measurer) }, width: widths[2]))
            for (offset, region) in report.regions.enumerated() {
                cells.append(cell({ stack, width in
                    for (index, entry) in indicator.entries(in: region).enumerated() {
                        if index > 0 { stack.appendSpace(1.5) }
                        stack.appendParagraph(entry.isTerritory ? entry.name + "\u{00A0}†" : entry.name, font: font,
                                              color: style.textColor, x: 0, width: width, leading: leading,
                                              measurer: measurer)
                    }
                }, width: widths[3 + offset]))
            }
            return TableBlock.Row(cells: cells)
        }
        return TableBlock(columnWidths: widths, header: headerRow(["Indicator", "Target", "Result"] + report.regions, widths: widths),
                          rows: rows, look: tableLook, rowBreaking: .keepRowsWhole,
                          continuationCaption: "Indicators, targets and results, Outcome \(outcome.id) (continued)",
                          spaceBefore: 6, pageBodyHeight: style.contentHeight, measurer: measurer)
    }

    /// Region columns get the larger share of the width, and at least the width of their longest
    /// word (a country name broken inside a word reads badly); the indicator column takes the rest.
    func resultsColumnWidths(_ outcome: Outcome, report: Report, font: FontSpec) -> [Double] {
        let total = style.contentWidth
        let padding = style.cellPadding.left + style.cellPadding.right
        let numbers = [total * 0.09, total * 0.11]
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
    func outputsTable(_ outcome: Outcome) -> TableBlock {
        let total = style.contentWidth
        let widths = [total * 0.27, total * 0.73]
        let size = style.bodySize - 1
        let font = bodyFont.sized(size)
        let leading = style.bodyLeading - 1.6
        let rows = outcome.outputs.map { category -> TableBlock.Row in
            TableBlock.Row(cells: [
                cell({ $0.appendParagraph(category.category, font: font.bold, color: style.textColor, x: 0,
                                          width: $1, leading: leading, measurer: measurer) }, width: widths[0]),
                cell({ stack, width in
                    for (index, item) in category.items.enumerated() {
                        if index > 0 { stack.appendSpace(4) }
                        stack.appendBullet(item, font: font, color: style.textColor, x: 0, indent: size * 1.1,
                                           width: width, leading: leading, measurer: measurer)
                    }
                }, width: widths[1]),
            ])
        }
        return TableBlock(columnWidths: widths, header: headerRow(["Category", "Significant outputs"], widths: widths),
                          rows: rows, look: tableLook, rowBreaking: .betweenLines,
                          continuationCaption: "Significant outputs, Outcome \(outcome.id) (continued)",
                          spaceBefore: 6, pageBodyHeight: style.contentHeight, measurer: measurer)
    }

    // MARK: - Footer

    func footerItems(left: String, page: Int, of count: Int) -> [FrameItem] {
        let font = bodyFont.sized(style.footerSize)
        let baseline = style.pageSize.height - style.margins.bottom + 30
        let right = "Page \(page) of \(count)"
        let rightWidth = measurer.width(of: right, font: font)
        let leftText = measurer.lines(of: left, font: font, width: style.contentWidth - rightWidth - 24, maxLines: 1).first ?? ""
        let ruleY = baseline - font.size - 6
        return [
            .line(from: Point(x: style.margins.left, y: ruleY),
                  to: Point(x: style.pageSize.width - style.margins.right, y: ruleY),
                  stroke: Stroke(color: style.ruleColor, width: 0.5)),
            .text(TextItem(leftText, font: font, color: style.mutedTextColor, origin: Point(x: style.margins.left, y: baseline))),
            .text(TextItem(right, font: font, color: style.mutedTextColor,
                           origin: Point(x: style.pageSize.width - style.margins.right - rightWidth, y: baseline))),
        ]
    }
}
