/// Running header and footer, drawn in the margins of every page but the cover.
extension BriefingLayout {
    /// Report title on the left, the outcome being read on the right, a hairline under both.
    func headerItems(left: String, right: String) -> [FrameItem] {
        marginLine(left: left, right: right, baseline: style.margins.top - 22, ruleBelow: true)
    }

    /// "Page 3 of 12", in the edition's words and digits.
    func pageNumber(_ page: Int, of pages: Int) -> String {
        edition.text("page.number", ["page": edition.number(page), "pages": edition.number(pages)])
    }

    func footerItems(left: String, right: String) -> [FrameItem] {
        marginLine(left: left, right: right, baseline: style.pageSize.height - style.margins.bottom + 30, ruleBelow: false)
    }

    private func marginLine(left: String, right: String, baseline: Double, ruleBelow: Bool) -> [FrameItem] {
        let font = bodyFont.sized(style.footerSize)
        let half = style.contentWidth / 2 - 12
        let rightText = measurer.lines(of: right, font: font, width: half, maxLines: 1).first ?? ""
        let rightWidth = measurer.width(of: rightText, font: font)
        let leftText = measurer.lines(of: left, font: font, width: style.contentWidth - rightWidth - 24, maxLines: 1).first ?? ""
        let ruleY = ruleBelow ? baseline + 6 : baseline - font.size - 6
        return [
            .line(from: Point(x: style.margins.left, y: ruleY),
                  to: Point(x: style.pageSize.width - style.margins.right, y: ruleY),
                  stroke: Stroke(color: style.ruleColor, width: 0.5)),
            .text(TextItem(leftText, font: font, color: style.mutedTextColor, origin: Point(x: style.margins.left, y: baseline))),
            .text(TextItem(rightText, font: font, color: style.mutedTextColor,
                           origin: Point(x: style.pageSize.width - style.margins.right - rightWidth, y: baseline))),
        ]
    }
}
