import FolioLanguage
import FolioModel
import Foundation

/// The cover: who, what, which period, and the date of the data, in the cover's colours
/// (`cover:` in the style sheet), with the logo above the title.
extension BriefingLayout {
    func coverPage(_ report: Report, context: Context) -> Page {
        var frame = Frame(size: style.pageSize)
        let left = style.margins.left
        let width = style.contentWidth
        let textColor = style.cover.text ?? style.textColor
        let mutedTextColor = style.cover.mutedText ?? style.mutedTextColor
        let accentColor = style.cover.accent ?? style.accentColor
        frame.append(.anchor(name: "cover", at: Point(x: left, y: style.margins.top)))
        frame.append(.rect(Rect(x: 0, y: 0, width: style.pageSize.width, height: 14), fill: accentColor, stroke: nil))

        var stack = LineStack()
        func add(_ text: String, _ font: FontSpec, _ color: Color, leading: Double, space: Double = 0) {
            stack.appendSpace(space)
            stack.appendParagraph(text, font: font, color: color, x: 0, width: width, leading: leading, measurer: measurer)
        }
        if let organization = report.organization, !organization.isEmpty {
            add(organization.uppercased(with: edition.formats.locale), bodyFont.sized(10).bold, mutedTextColor, leading: 15)
        }
        add(report.title, bodyFont.sized(30).bold, textColor, leading: 36, space: 10)
        if let subtitle = report.subtitle, !subtitle.isEmpty {
            add(subtitle, bodyFont.sized(17), accentColor, leading: 23, space: 8)
        }
        if let period = report.period, !period.isEmpty {
            add(edition.text("cover.period", ["period": period]), bodyFont.sized(11), mutedTextColor, leading: 16, space: 10)
        }
        let top = style.pageSize.height * 0.3
        frame.items += coverLogoItems(report, titleTop: top)
        frame.items += stack.items(at: Point(x: left, y: top)).tagged("H1")
        frame.append(.rect(Rect(x: left, y: top + stack.height + 16, width: 64, height: 3), fill: accentColor, stroke: nil))

        var facts = LineStack()
        let indicators = report.outcomes.reduce(0) { $0 + $1.indicators.count }
        let summary = edition.text("cover.facts", ["outcomes": edition.count("cover.outcomes", report.outcomes.count),
                                                   "indicators": edition.count("cover.indicators", indicators)])
        facts.appendParagraph(summary, font: bodyFont.sized(10), color: textColor, x: 0, width: width, leading: 15,
                              measurer: measurer)
        if let date = context.dataDate {
            facts.appendParagraph(edition.text("cover.data_as_of", ["date": edition.formats.longDate(date)]), font: bodyFont.sized(10), color: mutedTextColor,
                                  x: 0, width: width, leading: 15, measurer: measurer)
        }
        frame.items += facts.items(at: Point(x: left, y: style.pageSize.height - style.margins.bottom - facts.height)).tagged("P")
        // Page 1's background is painted before the document's structure opens (a Cairo 1.16 limit).
        return Page(frame: frame, background: style.cover.background)
    }
}
