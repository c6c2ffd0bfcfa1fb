import FolioConcurrency
import FolioModel
import Foundation

/// Lays out the parts of a long briefing again, in order, on a thread of its own and a part or two
/// ahead of the drawing: while one part's pages are drawn, the next is set.
///
/// The thread has a measurer of its own and keeps no shaped text (`DocumentPart.countedOnly`), so
/// the painter never reads what it writes; pages cross between the threads as plain values.
final class PartsAhead: Sendable {
    private struct State {
        var done: [Int: Result<[[Paginator.Placement]], Error>] = [:]
        var stopped = false
    }

    private let state = Guarded(State())
    /// Parts that may be set before they are taken.
    private let room = DispatchSemaphore(value: 2)
    private let ready = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()

    init(layout: BriefingLayout, measurer: any TextMeasurer, report: Report, context: BriefingLayout.Context,
         contents: [BriefingBody.Content]) {
        var layout = layout
        layout.measurer = measurer
        // Its pages and lines were counted when the body was laid out.
        layout.budget = LayoutBudget(maximumLines: .max, cancellation: layout.budget.cancellation)
        let work = UncheckedSendable((layout, report, context))
        finished.enter()
        let thread = Thread { [self] in
            defer {
                state.withLock { $0.stopped = true }
                finished.leave()
            }
            let (layout, report, context) = work.value
            for (index, content) in contents.enumerated() {
                room.wait()
                if state.withLock({ $0.stopped }) { return }
                layout.measurer.beginPart(DocumentPart.countedOnly)
                let result = Result { try layout.layOut(content, report: report, context: context).pages }
                state.withLock { $0.done[index] = result }
                ready.signal()
                if case .failure = result { return }
            }
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Part `index`'s pages, waiting for them if they are not set yet; parts are taken in order.
    func take(_ index: Int) throws -> [[Paginator.Placement]] {
        while true {
            if let result = state.withLock({ $0.done.removeValue(forKey: index) }) {
                room.signal()
                return try result.get()
            }
            ready.wait()
        }
    }

    /// Stops the thread after the part it is setting and waits for it: its measurer is free again.
    func stop() {
        state.withLock { $0.stopped = true }
        room.signal()
        finished.wait()
        // The thread's last use of its measurer is ordered before this through the lock (a
        // ThreadSanitizer build sees the lock, not the group).
        state.withLock { $0.done.removeAll() }
    }
}
