import FolioLanguage
import FolioModel

/// A briefing's pages, made one at a time in reading order for a painter that draws each page
/// before asking for the next: cover, contents, then the body, part by part (`BriefingBody`).
///
/// Everything about the document but its pages is known before the first page (`document`), since
/// the body was laid out and numbered first; the figures' alternative texts are complete after the
/// last page. A long body is laid out again part by part as it is drawn, keeping no shaped text
/// (`DocumentPart.countedOnly`): the painter shapes each line as it draws it, so only the part
/// being drawn is in memory, and the file is the same whichever thread set which part.
public final class BriefingPages {
    /// Title, outline, page labels and the rest; its `pages` are empty.
    public private(set) var document: Document
    /// Pages in all.
    public let count: Int

    private let layout: BriefingLayout
    private let report: Report
    private let context: BriefingLayout.Context
    private let mirrored: Bool
    private var front: [Page]
    private var body: BriefingBody
    private var fields: [FieldTemplate.Field: String]
    private let beforeOutcomes: String
    /// Where the next body page comes from: its part, that part's pages, the page within it.
    private var part = 0
    private var pages: [[Paginator.Placement]] = []
    private var pageInPart = 0
    private var bodyPage = 0
    private var outcome: Int?
    /// In a long document with a measurer to spare: the thread setting the next parts.
    private var ahead: PartsAhead?

    /// Whether the body's pages were all kept from its layout: then the shaped text of every
    /// measurer serves the painter. A long body is laid out again as it is drawn, with nothing
    /// kept, and the painter must not read the other measurers while they work.
    public var bodyIsKept: Bool { body.isRetained }

    init(layout: BriefingLayout, report: Report, context: BriefingLayout.Context, body: BriefingBody,
         document: Document, front: [Page], fields: [FieldTemplate.Field: String], mirrored: Bool) {
        self.layout = layout
        self.report = report
        self.context = context
        self.body = body
        self.document = document
        self.front = front.reversed()
        self.fields = fields
        self.mirrored = mirrored
        count = front.count + body.pageCount
        beforeOutcomes = layout.edition.text(layout.style.sections.shows(.summary) || context.changes == nil
                                             ? "summary.title" : "changes.title")
        if mirrored { self.document.readsRightToLeft = true }
    }

    /// The next page, or nil after the last.
    public func next() throws -> Page? {
        if let page = front.popLast() { return finished(page) }
        while pageInPart == pages.count {
            if bodyPage > 0 { finishPart() }
            guard part < body.parts.count else { return nil }
            pages = try pagesOfPart()
            pageInPart = 0
        }
        let placements = pages[pageInPart]
        pageInPart += 1
        bodyPage += 1
        if bodyPage % 16 == 0 { try layout.budget.cancellation.check() }
        for case let anchor as AnchorBlock in placements.map(\.block) {
            if let index = OutcomeAnchor.outcomeIndex(of: anchor.name) { outcome = index }
        }
        document.figureAlternatives += placements.compactMap { ($0.block as? FigureBlock)?.alternativeText }
        var frame = layout.place(placements)
        fields[.outcome] = outcome.map { layout.edition.heading(report.outcomes[$0]) } ?? beforeOutcomes
        fields[.page] = layout.edition.number(bodyPage)
        frame.items += layout.headerLogoItems()
        frame.items += layout.headerItems(layout.style.header, fields: fields)
        frame.items += layout.footerItems(layout.style.footer, fields: fields,
                                          phrase: layout.pageNumber(bodyPage, of: body.pageCount))
        return finished(Page(frame: frame))
    }

    private func finished(_ page: Page) -> Page {
        mirrored ? page.mirrored(measurer: layout.measurer) : page
    }

    /// Stops the thread setting parts ahead, if there is one, and waits for it: call once drawing
    /// ends, however it ends, before the measurers are used again.
    public func finish() {
        ahead?.stop()
        ahead = nil
    }

    deinit { ahead?.stop() }

