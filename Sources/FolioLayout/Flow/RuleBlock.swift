/// A horizontal rule across the text width, e.g. under the title block.
public struct RuleBlock: Flowable {
    public var width: Double
    public var stroke: Stroke
    public var spaceBefore: Double
    /// Space kept below the rule, part of its height.
    public var spaceAfter: Double

    public init(width: Double, stroke: Stroke, spaceBefore: Double, spaceAfter: Double) {
        self.width = width; self.stroke = stroke; self.spaceBefore = spaceBefore; self.spaceAfter = spaceAfter
    }

    public var height: Double { stroke.width + spaceAfter }
    public var keepWithNext: Bool { true }
    public var minimumHeadHeight: Double { height }
    public func split(available: Double, force: Bool) -> (head: any Flowable, tail: any Flowable)? { nil }
    public func items(at origin: Point) -> [FrameItem] {
        let y = origin.y + stroke.width / 2
        return [.line(from: Point(x: origin.x, y: y), to: Point(x: origin.x + width, y: y), stroke: stroke)]
    }
}
