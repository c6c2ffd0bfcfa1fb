import FolioLayout
import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `POST /v1/check[?strict=true]` → the validation report as JSON:
/// `{"valid": …, "errors": […], "warnings": […], "summary": {…}}`, each diagnostic with line,
/// column, field path and message. Invalid data is a normal answer here (200, `valid: false`);
/// only a request the service cannot take (size, media type, parameters) is an error.
extension RenderService {
    struct CheckReport: Encodable {
        struct Summary: Encodable {
            var title: String
            var outcomes: Int
            var indicators: Int
            var entries: Int
            var territories: Int
            var countries: Int
            var regions: [String]
            var periods: [String]
            var currentPeriod: String?
            var indicatorsOverTime: Int
        }

        var valid: Bool
        /// Whether the body could not be parsed at all (as opposed to parsed but invalid).
        var syntaxError: Bool
        var errors: [DiagnosticJSON]
        var warnings: [DiagnosticJSON]
        var summary: Summary?
    }

    func check(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: ["strict"])
        let strict: Bool
        switch query["strict"] {
        case nil, "false": strict = false
        case "true": strict = true
        case let other?: throw ProblemDetails.badParameter("strict must be true or false, found \"\(other.prefix(40))\"")
        }
        let upload = try await UploadedReport.read(request, limit: configuration.maxBodyBytes)
        let maxBytes = configuration.maxBodyBytes
        let report = try await runOnPool(.check) { _ in
            let result = Self.check(upload, maxBytes: maxBytes)
            let summary = result.report.map { report -> CheckReport.Summary in
                let indicators = report.outcomes.flatMap(\.indicators)
                let tracked = indicators.filter(\.hasHistory)
                return CheckReport.Summary(title: report.title, outcomes: report.outcomes.count, indicators: indicators.count,
                                           entries: indicators.reduce(0) { $0 + $1.listedCount },
                                           territories: indicators.reduce(0) { $0 + $1.territoryCount },
                                           countries: BriefingCountries.count(report), regions: report.regions,
                                           periods: report.periodNames, currentPeriod: tracked.first?.current.label ?? report.period,
                                           indicatorsOverTime: tracked.count)
            }
            return CheckReport(valid: result.report != nil && !(strict && !result.warnings.isEmpty),
                               syntaxError: result.isUnreadable,
                               errors: result.errors.map(DiagnosticJSON.init), warnings: result.warnings.map(DiagnosticJSON.init),
                               summary: summary)
        }
        let bytes = JSONOutput.encode(report)
        return Response(status: .ok, headers: [.contentType: "application/json", .contentLength: String(bytes.count)],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

enum BriefingCountries {
    static func count(_ report: Report) -> Int { BriefingLayout.countries(in: report).count }
}
