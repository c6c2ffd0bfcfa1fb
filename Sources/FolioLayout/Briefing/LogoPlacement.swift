import FolioLanguage
import FolioModel

/// Where the organisation's logo goes: large above the title on the cover, small at the start of
/// the running header. Both line up with the text margins, so the logo's edge and the text's edge
/// make one line down the page.
extension BriefingLayout {
    /// Space between the header logo and the header text beside it.
    static let logoGap = 8.0

    /// The logo in the running header, its foot on the header text's baseline; none without a logo
    /// or with `header: false`.
    func headerLogoItems() -> [FrameItem] {
        guard let rect = headerLogoRect(), let logo = style.logo else { return [] }
        return [.image(ImageItem(image: logo.image, rect: rect))]
    }

    /// Room the header text leaves for the logo on each side.
    func headerLogoRoom() -> (left: Double, right: Double) {
        guard let rect = headerLogoRect() else { return (0, 0) }
        let room = rect.width + Self.logoGap
        return rect.minX <= style.margins.left ? (room, 0) : (0, room)
    }

    private func headerLogoRect() -> Rect? {
        guard let logo = style.logo, logo.inHeader else { return nil }
        // Never above the page's top edge, never wider than a third of the line.
        var height = min(logo.headerHeight, max(4, headerBaseline - 4))
        var width = height / logo.image.aspectRatio
        if width > style.contentWidth / 3 {
            width = style.contentWidth / 3
            height = width * logo.image.aspectRatio
        }
        return Rect(x: x(for: logo, width: width), y: headerBaseline - height, width: width, height: height)
    }

    /// The logo on the cover: `coverWidth` wide, top on the top margin, made smaller if it would
    /// come closer than 24 points to the title block (`titleTop`).
    func coverLogoItems(_ report: Report, titleTop: Double) -> [FrameItem] {
        guard let logo = style.logo else { return [] }
        var width = min(logo.coverWidth, style.contentWidth)
        let room = titleTop - 24 - style.margins.top
        guard room > 8 else { return [] }
        if width * logo.image.aspectRatio > room { width = room / logo.image.aspectRatio }
        let rect = Rect(x: x(for: logo, width: width), y: style.margins.top, width: width, height: width * logo.image.aspectRatio)
        return [FrameItem.image(ImageItem(image: logo.image, rect: rect))].tagged("Figure")
    }

    /// The logo's alternative text: the organisation's name, since that is what the logo says.
    func logoAlternativeText(_ report: Report) -> String {
        if let organization = report.organization, !organization.isEmpty {
            return edition.text("logo.alternative_text", ["organization": organization])
        }
        return edition.text("logo.alternative_text_unnamed")
    }

    /// Left edge for a logo `width` wide on its side, on the text margins.
    private func x(for logo: Logo, width: Double) -> Double {
        logo.position.isLeft(mirroredLater: edition.isRightToLeft)
            ? style.margins.left
            : style.pageSize.width - style.margins.right - width
    }
}
