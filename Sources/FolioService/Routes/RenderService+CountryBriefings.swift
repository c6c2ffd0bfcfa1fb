import FolioLanguage
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import FolioArchive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `POST /v1/briefings/countries?style=NAME[&date=YYYY-MM-DD]` → a ZIP of every country's short
/// briefing, one PDF each, named as `folio render --per-country` names them.
///
/// All the countries are drawn in one pool job with that job's renderer, one after another: a ZIP
/// costs one worker, not all of them, so other requests keep being served; the render timeout
/// bounds it like any other render.
extension RenderService {
    static let countryBriefingsParameters: Set<String> = ["style", "date", "lang"]

    func countryBriefings(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: Self.countryBriefingsParameters)
        let style = try styles.style(named: query["style"] ?? "default")
        let requestedDate = try query.date("date")
        let upload = try await UploadedReport.read(request, limit: configuration.maxBodyBytes)
        let date = documentDate(requested: requestedDate)
        let parameters = ["style": style.name, "date": String(date.timeIntervalSince1970),
                          "coverDate": requestedDate == nil ? "none" : "date"]
        let guardrail = archiveGuard()
        return try await render(request, route: "/v1/briefings/countries", parameters: parameters, language: query["lang"], upload: upload,
                                kind: .countryBriefings, contentType: "application/zip",
                                fileName: "country-briefings.zip") { renderer, made, body in
            let report = made.report
            let countries = BriefingLayout.countries(in: report)
            guard !countries.isEmpty else {
                throw ProblemDetails(.unprocessableContent, "no-countries", "the report lists no countries, so there are no country briefings")
            }
            let set = CountryBriefings(report: report, countries: countries, style: style.style,
                                       options: PDFOptions(date: date, creator: "Folio"),
                                       context: BriefingLayout.Context(dataDate: requestedDate, dataFingerprint: upload.dataFingerprint),
                                       edition: made.edition)
            let names = set.fileNames
            try guardrail.check(fileCount: names.count, what: "ZIP of country briefings")
            var entries: [ZipWriter.Entry] = []
            try set.render(renderer: renderer) { index, pdf in
                try guardrail.check(fileCount: names.count, what: "ZIP of country briefings")
                entries.append(ZipWriter.Entry(path: names[index], bytes: pdf, compressed: true))
            }
            return try Self.zip(entries, date: date)
        }
    }

    /// A ZIP whose failure is a server error, not the client's.
    static func zip(_ entries: [ZipWriter.Entry], date: Date) throws -> [UInt8] {
        do { return try ZipWriter.archive(entries, date: date) } catch {
            throw ProblemDetails.internalError("could not write the ZIP: \(error)")
        }
    }
}
