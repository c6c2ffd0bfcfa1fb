/// A block of the page flow: it knows its height at the text width and how it may be cut.
///
/// The vocabulary is ReportLab's (`wrap`/`split`), but blocks return frame items instead of drawing,
/// and they are values: splitting gives two new blocks and changes nothing.
public protocol Flowable: Sendable {
    var height: Double { get }
    /// Space above the block; dropped at the top of a page.
    var spaceBefore: Double { get }
    /// Headings: keep on the same page as the start of the next block.
    var keepWithNext: Bool { get }
    /// The smallest piece of this block that may stand at the foot of a page.
    var minimumHeadHeight: Double { get }
    /// Cuts the block so the head fits in `available`, or nil when no acceptable cut exists.
    /// `force` is set when the block starts an empty page and would not fit even there:
    /// then any cut between lines is acceptable.
    func split(available: Double, force: Bool) -> (head: any Flowable, tail: any Flowable)?
    /// Frame items with the block's top-left corner at `origin`.
    func items(at origin: Point) -> [FrameItem]
    /// Starts a new page unless the current one is still empty (outcome sections).
    var breaksPageBefore: Bool { get }
}

extension Flowable {
    public var breaksPageBefore: Bool { false }
}

/// A paragraph, heading or list: lines that may break between pages, avoiding lone lines.
public struct TextBlock: Flowable {
    public var stack: LineStack
    public var spaceBefore: Double
    public var keepWithNext: Bool
    /// Fewest lines left at the foot of a page (orphans) and carried to the next (widows).
    public var minimumLines: Int
    /// Structure element for tagged PDF: "P", "H1", "H2"…
    public var role: String

    public init(stack: LineStack, spaceBefore: Double = 0, keepWithNext: Bool = false, minimumLines: Int = 2,
                role: String = "P") {
        self.stack = stack
        self.spaceBefore = spaceBefore
        self.keepWithNext = keepWithNext
        self.minimumLines = minimumLines
        self.role = role
    }

    public var height: Double { stack.height }

    public var minimumHeadHeight: Double {
        let rows = min(minimumLines, stack.rowCount)
        return rows > 0 ? stack.breakPosition(rows - 1) : stack.height
    }

    public func split(available: Double, force: Bool) -> (head: any Flowable, tail: any Flowable)? {
        let total = stack.rowCount
        let minimumLines = minimumLines
        let acceptable = stack.lastBreak(atMost: available, minimumAbove: force ? 1 : minimumLines) { head in
            force ? head >= 1 : (head >= minimumLines && total - head >= minimumLines)
        }
        guard let y = acceptable else { return nil }
        let (head, tail) = stack.split(at: y)
        return (TextBlock(stack: head, spaceBefore: spaceBefore, minimumLines: minimumLines, role: role),
                TextBlock(stack: tail, spaceBefore: 0, keepWithNext: keepWithNext, minimumLines: minimumLines, role: role))
    }

    public func items(at origin: Point) -> [FrameItem] { stack.items(at: origin).tagged(role) }
}

/// A drawing that never splits, such as a chart.
public struct FigureBlock: Flowable {
    public var frame: Frame
    /// Size on the page; the frame is scaled to fit the width.
    public var width: Double
    public var spaceBefore: Double
    /// What the figure shows, for readers who cannot see it (the PDF's /Alt).
    public var alternativeText: String

    public init(frame: Frame, width: Double, spaceBefore: Double = 0, alternativeText: String) {
        self.frame = frame
        self.width = width
        self.spaceBefore = spaceBefore
        self.alternativeText = alternativeText
    }

    var scale: Double { frame.size.width > 0 ? width / frame.size.width : 1 }
    public var height: Double { frame.size.height * scale }
    public var keepWithNext: Bool { false }
    public var minimumHeadHeight: Double { height }
    public func split(available: Double, force: Bool) -> (head: any Flowable, tail: any Flowable)? { nil }
    public func items(at origin: Point) -> [FrameItem] { [.group(frame, origin: origin, scale: scale)].tagged("Figure") }
}

/// A named place in the flow: a target for contents links and bookmarks. It takes no room and stays
/// with what follows it.
public struct AnchorBlock: Flowable {
    public var name: String
    public var breaksPageBefore: Bool

    public init(name: String, breaksPageBefore: Bool = false) {
        self.name = name
        self.breaksPageBefore = breaksPageBefore
    }

    public var height: Double { 0 }
    public var spaceBefore: Double { 0 }
    public var keepWithNext: Bool { true }
    public var minimumHeadHeight: Double { 0 }
    public func split(available: Double, force: Bool) -> (head: any Flowable, tail: any Flowable)? { nil }
    public func items(at origin: Point) -> [FrameItem] { [.anchor(name: name, at: origin)] }
}
