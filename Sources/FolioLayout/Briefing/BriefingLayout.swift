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
        var layout = self
        layout.budget = budget
        return try layout.makeDocument(for: report, context: context)
    }

    private func makeDocument(for report: Report, context: Context) throws -> Document {
        let shown = style.sections
        if shown.shows(.cover) { try budget.countPage() }
        let paginator = Paginator(bodyHeight: style.contentHeight)
        var sections: [ContentsEntry] = []
        // The summary and the changes page flow on together; every outcome starts its own flow.
        var flow: [any Flowable] = []
        var body: [[Paginator.Placement]] = []
        for part in shown.briefing {
            switch part {
            case .cover, .contents:
                continue
            case .summary:
                flow += try summaryBlocks(report, contents: &sections)
            case .changes:
                if let changes = context.changes { flow += changesBlocks(changes, contents: &sections) }
            case .outcomes:
                if !flow.isEmpty { body += try paginator.paginate(flow, budget: budget) }
                flow = []
                for (index, outcome) in report.outcomes.enumerated() {
                    body += try paginator.paginate(try outcomeBlocks(outcome, index: index, report: report, contents: &sections),
                                                   budget: budget)
                }
            }
        }
        if !flow.isEmpty { body += try paginator.paginate(flow, budget: budget) }
        let anchorPages = Self.anchorPages(body)
        for index in sections.indices { sections[index].page = anchorPages[sections[index].anchor] ?? 1 }

        var fields: [FieldTemplate.Field: String] = [.title: report.title, .pages: edition.number(body.count),
                                                     .date: context.dataDate.map { edition.formats.longDate($0) } ?? ""]
        var pages: [Page] = []
        var labels: [String] = []
        if shown.shows(.cover) {
            pages.append(coverPage(report, context: context))
            labels.append(Self.roman(labels.count + 1))
        }
        if shown.shows(.contents) {
            let contents = try paginator.paginate(contentsBlocks(sections), budget: budget)
            for placements in contents {
                let label = Self.roman(labels.count + 1)
                var frame = place(placements)
                frame.items += headerLogoItems()
                fields[.page] = label
                fields[.outcome] = edition.text("contents.title")
                frame.items += footerItems(style.footer, fields: fields, phrase: label)
                pages.append(Page(frame: frame))
                labels.append(label)
            }
        }
        let outcomeOnPage = Self.currentOutcome(body)
        let beforeOutcomes = edition.text(shown.shows(.summary) || context.changes == nil ? "summary.title" : "changes.title")
        for (index, placements) in body.enumerated() {
            if index % 16 == 0 { try budget.cancellation.check() }
            var frame = place(placements)
            fields[.outcome] = outcomeOnPage[index].map { edition.heading(report.outcomes[$0]) } ?? beforeOutcomes
            fields[.page] = edition.number(index + 1)
            frame.items += headerLogoItems()
            frame.items += headerItems(style.header, fields: fields)
            frame.items += footerItems(style.footer, fields: fields, phrase: pageNumber(index + 1, of: body.count))
            pages.append(Page(frame: frame))
            labels.append(String(index + 1))
        }

        // Without front matter the labels are the page numbers: none are written, since Cairo 1.16
        // writes a run of labels "1", "2", … starting on the first page as empty labels.
        let front = shown.briefing.filter { $0 == .cover || $0 == .contents }
        var figures = shown.shows(.cover) && style.logo != nil ? [logoAlternativeText(report)] : []
        figures += body.flatMap { $0.compactMap { ($0.block as? FigureBlock)?.alternativeText } }
        var keywords = report.outcomes.map { edition.text("outcome.keyword", ["id": $0.id]) }.joined(separator: ", ")
        if let fingerprint = context.dataFingerprint { keywords += "; data SHA-256 \(fingerprint)" }
        let title = [report.title, report.subtitle].compactMap { $0 }.joined(separator: ": ")
        return Document(pages: pages, title: title, author: report.organization, subject: report.period,
                        keywords: keywords, language: edition.language, pageLabels: front.isEmpty ? [] : labels,
                        outline: outline(report, sections: sections), figureAlternatives: figures)
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

    /// For each body page, the outcome being read there: the last outcome begun on or before it.
    static func currentOutcome(_ pages: [[Paginator.Placement]]) -> [Int?] {
        var current: Int?
        return pages.map { placements in
            for case let anchor as AnchorBlock in placements.map(\.block) {
                if let index = OutcomeAnchor.outcomeIndex(of: anchor.name) { current = index }
            }
            return current
        }
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
