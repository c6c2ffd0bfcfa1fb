import Foundation

/// Right-to-left pages: the left-to-right layout, mirrored.
///
/// An Arabic page is the mirror image of an English one: text starts at the right margin, the
/// first table column (the indicator) is the rightmost, page numbers and contents numbers sit on
/// the left, horizontal bars grow from the right and a chart's value axis stands on its right.
/// Teaching every block, table and chart a second set of positions would double the layout code
/// and let the two drift apart; mirroring the finished frame gets all of them from one rule.
///
/// Mirroring moves boxes, never glyphs: each text item keeps its measured width and is moved so
/// that its box lands where the mirror image of the old box is, and it is marked `rightToLeft`
/// so the painter shapes its letters with a right-to-left base direction. Numbers, Latin words
/// and bar patterns stay readable. Items keep their order, so PDF structure and the reading order
/// a text extractor sees stay logical (first column first).
///
/// A line with no right-to-left letter but some left-to-right ones (an English name or a data text
/// not translated) keeps a left-to-right base direction, though it is right-aligned: otherwise its
/// final full stop and the numbers at either end would jump to the other side. A line of digits,
/// dots or signs only reads right to left, as the Arabic around it.
///
/// A Cairo transform (`scale(-1, 1)`) was rejected: it mirrors the letters too.
extension Frame {
    /// The frame seen in a mirror standing on its right edge: every x becomes `width − x`.
    ///
    /// Groups (charts inside a page) are mirrored inside too, so their bars grow from the right and
    /// their value axis moves to the right. Rotated text is moved so that the centre of its box
    /// mirrors, keeping its angle: an axis title reading bottom to top still does. Anchors keep
    /// their x: a PDF destination names the left edge of the view, and a mirrored x would scroll
    /// the page out of a viewer's window.
    ///
    /// - Parameter measurer: The measurer the frame was laid out with; text widths come from it.
    public func mirrored(measurer: TextMeasurer) -> Frame {
        guard mirrors else { return self }
        var copy = self
        copy.items = items.map { $0.mirrored(within: size.width, measurer: measurer) }
        return copy
    }
}

extension FrameItem {
    /// This item mirrored in a frame `width` wide.
    func mirrored(within width: Double, measurer: TextMeasurer) -> FrameItem {
        switch self {
        case .text(let text):
            return .text(text.mirrored(within: width, measurer: measurer))
        case .rect(let rect, let fill, let stroke):
            return .rect(rect.mirrored(within: width), fill: fill, stroke: stroke)
        case .line(let from, let to, let stroke):
            return .line(from: Point(x: width - from.x, y: from.y), to: Point(x: width - to.x, y: to.y), stroke: stroke)
        case .path(var path):
            path.pieces = path.pieces.map { $0.map { Point(x: width - $0.x, y: $0.y) } }
            return .path(path)
        case .group(let frame, let origin, let scale):
            let placed = Point(x: width - origin.x - frame.size.width * scale, y: origin.y)
            return .group(frame.mirrored(measurer: measurer), origin: placed, scale: scale)
        case .link(let rect, let destination):
            return .link(rect.mirrored(within: width), destination: destination)
        case .image(var image):
            image.rect = image.rect.mirrored(within: width)
            return .image(image)
        case .anchor, .beginStructure, .endStructure:
            return self
        }
    }
}

extension TextItem {
    /// The line moved so that its box mirrors in a frame `width` wide, marked right to left unless
    /// it has only left-to-right letters.
    func mirrored(within width: Double, measurer: TextMeasurer) -> TextItem {
        var copy = self
        copy.rightToLeft = TextItem.readsRightToLeft(text)
        let length = measurer.width(of: text, font: font)
        let metrics = measurer.metrics(of: font)
        // The box's centre in the line's own coordinates (x along the baseline, y down), turned
        // by the rotation: it is the point that mirrors, the origin follows it at the same offset.
        let centre = Point(x: length / 2, y: (metrics.descent - metrics.ascent) / 2)
        let offsetX = centre.x * cos(rotation) - centre.y * sin(rotation)
        let mirroredCentreX = width - (origin.x + offsetX)
        copy.origin = Point(x: mirroredCentreX - offsetX, y: origin.y)
        return copy
    }

    /// True when `text` has a right-to-left letter (Arabic, Hebrew…) or no letter at all.
    static func readsRightToLeft(_ text: String) -> Bool {
        var hasLeftToRightLetter = false
        for scalar in text.unicodeScalars {
            if scalar.isRightToLeftScript { return true }
            if scalar.properties.isAlphabetic { hasLeftToRightLetter = true }
        }
        return !hasLeftToRightLetter
    }
}

extension Unicode.Scalar {
    /// In a block of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
    /// Mandaic, their presentation forms, and the historic and Arabic mathematical planes' RTL ranges.
    /// Swift exposes no bidirectional class; the blocks are what a page of Folio meets.
    var isRightToLeftScript: Bool {
        switch value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }
}

extension Rect {
    /// The rectangle mirrored in a frame `width` wide: same size, `width − maxX` from the left.
    func mirrored(within width: Double) -> Rect {
        Rect(x: width - maxX, y: minY, width: self.width, height: height)
    }
}

extension Page {
    /// The page mirrored for a right-to-left edition; see `Frame.mirrored(measurer:)`.
    public func mirrored(measurer: TextMeasurer) -> Page {
        Page(frame: frame.mirrored(measurer: measurer), background: background)
    }
}

extension Document {
    /// Every page mirrored for a right-to-left edition (Arabic); outline, page labels, figure
    /// alternatives and language are unchanged, since they follow reading order, not geometry.
    /// Viewers are told to lay facing pages out right to left.
    ///
    /// - Parameter measurer: The measurer the document was laid out with.
    public func mirroredForRightToLeft(measurer: TextMeasurer) -> Document {
        var copy = self
        copy.pages = pages.map { $0.mirrored(measurer: measurer) }
        copy.readsRightToLeft = true
        return copy
    }
}
