import FolioLanguage
import FolioModel

/// "Changes in this version": the figures that moved since the previous version of the data, in the
/// briefing itself, so a reader of an updated PDF sees what is new without comparing two files.
extension BriefingLayout {
    func changesBlocks(_ lines: [String], contents: inout [ContentsEntry]) -> [any Flowable] {
        contents.append(ContentsEntry(title: edition.text("changes.title"), level: 0, anchor: "changes"))
        var blocks: [any Flowable] = [AnchorBlock(name: "changes", breaksPageBefore: true)]
        var title = heading(edition.text("changes.title"))
        title.spaceBefore = 0
        blocks.append(title)
        if lines.isEmpty {
            blocks.append(paragraph(edition.text("changes.none"), spaceBefore: 2))
        }
        for line in lines {
            blocks.append(paragraph(line, spaceBefore: 4))
        }
        return blocks
    }
}
