import FolioLanguage

/// Running header and footer, drawn in the margins of every page but the cover.
extension BriefingLayout {
    /// The style's header line (report title on the left, the outcome being read on the right by
    /// default), a hairline under it, and room kept for a header logo on its side.
    func headerItems(_ line: RunningLine, fields: [FieldTemplate.Field: String]) -> [FrameItem] {
        guard !line.isEmpty else { return [] }
        let room = headerLogoRoom()
        return marginLine(left: line.left.filled(fields, phrase: "", isolate: edition.isolated),
                          right: line.right.filled(fields, phrase: "", isolate: edition.isolated),
                          baseline: headerBaseline, ruleBelow: true, leftInset: room.left, rightInset: room.right)
    }

    /// The style's footer line: report title and "Page 3 of 12" (`phrase`) by default.
    func footerItems(_ line: RunningLine, fields: [FieldTemplate.Field: String], phrase: String) -> [FrameItem] {
        guard !line.isEmpty else { return [] }
        return footerItems(left: line.left.filled(fields, phrase: phrase, isolate: edition.isolated),
                           right: line.right.filled(fields, phrase: phrase, isolate: edition.isolated))
    }

    /// "Page 3 of 12", in the edition's words and digits.
    func pageNumber(_ page: Int, of pages: Int) -> String {
        edition.text("page.number", ["page": edition.number(page), "pages": edition.number(pages)])
    }

    func footerItems(left: String, right: String) -> [FrameItem] {
        marginLine(left: left, right: right, baseline: style.pageSize.height - style.margins.bottom + 30, ruleBelow: false)
    }

    var headerBaseline: Double { style.margins.top - 22 }

    private func marginLine(left: String, right: String, baseline: Double, ruleBelow: Bool,
                            leftInset: Double = 0, rightInset: Double = 0) -> [FrameItem] {
        let font = bodyFont.sized(style.footerSize)
        let half = style.contentWidth / 2 - 12 - rightInset
        let rightText = measurer.lines(of: right, font: font, width: half, maxLines: 1).first ?? ""
        let rightWidth = measurer.width(of: rightText, font: font)
        let leftText = measurer.lines(of: left, font: font, width: style.contentWidth - rightWidth - 24 - leftInset - rightInset,
                                      maxLines: 1).first ?? ""
        let ruleY = ruleBelow ? baseline + 6 : baseline - font.size - 6
        return [
            .line(from: Point(x: style.margins.left, y: ruleY),
                  to: Point(x: style.pageSize.width - style.margins.right, y: ruleY),
                  stroke: Stroke(color: style.ruleColor, width: 0.5)),
            .text(TextItem(leftText, font: font, color: style.mutedTextColor, origin: Point(x: style.margins.left + leftInset, y: baseline))),
            .text(TextItem(rightText, font: font, color: style.mutedTextColor,
                           origin: Point(x: style.pageSize.width - style.margins.right - rightInset - rightWidth, y: baseline))),
        ]
    }
}