    /// The current part's pages: kept from the body's layout, set by the thread ahead, or laid out
    /// again now, on this thread.
    private func pagesOfPart() throws -> [[Paginator.Placement]] {
        if let kept = body.parts[part].pages {
            body.parts[part].pages = nil
            return kept
        }
        if ahead == nil, let spare = layout.otherMeasurers.first {
            ahead = PartsAhead(layout: layout, measurer: spare, report: report, context: context,
                               contents: body.parts.map(\.content))
        }
        if let ahead { return try ahead.take(part) }
        var again = layout
        // Its pages and lines were counted when the body was laid out.
        again.budget = LayoutBudget(maximumLines: .max, cancellation: layout.budget.cancellation)
        again.measurer.beginPart(DocumentPart.countedOnly)
        return try again.layOut(body.parts[part].content, report: report, context: context).pages
    }

    private func finishPart() {
        if part < body.parts.count { part += 1 }
    }
}

extension BriefingLayout {
    /// The briefing as pages made one at a time (see `BriefingPages`), mirrored for a right-to-left
    /// edition when `mirrored` is set.
    public func pages(for report: Report, context: Context = Context(), budget: LayoutBudget = LayoutBudget(),
                      mirrored: Bool = false) throws -> BriefingPages {
        var layout = self
        layout.budget = budget
        return try layout.makePages(for: report, context: context, mirrored: mirrored)
    }

    private func makePages(for report: Report, context: Context, mirrored: Bool) throws -> BriefingPages {
        let shown = style.sections
        if shown.shows(.cover) { try budget.countPage() }
        let body = try layOutBody(of: report, context: context)
        // Cover and contents lines belong to no part: kept until the document is drawn. The
        // contents of a long body (a line per section, hundreds of pages) are drawn shaped again.
        measurer.beginPart(body.isRetained ? DocumentPart.frontMatter : DocumentPart.countedOnly)
        var sections: [ContentsEntry] = []
        var first = 0
        for part in body.parts {
            sections += part.contents.map { entry in
                var entry = entry
                entry.page = first + (part.anchors[entry.anchor] ?? 1)
                return entry
            }
            first += part.pageCount
        }

        var fields: [FieldTemplate.Field: String] = [.title: report.title, .pages: edition.number(body.pageCount),
                                                     .date: context.dataDate.map { edition.formats.longDate($0) } ?? ""]
        var front: [Page] = []
        var labels: [String] = []
        if shown.shows(.cover) {
            front.append(coverPage(report, context: context))
            labels.append(Self.roman(labels.count + 1))
        }
        if shown.shows(.contents) {
            let contents = try Paginator(bodyHeight: style.contentHeight).paginate(contentsBlocks(sections), budget: budget)
            for placements in contents {
                let label = Self.roman(labels.count + 1)
                var frame = place(placements)
                frame.items += headerLogoItems()
                fields[.page] = label
                fields[.outcome] = edition.text("contents.title")
                frame.items += footerItems(style.footer, fields: fields, phrase: label)
                front.append(Page(frame: frame))
                labels.append(label)
            }
        }
        labels += (0..<body.pageCount).map { String($0 + 1) }

        // Without front matter the labels are the page numbers: none are written, since Cairo 1.16
        // writes a run of labels "1", "2", … starting on the first page as empty labels.
        let hasFront = shown.briefing.contains { $0 == .cover || $0 == .contents }
        let figures = shown.shows(.cover) && style.logo != nil ? [logoAlternativeText(report)] : []
        var keywords = report.outcomes.map { edition.text("outcome.keyword", ["id": $0.id]) }.joined(separator: ", ")
        if let fingerprint = context.dataFingerprint { keywords += "; data SHA-256 \(fingerprint)" }
        let title = [report.title, report.subtitle].compactMap { $0 }.joined(separator: ": ")
        let document = Document(pages: [], title: title, author: report.organization, subject: report.period,
                                keywords: keywords, language: edition.language, pageLabels: hasFront ? labels : [],
                                outline: outline(report, sections: sections), figureAlternatives: figures)
        return BriefingPages(layout: self, report: report, context: context, body: body, document: document,
                             front: front, fields: fields, mirrored: mirrored)
    }
}
