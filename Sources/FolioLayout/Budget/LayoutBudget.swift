import Synchronization

/// A flag another thread raises to stop a render: the render checks it between pages, charts, table
/// rows and files, and stops with `LayoutStop.cancelled` soon after it is raised.
public final class Cancellation: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func cancel() { raised.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { raised.load(ordering: .relaxed) }

    /// Throws `LayoutStop.cancelled` once the flag is raised.
    public func check() throws {
        if isCancelled { throw LayoutStop.cancelled }
    }
}

/// Why a layout stopped before its end.
public enum LayoutStop: Error, Equatable, Sendable {
    /// The render's `Cancellation` was raised (a deadline passed, the client went away).
    case cancelled
    /// More pages than allowed were laid out; `limit` is the allowance.
    case tooManyPages(limit: Int)
    /// More lines of text than allowed were set: content expanded far beyond its source (YAML aliases
    /// repeat a subtree without repeating its bytes).
    case tooMuchText(limit: Int)
}

/// What one layout may spend: pages, lines of text, and a cancellation flag, all checked as the work
/// is done, so a document far over a limit stops near the limit instead of after its whole layout.
///
/// Shared by the threads that lay out parts of one document at once: the counts are atomic.
public final class LayoutBudget: Sendable {
    public let maximumPages: Int
    public let maximumLines: Int
    public let cancellation: Cancellation
    private let pageCount = Atomic<Int>(0)
    private let lineCount = Atomic<Int>(0)
    private let splitCount = Atomic<Int>(0)

    /// Pages laid out so far (body and contents).
    public var pages: Int { pageCount.load(ordering: .relaxed) }
    /// Lines of text set so far, and block splits made: the work of a layout, for its limit and for
    /// tests that show it grows in step with the input.
    public var lines: Int { lineCount.load(ordering: .relaxed) }
    public var splits: Int { splitCount.load(ordering: .relaxed) }

    /// The default line allowance: a little over 2,000 pages of dense tables.
    public static let defaultMaximumLines = 400_000

    public init(maximumPages: Int = .max, maximumLines: Int = LayoutBudget.defaultMaximumLines,
                cancellation: Cancellation = Cancellation()) {
        self.maximumPages = maximumPages
        self.maximumLines = maximumLines
        self.cancellation = cancellation
    }

    /// Counts a finished page; throws when past the page limit or cancelled.
    public func countPage() throws {
        if pageCount.add(1, ordering: .relaxed).newValue > maximumPages { throw LayoutStop.tooManyPages(limit: maximumPages) }
        try cancellation.check()
    }

    /// Counts lines of text set (a table row's cells, a paragraph); throws when past the line limit,
    /// and checks the cancellation flag every few hundred lines.
    public func countLines(_ count: Int) throws {
        let after = lineCount.add(count, ordering: .relaxed).newValue
        if after > maximumLines { throw LayoutStop.tooMuchText(limit: maximumLines) }
        if after / 256 != (after - count) / 256 { try cancellation.check() }
    }

    /// Throws when `count` more lines would pass the line limit, without counting them: a check before
    /// setting content whose size is known in advance (a list of countries), so it is never set.
    public func expect(_ count: Int) throws {
        if count > maximumLines - lines { throw LayoutStop.tooMuchText(limit: maximumLines) }
        try cancellation.check()
    }

    /// Counts one cut of a block between pages.
    public func countSplit() { splitCount.add(1, ordering: .relaxed) }
}

/// Counts the lines that page breaking examines (each row bottom measured, each line moved or
/// copied): the work that must grow in step with the document, never with its square. Off unless
/// a caller installs a counter for a piece of work (tests of that growth, benchmarks).
public enum BreakingWork {
    public final class Counter: Sendable {
        private let count = Atomic<Int>(0)
        public init() {}
        public var lines: Int { count.load(ordering: .relaxed) }
        func add(_ lines: Int) { count.add(lines, ordering: .relaxed) }
    }

    @TaskLocal public static var counter: Counter?
}
