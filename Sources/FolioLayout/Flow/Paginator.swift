/// Places blocks on pages: the only place where page breaks are decided.
///
/// Rules, as a typesetter applies them: a heading is never the last thing on a page (it moves
/// with the start of what follows); text breaks between lines without leaving a lone line at the
/// foot or head of a page; tables break between rows and repeat their header; figures never break.
public struct Paginator {
    /// Height of the text area of a page.
    public var bodyHeight: Double

    public init(bodyHeight: Double) { self.bodyHeight = bodyHeight }

    public struct Placement: Sendable {
        public var block: any Flowable
        /// Top of the block, from the top of the text area.
        public var y: Double
    }

    /// Pages of placed blocks. Each page is counted in `budget` as it is finished, so a document over
    /// the budget's page limit (or a cancelled render) stops there, not after its whole layout.
    public func paginate(_ blocks: [any Flowable], budget: LayoutBudget? = nil) throws -> [[Placement]] {
        var pages: [[Placement]] = []
        var page: [Placement] = []
        var y = 0.0
        var index = 0
        var pending: (any Flowable)?

        func newPage() throws {
            try budget?.countPage()
            pages.append(page)
            page = []
            y = 0
        }

        while index < blocks.count {
            let block = pending ?? blocks[index]
            if pending == nil && block.breaksPageBefore && !page.isEmpty {
                try newPage()
                continue
            }
            let gap = page.isEmpty ? 0 : block.spaceBefore
            let available = bodyHeight - y - gap
            let needed = block.keepWithNext ? keptHeight(blocks, from: index, first: block) : block.height
            if needed <= available + 0.001 || (block.keepWithNext && page.isEmpty && block.height <= available) {
                page.append(Placement(block: block, y: y + gap))
                y += gap + block.height
                index += 1
                pending = nil
                continue
            }
            if !block.keepWithNext, let (head, tail) = block.split(available: available, force: false)
                ?? (page.isEmpty ? block.split(available: available, force: true) : nil) {
                budget?.countSplit()
                page.append(Placement(block: head, y: y + gap))
                try newPage()
                pending = tail
                continue
            }
            if !page.isEmpty {
                try newPage()
                continue
            }
            // Alone on an empty page and still too tall, with no cut possible: place it and move on.
            page.append(Placement(block: block, y: 0))
            y = block.height
            index += 1
            pending = nil
        }
        if !page.isEmpty || pages.isEmpty { try newPage() }
        return pages
    }

    /// Height a heading needs: itself, then the start of every block it is kept with.
    func keptHeight(_ blocks: [any Flowable], from index: Int, first: any Flowable) -> Double {
        var total = first.height
        var current = first
        var next = index + 1
        while current.keepWithNext, next < blocks.count {
            let following = blocks[next]
            total += following.spaceBefore + (following.keepWithNext ? following.height : following.minimumHeadHeight)
            current = following
            next += 1
        }
        return total
    }
}
