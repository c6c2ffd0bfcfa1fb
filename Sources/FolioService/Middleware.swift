import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// The outermost middleware: turns every error into `application/problem+json`, then logs the
/// request (method, path, route, status, duration, bytes) and counts it in the metrics.
struct ObservabilityMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        let body = BodyState()
        do {
            response = try await BodyState.$current.withValue(body) { try await next(request, context) }
        } catch let problem as ProblemDetails {
            response = problem.response(instance: request.uri.path)
        } catch let error as HTTPError {
            let problem: ProblemDetails
            if error.status == .notFound {
                problem = .notFound("unknown-route", "no route \(request.method.rawValue) \(request.uri.path.prefix(200))")
            } else {
                problem = ProblemDetails(error.status, "http-error", error.body ?? error.status.reasonPhrase)
            }
            response = problem.response(instance: request.uri.path)
        } catch is CancellationError {
            response = ProblemDetails(.serviceUnavailable, "cancelled", "the request was cancelled").response(instance: request.uri.path)
        } catch {
            logger.error("unexpected error", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            response = ProblemDetails.internalError("unexpected error").response(instance: request.uri.path)
        }
        // An error answered before the body was read: close the connection rather than read the rest.
        if response.status.code >= 400, Self.hasBody(request), !body.wasRead, response.headers[.connection] == nil {
            response.headers[.connection] = "close"
        }
        let elapsed = ContinuousClock.now - start
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        let bytes = response.body.contentLength ?? 0
        metrics.recordRequest(route: route, status: response.status.code, bytes: bytes, duration: elapsed)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "route": "\(route)",
            "status": .stringConvertible(response.status.code), "duration_ms": .stringConvertible((milliseconds * 10).rounded() / 10),
            "bytes": .stringConvertible(bytes), "cache": "\(response.headers[.folioCache] ?? "-")",
        ])
        return response
    }

    static func hasBody(_ request: Request) -> Bool {
        if let length = request.headers[.contentLength] { return length != "0" }
        return request.headers[.transferEncoding] != nil
    }
}

/// Paths served without the token: the front page (which asks for it), probes, metrics, API description.
enum TokenFreePaths {
    static let all: Set<String> = ["/", "/app.js", "/app.css", "/healthz", "/readyz", "/metrics", "/openapi.yaml"]
}

/// The `Authorization: Bearer <token>` check itself, shared by the middleware and by routes that
/// check again behind it.
enum BearerToken {
    static func check(_ request: Request, token: [UInt8]) throws {
        guard let header = request.headers[.authorization] else {
            throw ProblemDetails.unauthorized("this server needs a bearer token: send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              constantTimeEqual(Array(parts[1].trimmingCharacters(in: .whitespaces).utf8), token) else {
            throw ProblemDetails.unauthorized("the bearer token is not valid")
        }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}

/// `Authorization: Bearer <token>` on every request when a token is configured, except the few
/// paths that must stay open (the front page, which asks for the token, and the probes, metrics and
/// API description). The token is compared in constant time.
///
/// Deny by default, by exact path: a prefix test on `/v1/` was passed by `//v1/rebuild`, which the
/// router still matched to `/v1/rebuild` (it drops empty segments).
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .get || request.method == .head, TokenFreePaths.all.contains(request.uri.path) {
            return try await next(request, context)
        }
        try BearerToken.check(request, token: token)
        return try await next(request, context)
    }
}
