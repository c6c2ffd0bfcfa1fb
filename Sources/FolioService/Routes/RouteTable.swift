import HTTPTypes

/// Every route the service answers, by method and path pattern: what the router is built from, what
/// a 405's `Allow` header lists, and what `OpenAPITests` compares with the OpenAPI document.
///
/// Patterns use the router's syntax: `:kind` matches one path segment, `**` one or more.
enum RouteTable {
    struct Route: Sendable, Hashable {
        var method: HTTPRequest.Method
        var path: String
    }

    static let routes: [Route] = [
        Route(method: .post, path: "/v1/briefings"),
        Route(method: .post, path: "/v1/briefings/countries"),
        Route(method: .post, path: "/v1/charts"),
        Route(method: .post, path: "/v1/chart-set"),
        Route(method: .post, path: "/v1/slides"),
        Route(method: .post, path: "/v1/workbook"),
        Route(method: .post, path: "/v1/charts/:kind"),
        Route(method: .post, path: "/v1/check"),
        Route(method: .get, path: "/v1/styles"),
        Route(method: .get, path: "/v1/languages"),
        Route(method: .get, path: "/healthz"),
        Route(method: .get, path: "/readyz"),
        Route(method: .get, path: "/metrics"),
        Route(method: .get, path: "/openapi.yaml"),
        Route(method: .post, path: "/v1/rebuild"),
        Route(method: .get, path: "/v1/outputs"),
        Route(method: .get, path: "/v1/outputs/**"),
        Route(method: .get, path: "/"),
        Route(method: .get, path: "/app.js"),
        Route(method: .get, path: "/app.css"),
    ]

    /// The methods a request path may use, `HEAD` included wherever `GET` is (the router answers
    /// it from the GET handler without the body), in a fixed order; empty for an unknown path.
    static func allowedMethods(for path: String) -> [HTTPRequest.Method] {
        // The router ignores empty segments (`//v1/check` is `/v1/check`): so does this.
        let segments = path.split(separator: "/")
        var methods: Set<HTTPRequest.Method> = []
        for route in routes where matches(route.path, segments) {
            methods.insert(route.method)
            if route.method == .get { methods.insert(.head) }
        }
        return [HTTPRequest.Method.get, .head, .post].filter(methods.contains)
    }

    /// The `Allow` header value for `path`, or nil when no route has that path.
    static func allowHeader(for path: String) -> String? {
        let methods = allowedMethods(for: path)
        return methods.isEmpty ? nil : methods.map(\.rawValue).joined(separator: ", ")
    }

    static func matches(_ pattern: String, _ segments: [Substring]) -> Bool {
        let parts = pattern.split(separator: "/")
        if parts.last == "**" {
            let fixed = parts.dropLast()
            guard segments.count > fixed.count else { return false }
            return zip(fixed, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }
        guard parts.count == segments.count else { return false }
        return zip(parts, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }

    /// The OpenAPI path template of a route pattern (`/v1/charts/{kind}`, `/v1/outputs/{path}`).
    static func openAPIPath(_ pattern: String) -> String {
        pattern.split(separator: "/", omittingEmptySubsequences: false).map { part in
            if part == "**" { return "{path}" }
            if part.hasPrefix(":") { return "{\(part.dropFirst())}" }
            return String(part)
        }.joined(separator: "/")
    }
}
