import FolioConcurrency
import FolioModel
import Foundation

/// The body of a briefing as parts that are laid out on their own: the pages before the outcomes
/// (summary, changes) and each outcome, which always starts a page. Parts are independent, so they
/// are laid out at once on as many threads as the layout has measurers, then numbered in order.
///
/// A part's pages stay in memory until drawn only while the body is short (`retainedPages`); the
/// pages of a longer body are counted, their anchors noted, and each part is laid out again when
/// its turn to be drawn comes, so a 10,000-page report never holds more than a part at a time.
/// All parts are kept or none, whichever threads finished first: what is kept decides which shape
/// of a repeated line is drawn (`TextMeasurer.endPart`), and output must not depend on timing.
struct BriefingBody {
    /// What one part holds.
    enum Content: Sendable {
        /// Summary and changes pages, flowing on together.
        case flow([BriefingSections.Part])
        case outcome(Int)
    }

    /// A part laid out: its pages (nil when dropped, to be laid out again), and what the whole
    /// document needs from it whether kept or not.
    struct Part: Sendable {
        var content: Content
        var pages: [[Paginator.Placement]]?
        var pageCount: Int
        /// Contents lines, their anchors' pages counted from the part's first page (1-based).
        var contents: [ContentsEntry]
        /// Anchor → page within the part (1-based).
        var anchors: [String: Int]
        /// Which measurer laid it out: the one that keeps its shaped text; nil when none does.
        var measurer: Int?
    }

    var parts: [Part]
    /// Whether every part's pages were kept (the body is within `retainedPages`). Then the shaped
    /// text of every part is kept until the whole document is drawn, since a later part may draw a
    /// line an earlier one measured; otherwise each part's goes once it is drawn.
    var isRetained = true
    /// Whether a report's body is sure to run past `limit` pages: every outcome starts a page and
    /// the summary gives each indicator a table row (about forty to a page). Such a body is laid
    /// out first only to be counted, keeping nothing for drawing.
    static func isSurelyLonger(than limit: Int, report: Report) -> Bool {
        let indicators = report.outcomes.reduce(0) { $0 + $1.indicators.count }
        return report.outcomes.count + indicators / 40 > limit
    }

    var pageCount: Int { parts.reduce(0) { $0 + $1.pageCount } }

    /// The parts of the body in the style's order.
    static func contents(of report: Report, sections: BriefingSections, changes: [String]?) -> [Content] {
        var contents: [Content] = []
        var flow: [BriefingSections.Part] = []
        for part in sections.briefing {
            switch part {
            case .cover, .contents:
                continue
            case .summary:
                flow.append(part)
            case .changes:
                if changes != nil { flow.append(part) }
            case .outcomes:
                if !flow.isEmpty { contents.append(.flow(flow)) }
                flow = []
                contents += report.outcomes.indices.map { .outcome($0) }
            }
        }
        if !flow.isEmpty { contents.append(.flow(flow)) }
        return contents
    }
}

extension BriefingLayout {
    /// Blocks and pages of one part, with the contents lines it adds.
    func layOut(_ content: BriefingBody.Content, report: Report, context: Context)
        throws -> (pages: [[Paginator.Placement]], contents: [ContentsEntry])
    {
        var contents: [ContentsEntry] = []
        var blocks: [any Flowable] = []
        switch content {
        case .flow(let parts):
            for part in parts {
                if part == .summary { blocks += try summaryBlocks(report, contents: &contents) }
                if part == .changes, let changes = context.changes { blocks += changesBlocks(changes, contents: &contents) }
            }
        case .outcome(let index):
            blocks = try outcomeBlocks(report.outcomes[index], index: index, report: report, contents: &contents)
        }
        let pages = try Paginator(bodyHeight: style.contentHeight).paginate(blocks, budget: budget)
        return (pages, contents)
    }

