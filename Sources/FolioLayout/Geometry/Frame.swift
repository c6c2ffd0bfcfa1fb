/// A finished drawing: items at fixed positions inside a box. Every output format is a walk over frames.
///
/// Coordinates grow rightwards and downwards from the frame's top-left corner, in points for pages
/// and in chart units for charts. Painters never measure or wrap; all decisions are made here.
public struct Frame: Sendable, Equatable {
    public var size: Size
    public var items: [FrameItem]
    /// False for a drawing that must keep its geometry in a right-to-left edition (a map: the
    /// world is not mirrored for Arabic readers); the frame as a whole still moves to its mirrored place.
    public var mirrors = true

    public init(size: Size, items: [FrameItem] = []) {
        self.size = size
        self.items = items
    }

    public mutating func append(_ item: FrameItem) { items.append(item) }

    /// Boxes of every text item (unrotated ones), for overlap and bounds checks.
    public func textBoxes(measurer: TextMeasurer) -> [Rect] {
        items.flatMap { item -> [Rect] in
            switch item {
            case .text(let text) where text.rotation == 0:
                return [text.bounds(measurer: measurer)]
            case .group(let frame, let origin, let scale):
                return frame.textBoxes(measurer: measurer).map {
                    Rect(x: origin.x + $0.minX * scale, y: origin.y + $0.minY * scale,
                         width: $0.width * scale, height: $0.height * scale)
                }
            default:
                return []
            }
        }
    }
}

public enum FrameItem: Sendable, Equatable {
    case text(TextItem)
    case rect(Rect, fill: Color?, stroke: Stroke?)
    case line(from: Point, to: Point, stroke: Stroke)
    /// Polygons or polylines (country shapes, boundaries), filled with the even-odd rule and/or stroked.
    case path(PathItem)
    /// A picture (a logo) filling a rectangle.
    case image(ImageItem)
    /// Another frame drawn at `origin`, its units multiplied by `scale` (a chart inside a page).
    case group(Frame, origin: Point, scale: Double)
    /// A named place that links and bookmarks jump to.
    case anchor(name: String, at: Point)
    /// A clickable area that jumps to the anchor `destination`.
    case link(Rect, destination: String)
    /// Opens a structure element (PDF tagging: "P", "H1", "Table", "TR", "TH", "TD", "Figure"…);
    /// everything until the matching `.endStructure` belongs to it, in reading order.
    case beginStructure(String)
    case endStructure(String)
}

extension Array where Element == FrameItem {
    /// The items wrapped in a structure element.
    public func tagged(_ role: String) -> [FrameItem] {
        [.beginStructure(role)] + self + [.endStructure(role)]
    }
}

public struct Stroke: Sendable, Equatable {
    /// How the ends of an open line look.
    public enum Cap: Sendable, Equatable {
        /// Square, ending exactly at the end points: rules, grid lines, bar hatching.
        case butt
        /// Half a circle past each end: a line from a point to itself is then a dot, which is how
        /// charts draw point markers without a separate circle primitive in every painter.
        case round
    }

    public var color: Color
    public var width: Double
    /// Lengths of dash and gap, in the frame's units; `nil` is a solid line. Charts dash reference
    /// lines (a baseline) so they read as context rather than data.
    public var dash: [Double]?
    public var cap: Cap

    public init(color: Color, width: Double, dash: [Double]? = nil, cap: Cap = .butt) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap
    }
}

/// A shape of several pieces: each piece is a run of points, closed into a polygon or left open.
///
/// One item per country rather than one per ring keeps a world map at a few hundred items, and
/// the even-odd rule lets a country's holes (Lesotho in South Africa) be plain rings of it.
public struct PathItem: Sendable, Equatable {
    public var pieces: [[Point]]
    public var closed: Bool
    public var fill: Color?
    public var stroke: Stroke?

    public init(pieces: [[Point]], closed: Bool, fill: Color?, stroke: Stroke?) {
        self.pieces = pieces; self.closed = closed; self.fill = fill; self.stroke = stroke
    }
}

/// One line of text, already broken: the painter shapes it but never wraps it.
public struct TextItem: Sendable, Equatable {
    public var text: String
    public var font: FontSpec
    public var color: Color
    /// Left end of the baseline (before rotation).
    public var origin: Point
    /// Radians about `origin`, as Cairo turns (positive is clockwise on the page); -π/2 reads bottom to top.
    public var rotation: Double
    /// Shape with a right-to-left base direction (an Arabic edition): neutral characters and Latin
    /// runs then order around the Arabic as an Arabic reader expects, whatever the first letter is.
    /// The origin stays the left end of the line as drawn.
    public var rightToLeft: Bool

    public init(_ text: String, font: FontSpec, color: Color, origin: Point, rotation: Double = 0, rightToLeft: Bool = false) {
        self.text = text; self.font = font; self.color = color; self.origin = origin; self.rotation = rotation
        self.rightToLeft = rightToLeft
    }

    /// The line's box from ascent to descent, unrotated.
    public func bounds(measurer: TextMeasurer) -> Rect {
        let m = measurer.metrics(of: font)
        return Rect(x: origin.x, y: origin.y - m.ascent,
                    width: measurer.width(of: text, font: font), height: m.ascent + m.descent)
    }
}

/// A page of a document: its size and what is on it.
public struct Page: Sendable, Equatable {
    public var frame: Frame
    /// Fill of the whole page, painted before anything else (a chart's background).
    public var background: Color?
    public init(frame: Frame, background: Color? = nil) { self.frame = frame; self.background = background }
    public var size: Size { frame.size }
}

/// The layout's product: pages plus what the PDF needs to describe itself and to be navigated.
public struct Document: Sendable, Equatable {
    public var pages: [Page]
    public var title: String
    public var author: String?
    public var subject: String?
    public var keywords: String?
    /// BCP 47 language of the text.
    public var language: String
    /// Label a viewer shows for each page ("i", "ii", "1", …); empty means plain page numbers.
    public var pageLabels: [String]
    /// Bookmarks, in document order.
    public var outline: [OutlineEntry]
    /// Alternative text of each "Figure" structure element, in drawing order.
    public var figureAlternatives: [String]
    /// A right-to-left edition: viewers should put facing pages right to left (PDF /Direction /R2L).
    public var readsRightToLeft = false

    public init(pages: [Page], title: String, author: String? = nil, subject: String? = nil, keywords: String? = nil,
                language: String = "en", pageLabels: [String] = [], outline: [OutlineEntry] = [],
                figureAlternatives: [String] = []) {
        self.pages = pages; self.title = title; self.author = author; self.subject = subject
        self.keywords = keywords; self.language = language; self.pageLabels = pageLabels
        self.outline = outline; self.figureAlternatives = figureAlternatives
    }
}

/// A bookmark: a title that jumps to an anchor, with its sub-entries.
public struct OutlineEntry: Sendable, Equatable {
    public var title: String
    public var destination: String
    public var children: [OutlineEntry]

    public init(title: String, destination: String, children: [OutlineEntry] = []) {
        self.title = title; self.destination = destination; self.children = children
    }
}
