import FolioLanguage
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import FolioSlides
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `POST /v1/slides?style=NAME&scale=S&charts=native|picture` → the PowerPoint deck of the report's
/// charts, as `folio slides` makes it: a title slide, then one slide per chart with its alternative
/// text. The style defaults to `slides`, as on the command line; `charts` to native charts
/// (`picture`: PNG drawings, whose pixels `scale`, 1 to 4, default 2, sets). A style sheet's
/// `template:` is not used here: the service reads no files a request names.
extension RenderService {
    static let slidesParameters: Set<String> = ["style", "scale", "lang", "charts"]
    static let pptxMediaType = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

    func slides(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: Self.slidesParameters)
        let style = try styles.style(named: query["style"] ?? "slides")
        let scale = try query.number("scale", above: 0, atMost: 4) ?? 2
        guard scale >= 1 else { throw ProblemDetails.badParameter("scale must be from 1 to 4, found \(NumberText.tick(scale))") }
        let charts = try query["charts"].map { text in
            guard let form = ChartForm(rawValue: text) else { throw ProblemDetails.badParameter("charts must be native or picture, found \(text)") }
            return form
        } ?? .native
        let upload = try await UploadedReport.read(request, limit: configuration.maxBodyBytes)
        let guardrail = archiveGuard()
        return try await render(request, route: "/v1/slides", parameters: ["style": style.name, "scale": NumberText.tick(scale), "charts": charts.rawValue],
                                language: query["lang"], upload: upload, kind: .slides, contentType: Self.pptxMediaType,
                                fileName: "charts.pptx") { renderer, made, _ in
            let deck = try SlideDeck.charts(of: made.report, style: style.style, renderer: renderer, scale: scale,
                                            edition: made.edition, charts: charts) { count in
                try guardrail.check(fileCount: count, what: "deck")
            }
            do { return try deck.pptx() } catch {
                throw ProblemDetails.internalError("could not write the deck: \(error)")
            }
        }
    }
}
