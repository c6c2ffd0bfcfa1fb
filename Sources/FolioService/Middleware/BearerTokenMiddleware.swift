import HTTPTypes
import Hummingbird

/// Paths served without the token: the front page (which asks for it), probes, metrics, API description.
enum TokenFreePaths {
    static let all: Set<String> = ["/", "/app.js", "/app.css", "/healthz", "/readyz", "/metrics", "/openapi.yaml"]
}

/// `Authorization: Bearer <token>` on every request when a token is configured, except the few
/// paths that must stay open (the front page, which asks for the token, and the probes, metrics and
/// API description). The token is compared in constant time.
///
/// Deny by default, by exact path: a prefix test on `/v1/` would be passed by `//v1/rebuild`,
/// which the router still matches to `/v1/rebuild` (it drops empty segments).
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