    /// Every part of the body, on one thread per measurer (`measurer` and `otherMeasurers`).
    func layOutBody(of report: Report, context: Context) throws -> BriefingBody {
        let contents = BriefingBody.contents(of: report, sections: style.sections, changes: context.changes)
        let measurers = [measurer] + otherMeasurers
        let work = BodyWork(long: BriefingBody.isSurelyLonger(than: retainedPages, report: report))
        func part(_ index: Int, worker: Int) throws -> BriefingBody.Part {
            var layout = self
            layout.measurer = measurers[worker]
            layout.measurer.beginPart(work.overflowed ? DocumentPart.countedOnly : index)
            let (pages, entries) = try layout.layOut(contents[index], report: report, context: context)
            let keep = work.keep(pages.count, limit: retainedPages)
            if !keep { layout.measurer.endPart(index) }
            return BriefingBody.Part(content: contents[index], pages: keep ? pages : nil, pageCount: pages.count,
                                     contents: entries, anchors: Self.anchorPages(pages), measurer: worker)
        }
        // Each measurer's first use of a face and size costs fontconfig a sort of every installed
        // font (Pango's fallback list; some 0.4 ms, a dozen or more per briefing): a thread pays for
        // itself only with two parts or more to lay out. Outcome 4 alone (two parts) is faster on one.
        let workers = min(measurers.count, contents.count / 2)
        guard workers > 1 else {
            return dropIfLong(BriefingBody(parts: try contents.indices.map { try part($0, worker: 0) }), work: work)
        }
        let counter = BreakingWork.counter
        // Each thread uses its own measurer only; results are put back in part order.
        let shared = UncheckedSendable(part)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            BreakingWork.$counter.withValue(counter) {
                while let index = work.next(below: contents.count) {
                    let result = Result { try shared.value(index, worker) }
                    work.finish(index, result)
                }
            }
        }
        // Parts are taken in order and none after a failure: the first missing one follows a failed one.
        var parts: [BriefingBody.Part] = []
        for result in work.results(count: contents.count) {
            guard let result else { break }
            parts.append(try result.get())
        }
        return dropIfLong(BriefingBody(parts: parts), work: work)
    }

    /// The body as laid out, or without any kept pages when it is longer than `retainedPages`.
    private func dropIfLong(_ body: BriefingBody, work: BodyWork) -> BriefingBody {
        guard work.overflowed else { return body }
        var body = body
        body.isRetained = false
        let measurers = [measurer] + otherMeasurers
        for index in body.parts.indices where body.parts[index].pages != nil {
            body.parts[index].pages = nil
            if let measurer = body.parts[index].measurer { measurers[measurer].endPart(index) }
        }
        return body
    }
}

/// What the threads laying out a body share: the next part to take, the pages kept so far, and
/// what each part came to. A failed part stops the taking.
private final class BodyWork: Sendable {
    private struct State {
        var next = 0
        var retained = 0
        var overflowed = false
        var failed = false
        var results: [Int: Result<BriefingBody.Part, Error>] = [:]
    }

    private let state: Guarded<State>

    /// `long`: the body is known to be long before it is laid out; no part is kept.
    init(long: Bool) { state = Guarded(State(overflowed: long)) }

    func next(below count: Int) -> Int? {
        state.withLock { state in
            guard !state.failed, state.next < count else { return nil }
            state.next += 1
            return state.next - 1
        }
    }

    /// Whether a part of `pages` pages is kept: only while the body so far is within `limit` pages.
    func keep(_ pages: Int, limit: Int) -> Bool {
        state.withLock { state in
            state.retained += pages
            if state.retained > limit { state.overflowed = true }
            return !state.overflowed
        }
    }

    var overflowed: Bool { state.withLock { $0.overflowed } }

    func finish(_ index: Int, _ result: Result<BriefingBody.Part, Error>) {
        state.withLock { state in
            if case .failure = result { state.failed = true }
            state.results[index] = result
        }
    }

    func results(count: Int) -> [Result<BriefingBody.Part, Error>?] {
        state.withLock { state in (0..<count).map { state.results[$0] } }
    }
}
