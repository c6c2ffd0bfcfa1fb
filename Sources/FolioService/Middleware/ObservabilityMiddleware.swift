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
            if error.status == .notFound, let allow = RouteTable.allowHeader(for: request.uri.path) {
                problem = ProblemDetails(.methodNotAllowed, "method-not-allowed",
                                         "\(request.uri.path.prefix(200)) answers \(allow), not \(request.method.rawValue.prefix(20))",
                                         headers: [.allow: allow])
            } else if error.status == .notFound {
                problem = .notFound("unknown-route", "no route \(request.method.rawValue) \(request.uri.path.prefix(200))")
            } else {
                problem = ProblemDetails(error.status, "http-error", error.body ?? error.status.reasonPhrase)
            }
            response = problem.response(instance: request.uri.path)
        } catch is ConnectionGuard.RequestReadTimedOut {
            response = ProblemDetails.requestTimeout.response(instance: request.uri.path)
        } catch is ConnectionGuard.MalformedBody {
            response = ProblemDetails.malformedBody.response(instance: request.uri.path)
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
