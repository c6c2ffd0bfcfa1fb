/// A rectangle on a slide, in EMU (914400 a inch, 12700 a point).
struct Box: Equatable {
    var x: Int, y: Int, cx: Int, cy: Int

    var xfrm: String { "<a:xfrm><a:off x=\"\(x)\" y=\"\(y)\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm>" }
}

/// Where things go on the slides of one size.
struct DeckGeometry {
    static let inch = 914_400
    static let height = 6_858_000               // 7.5 in
    static let widescreenWidth = 12_192_000     // 13.333 in
    static let standardWidth = 9_144_000        // 10 in
    static let margin = 457_200                 // 0.5 in

    let width: Int
    let height = DeckGeometry.height

    init(widescreen: Bool) { width = widescreen ? DeckGeometry.widescreenWidth : DeckGeometry.standardWidth }

    // Title slide (the positions PowerPoint's own "Title Slide" layout uses, scaled to the width).
    var centeredTitle: Box { Box(x: width / 8, y: 1_122_363, cx: width * 3 / 4, cy: 2_387_600) }
    var subtitle: Box { Box(x: width / 8, y: 3_602_038, cx: width * 3 / 4, cy: 1_655_762) }
    var footer: Box { Box(x: Self.margin, y: 6_309_360, cx: width - 2 * Self.margin, cy: 365_760) }

    // Chart slides: a title band 0.25–1.25 in, the picture in what is left below it.
    var title: Box { Box(x: Self.margin, y: 228_600, cx: width - 2 * Self.margin, cy: 914_400) }
    var pictureArea: Box {
        let top = 1_234_440      // 1.35 in
        let bottom = 320_040     // 0.35 in
        return Box(x: Self.margin, y: top, cx: width - 2 * Self.margin, cy: height - top - bottom)
    }

    /// The title slide's logo: 0.9 in high (at most 3 in wide), in the top corner where reading starts.
    func logo(pixelWidth: Int, pixelHeight: Int, rightToLeft: Bool) -> Box {
        var cy = 822_960                          // 0.9 in
        var cx = pixelHeight > 0 ? cy * pixelWidth / pixelHeight : cy
        if cx > 3 * Self.inch {
            cx = 3 * Self.inch
            cy = pixelWidth > 0 ? cx * pixelHeight / pixelWidth : cy
        }
        return Box(x: rightToLeft ? width - Self.margin - cx : Self.margin, y: 365_760, cx: max(1, cx), cy: max(1, cy))
    }

    /// The largest box of the picture's aspect ratio inside `pictureArea`, centred in it.
    func picture(pixelWidth: Int, pixelHeight: Int) -> Box {
        let area = pictureArea
        var cx = area.cx, cy = area.cy
        // Wider than the area (pw/ph > cx/cy): the width binds. Exact in Int up to 10⁶ pixels a side.
        if pixelWidth * area.cy >= pixelHeight * area.cx {
            cy = (area.cx * pixelHeight + pixelWidth / 2) / pixelWidth
        } else {
            cx = (area.cy * pixelWidth + pixelHeight / 2) / pixelHeight
        }
        cx = max(1, min(cx, area.cx))
        cy = max(1, min(cy, area.cy))
        return Box(x: area.x + (area.cx - cx) / 2, y: area.y + (area.cy - cy) / 2, cx: cx, cy: cy)
    }
}
