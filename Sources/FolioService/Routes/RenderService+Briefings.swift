import FolioLanguage
import FolioLayout
import FolioModel
import FolioRender
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `POST /v1/briefings?style=NAME[&country=NAME][&date=YYYY-MM-DD]` → the briefing PDF.
///
/// Without `country`, the whole report (refused with 422 past `--max-pages`); with it, that
/// country's short briefing (404 when the report does not name it). `date` is printed on the cover
/// and stamped into the PDF; without it the PDF carries the server's document date and the cover none.
extension RenderService {
    static let briefingParameters: Set<String> = ["style", "country", "date", "lang"]

    func briefing(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: Self.briefingParameters)
        let style = try styles.style(named: query["style"] ?? "default")
        let requestedDate = try query.date("date")
        let country = query["country"]
        if let country, country.trimmingCharacters(in: .whitespaces).isEmpty || country.unicodeScalars.count > 200 {
            throw ProblemDetails.badParameter("country must be a country name of 1 to 200 characters")
        }
        let upload = try await UploadedReport.read(request, limit: configuration.maxBodyBytes)
        let date = documentDate(requested: requestedDate)
        let maxPages = configuration.maxPages
        let parameters = ["style": style.name, "country": country ?? "", "date": String(date.timeIntervalSince1970),
                          "coverDate": requestedDate == nil ? "none" : "date", "maxPages": String(maxPages)]
        let fileName = Self.safeFileName(country.map { "briefing-\($0)" } ?? "briefing") + ".pdf"
        return try await render(request, route: "/v1/briefings", parameters: parameters, language: query["lang"], upload: upload,
                                kind: country == nil ? .briefing : .countryBriefing, contentType: "application/pdf",
                                fileName: fileName) { renderer, made, body in
            let report = made.report
            let context = BriefingLayout.Context(dataDate: requestedDate, dataFingerprint: upload.dataFingerprint)
            let options = PDFOptions(date: date, creator: "Folio")
            guard let country else {
                return try renderer.briefing(report, style: style.style, options: options, context: context, maxPages: maxPages,
                                             edition: made.edition)
            }
            let countries = BriefingLayout.countries(in: report)
            guard let name = made.country(named: country) else {
                let prefix = String(country.lowercased().prefix(3))
                let close = countries.filter { $0.lowercased().hasPrefix(prefix) }.prefix(5)
                throw ProblemDetails.notFound("unknown-country", "the report names no country \"\(country)\""
                    + (close.isEmpty ? "" : "; did you mean " + close.map { "\"\($0)\"" }.joined(separator: ", ") + "?"))
            }
            return try renderer.countryBriefing(name, report: report, style: style.style, options: options, context: context,
                                                edition: made.edition)
        }
    }
}
