import FolioLanguage
import FolioModel

/// The contents: outcomes and their sections with page numbers, dot leaders and links.
extension BriefingLayout {
    func contentsBlocks(_ entries: [ContentsEntry]) -> [any Flowable] {
        var title = heading(edition.text("contents.title"))
        title.spaceBefore = 0
        title.keepWithNext = false
        var blocks: [any Flowable] = [AnchorBlock(name: "contents"), title]
        let numberColumn = 34.0
        for entry in entries {
            let font = entry.level == 0 ? bodyFont.bold : bodyFont
            let indent = Double(entry.level) * 16
            let textWidth = style.contentWidth - indent - numberColumn - 16
            var stack = LineStack()
            let metrics = measurer.metrics(of: font)
            let lines = measurer.lines(of: entry.title, font: font, width: textWidth)
            for line in lines {
                stack.append(line, font: font, color: style.textColor, x: indent, leading: style.bodyLeading, metrics: metrics)
            }
            // Leader dots from the end of the last line to the page number, on the same row.
            let lastWidth = measurer.width(of: lines.last ?? "", font: font)
            let number = edition.number(entry.page)
            let numberWidth = measurer.width(of: number, font: font)
            let dotsStart = indent + lastWidth + 6
            let dotsEnd = style.contentWidth - numberWidth - 6
            let dot = measurer.width(of: " .", font: bodyFont)
            if dot > 0, dotsEnd > dotsStart {
                let dots = String(repeating: " .", count: Int((dotsEnd - dotsStart) / dot))
                stack.append(dots, font: bodyFont, color: style.mutedTextColor, x: dotsEnd - measurer.width(of: dots, font: bodyFont),
                             leading: style.bodyLeading, metrics: measurer.metrics(of: bodyFont), sharesRow: true)
            }
            stack.append(number, font: font, color: style.textColor, x: style.contentWidth - numberWidth,
                         leading: style.bodyLeading, metrics: metrics, sharesRow: true)
            let block = TextBlock(stack: stack, spaceBefore: entry.level == 0 ? 9 : 2, role: "TOCI")
            blocks.append(LinkBlock(content: block, destination: entry.anchor, width: style.contentWidth))
        }
        return blocks
    }
}
