import FolioModel

/// The briefing's kinds of text, so every section sets headings and paragraphs alike.
extension BriefingLayout {
    var bodyFont: FontSpec { style.font }

    func text(_ string: String, font: FontSpec, color: Color? = nil, leading: Double? = nil, spaceBefore: Double = 0,
              keepWithNext: Bool = false, role: String = "P") -> TextBlock {
        var stack = LineStack()
        stack.appendParagraph(string, font: font, color: color ?? style.textColor, x: 0, width: style.contentWidth,
                              leading: leading ?? font.size * 1.3, measurer: measurer)
        return TextBlock(stack: stack, spaceBefore: spaceBefore, keepWithNext: keepWithNext, role: role)
    }

    func heading(_ string: String) -> TextBlock {
        text(string, font: bodyFont.sized(style.headingSize).bold, color: style.accentColor,
             leading: style.headingSize * 1.28, spaceBefore: 20, keepWithNext: true, role: "H1")
    }

    func subheading(_ string: String) -> TextBlock {
        text(string, font: bodyFont.sized(style.subheadingSize).bold, leading: style.subheadingSize * 1.3,
             spaceBefore: 14, keepWithNext: true, role: "H2")
    }

    func paragraph(_ string: String, spaceBefore: Double) -> TextBlock {
        text(string, font: bodyFont, leading: style.bodyLeading, spaceBefore: spaceBefore)
    }

    func note(_ string: String, spaceBefore: Double = 4) -> TextBlock {
        text(string, font: bodyFont.sized(style.tableSize + 0.4), color: style.mutedTextColor, spaceBefore: spaceBefore)
    }

    var tableLook: TableBlock.Look {
        TableBlock.Look(padding: style.cellPadding, headerFill: style.tableHeaderFill, ruleColor: style.ruleColor,
                        ruleWidth: 0.6, captionFont: bodyFont.sized(style.tableSize + 0.5).italicized,
                        captionColor: style.mutedTextColor)
    }

    /// A cell's lines, set inside the cell padding.
    func cell(_ build: (inout LineStack, Double) -> Void, width: Double) -> LineStack {
        var stack = LineStack()
        build(&stack, width - style.cellPadding.left - style.cellPadding.right)
        return stack
    }

    /// A table cell of text; long words break at the language's hyphenation points, since cells are narrow.
    func textCell(_ string: String, font: FontSpec, width: Double) -> LineStack {
        cell({ $0.appendParagraph(edition.breakingLongWords(string, font: font, width: $1, measurer: measurer), font: font, color: style.textColor, x: 0, width: $1,
                                  leading: style.tableLeading, measurer: measurer) }, width: width)
    }

    func headerRow(_ titles: [String], widths: [Double]) -> TableBlock.Row {
        let font = bodyFont.sized(style.tableSize).bold
        return TableBlock.Row(cells: zip(titles, widths).map { title, width in
            cell({ $0.appendParagraph(edition.breakingLongWords(title, font: font, width: $1, measurer: measurer), font: font,
                                      color: style.tableHeaderText, x: 0, width: $1,
                                      leading: style.tableLeading, measurer: measurer) }, width: width)
        })
    }

    /// Counts a table row's lines in the budget (stopping a layout whose content expanded far past
    /// its limits, or that was cancelled) and returns it.
    func counted(_ row: TableBlock.Row) throws -> TableBlock.Row {
        try budget.countLines(row.cells.reduce(0) { $0 + $1.rowCount })
        return row
    }

    func table(widths: [Double], header: [String], rows: [TableBlock.Row], breaking: TableBlock.RowBreaking,
               continuation: String) -> TableBlock {
        TableBlock(columnWidths: widths, header: headerRow(header, widths: widths), rows: rows, look: tableLook,
                   rowBreaking: breaking, continuationCaption: continuation, spaceBefore: 6,
                   pageBodyHeight: style.contentHeight, measurer: measurer)
    }
}
