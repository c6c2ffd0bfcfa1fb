import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// A failed request, answered as RFC 9457 `application/problem+json`.
///
/// Every error the service answers goes through this type, so every error body has the same
/// shape: `type`, `title`, `status`, `detail`, and for data problems the diagnostics in `errors`
/// and `warnings`, each with `line`, `column`, `path` and `message`.
public struct ProblemDetails: Error, Sendable {
    public var status: HTTPResponse.Status
    /// Short slug naming the kind of problem; becomes `type: urn:folio:problem:<slug>`.
    public var slug: String
    public var detail: String
    public var errors: [DiagnosticJSON] = []
    public var warnings: [DiagnosticJSON] = []
    /// Extra response headers (`Retry-After`, `WWW-Authenticate`, `Connection: close`).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ slug: String, _ detail: String,
                errors: [DiagnosticJSON] = [], warnings: [DiagnosticJSON] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.slug = slug
        self.detail = detail
        self.errors = errors
        self.warnings = warnings
        self.headers = headers
    }

    public static let mediaType = "application/problem+json"

    /// The JSON body.
    struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var instance: String?
        var errors: [DiagnosticJSON]?
        var warnings: [DiagnosticJSON]?
    }

    func body(instance: String?) -> Body {
        Body(type: "urn:folio:problem:" + slug, title: status.reasonPhrase, status: status.code, detail: detail,
             instance: instance, errors: errors.isEmpty ? nil : errors, warnings: warnings.isEmpty ? nil : warnings)
    }

    /// The response; `instance` is the request path (without its query).
    func response(instance: String?) -> Response {
        var headers = self.headers
        headers[.contentType] = Self.mediaType
        let bytes = JSONOutput.encode(body(instance: instance))
        headers[.contentLength] = String(bytes.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension ProblemDetails: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(instance: request.uri.path)
    }
}

// MARK: The problems the service answers

extension ProblemDetails {
    static func badParameter(_ detail: String) -> ProblemDetails {
        ProblemDetails(.badRequest, "bad-parameter", detail)
    }

    /// Parameters each within their range whose combination makes an image larger than the limit:
    /// a request the document allows that cannot be served (so 422, not 400).
    static func tooManyPixels(_ detail: String) -> ProblemDetails {
        ProblemDetails(.unprocessableContent, "too-many-pixels", detail)
    }

    /// Parameters each valid alone that do not go together (`part` on a targets chart).
    static func conflictingParameters(_ detail: String) -> ProblemDetails {
        ProblemDetails(.unprocessableContent, "conflicting-parameters", detail)
    }

    static func notFound(_ slug: String, _ detail: String) -> ProblemDetails {
        ProblemDetails(.notFound, slug, detail)
    }

    /// The body is larger than the limit. The connection is closed after the answer; the rest of
    /// the body is read and discarded up to a bound first (see `ConnectionGuard`), never stored.
    static func tooLarge(limit: Int) -> ProblemDetails {
        ProblemDetails(.contentTooLarge, "body-too-large",
                       "the request body is larger than the limit of \(ByteCountText.text(limit))",
                       headers: [.connection: "close"])
    }

    static func unsupportedMediaType(_ given: String?) -> ProblemDetails {
        ProblemDetails(.unsupportedMediaType, "unsupported-media-type",
                       (given.map { "Content-Type \"\($0)\" is not supported" } ?? "the request has no Content-Type")
                       + "; send the report as application/json or application/yaml, an IATI activity file as application/xml, "
                       + "or an Excel workbook as \(RenderService.xlsxMediaType)",
                       headers: [.accept: acceptedMediaTypes])
    }

    /// The media types of report bodies, for `Accept` on a 415.
    static let acceptedMediaTypes = "application/json, application/yaml, application/xml, " + RenderService.xlsxMediaType

    static func unauthorized(_ detail: String) -> ProblemDetails {
        ProblemDetails(.unauthorized, "unauthorized", detail, headers: [.wwwAuthenticate: "Bearer realm=\"folio\""])
    }

    static func saturated(retryAfter: Int) -> ProblemDetails {
        ProblemDetails(.serviceUnavailable, "saturated", "every render worker is busy and the queue is full; retry later",
                       headers: [.retryAfter: String(retryAfter)])
    }

    static func timedOut(after timeout: Duration) -> ProblemDetails {
        ProblemDetails(.serviceUnavailable, "render-timeout",
                       "the render took longer than the limit of \(DurationText.seconds(timeout)) and was abandoned")
    }

    /// The request's body did not arrive within the request read time.
    static let requestTimeout = ProblemDetails(.requestTimeout, "request-timeout",
                                               "the request body did not arrive in time; the connection is closed",
                                               headers: [.connection: "close"])

    /// The body's framing is broken (a bad chunk size or a truncated chunk).
    static let malformedBody = ProblemDetails(.badRequest, "malformed-body",
                                              "the request body is not valid HTTP (a bad chunk size or a truncated chunk)",
                                              headers: [.connection: "close"])

    static let shuttingDown = ProblemDetails(.serviceUnavailable, "shutting-down", "the server is shutting down",
                                             headers: [.retryAfter: "1", .connection: "close"])

    static func internalError(_ detail: String) -> ProblemDetails {
        ProblemDetails(.internalServerError, "internal-error", detail)
    }

    /// Syntax (400) or validation (422) problems found by `ReportLoader.check`.
    static func data(_ result: CheckResult) -> ProblemDetails {
        let errors = result.errors.map(DiagnosticJSON.init)
        let warnings = result.warnings.map(DiagnosticJSON.init)
        if result.isUnreadable {
            return ProblemDetails(.badRequest, "bad-syntax", "the body cannot be read: " + (result.errors.first?.message ?? "syntax error"),
                                  errors: errors, warnings: warnings)
        }
        let count = result.errors.count
        return ProblemDetails(.unprocessableContent, "invalid-data",
                              "the report is not valid: \(count) error\(count == 1 ? "" : "s")",
                              errors: errors, warnings: warnings)
    }
}

/// One diagnostic as JSON: where (line, column, field path) and what.
public struct DiagnosticJSON: Codable, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var path: String
    public var message: String
    /// The file of a CSV upload the diagnostic is in (`indicators.csv`); absent for a single
    /// YAML or JSON body, where there is only one.
    public var file: String?
    /// In a workbook, the sheet and cell (`indicators!C12`), or the sheet alone; absent otherwise.
    public var cell: String?

    public init(_ diagnostic: Diagnostic) {
        line = diagnostic.line
        column = diagnostic.column
        path = diagnostic.path
        message = diagnostic.message
        file = diagnostic.file.hasPrefix("body.") ? nil : diagnostic.file
        cell = diagnostic.cell
    }
}
