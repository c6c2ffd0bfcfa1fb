import FolioLanguage
import FolioModel
import Foundation

/// Lays out a whole report as a briefing PDF: cover, contents, summary, then one section per
/// outcome (results table, charts, narrative, significant outputs), with bookmarks, page labels,
/// running headers and "Page X of Y" footers.
///
/// Pagination runs once over the body; the contents, which need the body's page numbers, are laid
/// out afterwards and numbered apart (roman), so their length never shifts the body.
public struct BriefingLayout {
    public var style: Style
    public var measurer: TextMeasurer
    /// The language of every word and number Folio writes in the briefing.
    public var edition: Edition
    /// What the layout may spend; `document` sets the caller's.
    var budget = LayoutBudget()
    /// Measurers for more threads: with any, the parts of the body (the summary, each outcome) are
    /// laid out at once, each thread using one measurer only. They must measure exactly as
    /// `measurer` does (the same fonts), so the document does not depend on which thread set what.
    public var otherMeasurers: [any TextMeasurer] = []
    /// Body pages kept between layout and drawing; parts past this are laid out again when drawn
    /// (`BriefingPages`), so memory stays flat however long the document.
    public var retainedPages = Int.max
    /// Type scale of the charts inside the briefing: print sizes, not slide sizes.
    var chartTypeScale: Double { style.briefingChartTypeScale }

    public init(style: Style, measurer: TextMeasurer, edition: Edition = .english) {
        self.style = style
        self.measurer = measurer
        self.edition = edition
    }

    /// Facts about the rendering that are not in the data.
    public struct Context: Sendable {
        /// Date of the data, printed on the cover.
        public var dataDate: Date?
        /// Fingerprint of the input, written into the PDF's keywords.
        public var dataFingerprint: String?
        /// What changed since the previous version, one line each, for a "Changes in this version"
        /// page after the summary (`folio build` with `changes_page: true`); nil leaves it out.
        public var changes: [String]?
        public init(dataDate: Date? = nil, dataFingerprint: String? = nil, changes: [String]? = nil) {
            self.dataDate = dataDate
            self.dataFingerprint = dataFingerprint
            self.changes = changes
        }
    }

    /// The whole briefing. Every outcome starts a page, so each is set and paginated in turn: pages
    /// are counted in `budget` as they are made, and a report far over the page limit stops at the
    /// limit with only that much of it in memory (`LayoutStop`).
    public func document(for report: Report, context: Context = Context(), budget: LayoutBudget = LayoutBudget()) throws -> Document {
        let pages = try self.pages(for: report, context: context, budget: budget)
        defer { pages.finish() }
        var all: [Page] = []
        while let page = try pages.next() { all.append(page) }
        var document = pages.document
        document.pages = all
        return document
    }

    /// Items of one page's blocks, inside the margins.
    func place(_ placements: [Paginator.Placement]) -> Frame {
        var frame = Frame(size: style.pageSize)
        for placement in placements {
            frame.items += placement.block.items(at: Point(x: style.margins.left, y: style.margins.top + placement.y))
        }
        return frame
    }

    /// Body page (1-based) of every anchor.
    static func anchorPages(_ pages: [[Paginator.Placement]]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, placements) in pages.enumerated() {
            for case let anchor as AnchorBlock in placements.map(\.block) { result[anchor.name] = index + 1 }
        }
        return result
    }

    static func roman(_ number: Int) -> String {
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = number, out = ""
        for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
        return out
    }

    func outline(_ report: Report, sections: [ContentsEntry]) -> [OutlineEntry] {
        var top: [OutlineEntry] = []
        for entry in sections {
            if entry.level == 0 {
                top.append(OutlineEntry(title: entry.title, destination: entry.anchor))
            } else if !top.isEmpty {
                top[top.count - 1].children.append(OutlineEntry(title: entry.title, destination: entry.anchor))
            }
        }
        // The title's bookmark opens the first page there is.
        let first = style.sections.shows(.cover) ? "cover" : style.sections.shows(.contents) ? "contents" : sections.first?.anchor
        guard let first else { return [] }
        return [OutlineEntry(title: report.title, destination: first, children: top)]
    }
}

/// Anchor names: outcomes are numbered by position, since ids are free text.
enum OutcomeAnchor {
    static func outcome(_ index: Int) -> String { "outcome-\(index + 1)" }
    static func section(_ index: Int, _ part: String) -> String { "outcome-\(index + 1)-\(part)" }

    static func outcomeIndex(of name: String) -> Int? {
        guard name.hasPrefix("outcome-") else { return nil }
        let rest = name.dropFirst("outcome-".count)
        guard !rest.contains("-"), let number = Int(rest) else { return nil }
        return number - 1
    }
}

/// A line of the contents: what, how deep, and where.
struct ContentsEntry {
    var title: String
    var level: Int
    var anchor: String
    var page: Int = 0
}
