import FolioLanguage
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import FolioSlides
import Foundation
import FolioConcurrency

/// A stale target being rendered: what its pieces are (one per country, chart file, or the whole
/// document), the bytes each produced, and whether any failed.
///
/// Pieces of all targets share one pool of render threads, so a folder of 150 country briefings
/// spreads over every core instead of holding one. Nothing is written until every piece is done:
/// a target that fails halfway leaves all its previous files as they were.
final class TargetWork: Sendable {
    enum Plan: Sendable {
        case briefing
        case countries(CountryBriefings, names: [String])
        case charts(ChartSet)
        case deck(scale: Double)
    }

    let target: Project.Target
    let inputs: String
    let report: Report
    let edition: Edition
    let style: Style
    let pdfOptions: PDFOptions
    let context: BriefingLayout.Context
    let plan: Plan
    let started = DispatchTime.now().uptimeNanoseconds
    /// Set for a briefing with a changes page: recorded with the target so the next plan can tell it is fresh.
    let changesBase: BuildState.ChangesBase?
    let pieceCount: Int

    /// What the pieces made so far; filled in from the render threads.
    private struct Pieces {
        var results: [(path: String, bytes: [UInt8])?]
        var entries: [ChartSet.ManifestEntry?]
        var remaining: Int
        var failure: TargetFailure?
    }

    private let pieces: Guarded<Pieces>

    init(target: Project.Target, inputs: String, report: Report, edition: Edition, style: Style, pdfOptions: PDFOptions,
         context: BriefingLayout.Context, changesBase: BuildState.ChangesBase?, measurer: TextMeasurer) {
        self.target = target
        self.inputs = inputs
        self.changesBase = changesBase
        self.report = report
        self.edition = edition
        self.style = style
        self.pdfOptions = pdfOptions
        self.context = context
        switch target.kind {
        case .briefing:
            plan = .briefing
        case .countries:
            let briefings = CountryBriefings(report: report, countries: BriefingLayout.countries(in: report), style: style,
                                             options: pdfOptions, context: context, edition: edition)
            plan = .countries(briefings, names: briefings.fileNames)
        case .charts:
            plan = .charts(ChartSet(report: report, style: style, measurer: measurer, formats: target.formats, scales: target.scales,
                                    edition: edition))
        case .deck:
            plan = .deck(scale: target.scales.first ?? 2)
        }
        let count = Self.pieceCount(plan)
        pieceCount = count
        pieces = Guarded(Pieces(results: Array(repeating: nil, count: count), entries: Array(repeating: nil, count: count),
                              remaining: count))
    }

    static func pieceCount(_ plan: Plan) -> Int {
        switch plan {
        case .briefing, .deck: return 1
        case .countries(let briefings, _): return briefings.countries.count
        case .charts(let set): return set.files.count
        }
    }

    /// Why the target failed, once one of its pieces did.
    var failure: TargetFailure? { pieces.withLock { $0.failure } }

    /// Renders one piece on the calling thread with its renderer; true when it was the last piece
    /// (then the target is ready to be written).
    func render(piece: Int, renderer: Renderer) -> Bool {
        if failure == nil {
            do {
                let (path, bytes, entry) = try renderPiece(piece, renderer: renderer)
                pieces.withLock { pieces in
                    pieces.results[piece] = (path, bytes)
                    pieces.entries[piece] = entry
                }
            } catch let template as DeckTemplateError {
                // The organisation's template is input, like a style: a bad one is not Folio's failure.
                if case .unreadable = template { fail(.unreadableSource, "\(template)") } else { fail(.invalidStyle, "\(template)") }
            } catch {
                fail(.renderFailed, "\(error)")
            }
        }
        return pieces.withLock { pieces in
            pieces.remaining -= 1
            return pieces.remaining == 0
        }
    }

    private func renderPiece(_ piece: Int, renderer: Renderer) throws -> (String, [UInt8], ChartSet.ManifestEntry?) {
        switch plan {
        case .briefing:
            return (target.output, try renderer.briefing(report, style: style, options: pdfOptions, context: context, edition: edition), nil)
        case .countries(let briefings, let names):
            let bytes = try renderer.countryBriefing(briefings.countries[piece], report: report, style: style, options: pdfOptions,
                                                     context: context, edition: edition)
            return (target.output + "/" + names[piece], bytes, nil)
        case .charts(let set):
            let file = set.files[piece]
            let (bytes, entry) = try set.render(file, renderer: renderer, report: report, style: style, pdfOptions: pdfOptions)
            return (target.output + "/" + file.name, bytes, entry)
        case .deck(let scale):
            // One piece: the deck's charts render on this thread, beside the other targets' pieces.
            var deck = try SlideDeck.charts(of: report, style: style, measurer: renderer.measurer, scale: scale, jobs: 1,
                                            edition: edition, charts: target.charts)
            deck.template = try DeckTemplate.load(target.template ?? style.deckTemplate)
            return (target.output, try deck.pptx(), nil)
        }
    }

    func fail(_ reason: TargetFailure.Reason, _ message: String) {
        pieces.withLock { pieces in
            if pieces.failure == nil { pieces.failure = TargetFailure(target: target, reason: reason, messages: [message]) }
        }
    }

    /// Every file of the finished target, path relative to the project folder → bytes, in plan order;
    /// a chart set's `charts.json` last.
    func files() throws -> [(path: String, bytes: [UInt8])] {
        let (results, entries) = pieces.withLock { ($0.results, $0.entries) }
        var files = results.compactMap { $0 }
        if case .charts(let set) = plan {
            files.append((target.output + "/charts.json", try set.manifest(entries.compactMap { $0 })))
        }
        return files
    }
}
