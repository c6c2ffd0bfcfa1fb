/// A block that is also a link: the whole area jumps to `destination` (contents entries).
public struct LinkBlock: Flowable {
    public var content: TextBlock
    public var destination: String
    public var width: Double

    public init(content: TextBlock, destination: String, width: Double) {
        self.content = content
        self.destination = destination
        self.width = width
    }

    public var height: Double { content.height }
    public var spaceBefore: Double { content.spaceBefore }
    public var keepWithNext: Bool { content.keepWithNext }
    public var minimumHeadHeight: Double { height }
    public func split(available: Double, force: Bool) -> (head: any Flowable, tail: any Flowable)? { nil }

    public func items(at origin: Point) -> [FrameItem] {
        // The link inside the entry's element, so a screen reader announces the entry as a link.
        (content.stack.items(at: origin)
            + [.link(Rect(x: origin.x, y: origin.y, width: width, height: height), destination: destination)])
            .tagged(content.role)
    }
}
