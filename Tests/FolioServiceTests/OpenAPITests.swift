import FolioRender
@testable import FolioService
import Foundation
import Hummingbird
import FolioConcurrency
import HummingbirdTesting
import XCTest
import Yams

/// `GET /openapi.yaml` is kept true: every (route, status) the server answers in a scripted run
/// that drives every route into every status is in the document, and nothing else is.
final class OpenAPITests: XCTestCase {
    typealias S = ServiceTestSupport

    /// Method and path (OpenAPI template) → the response codes the document gives, read with Yams.
    static func documentedOperations() throws -> [String: Set<Int>] {
        let document = try XCTUnwrap(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any], "not a YAML mapping")
        XCTAssertEqual(document["openapi"] as? String, "3.1.0")
        let paths = try XCTUnwrap(document["paths"] as? [String: Any], "no paths")
        var operations: [String: Set<Int>] = [:]
        for (path, item) in paths {
            let methods = try XCTUnwrap(item as? [String: Any], "path \(path) is not a mapping")
            for (method, operation) in methods {
                let responses = try XCTUnwrap((operation as? [String: Any])?["responses"] as? [String: Any],
                                              "\(method) \(path) has no responses")
                operations[method.uppercased() + " " + path] = Set(try responses.keys.map { code in
                    try XCTUnwrap(Int(code), "\(method) \(path): response \(code) is not a status code")
                })
            }
        }
        return operations
    }

    func testDocumentParsesAsYAMLWithTheRoutesOfTheRouter() throws {
        let operations = try Self.documentedOperations()
        let routes = Set(RouteTable.routes.map { "\($0.method.rawValue) \(RouteTable.openAPIPath($0.path))" })
        XCTAssertEqual(Set(operations.keys), routes)
    }

    func testUndeclaredMethodsAre405WithAllowAndHEADIsGETWithoutBody() async throws {
        try await S.makeApp().test(.router) { client in
            for (method, path, allow) in [(HTTPRequest.Method.put, "/v1/check", "POST"), (.delete, "/healthz", "GET, HEAD"),
                                          (.patch, "/v1/charts/targets", "POST"), (.get, "/v1/briefings", "POST"),
                                          (.trace, "/openapi.yaml", "GET, HEAD"), (.post, "/v1/outputs/a/b.pdf", "GET, HEAD")] {
                let response = try await client.execute(uri: path, method: method)
                XCTAssertEqual(response.status, .methodNotAllowed, "\(method) \(path)")
                XCTAssertEqual(response.headers[.allow], allow, "\(method) \(path)")
                XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:method-not-allowed")
            }
            let unknown = try await client.execute(uri: "/v2/nothing", method: .put)
            XCTAssertEqual(unknown.status, .notFound)
            for path in ["/openapi.yaml", "/healthz", "/", "/app.js"] {
                let get = try await client.execute(uri: path, method: .get)
                let head = try await client.execute(uri: path, method: .head)
                XCTAssertEqual(head.status, .ok, path)
                XCTAssertEqual(head.body.readableBytes, 0, path)
                XCTAssertEqual(head.headers[.contentLength], get.headers[.contentLength], path)
                XCTAssertEqual(head.headers[.contentType], get.headers[.contentType], path)
            }
        }
    }

    /// Observed answers, keyed like `documentedOperations()`.
    final class Observed: Sendable {
        private let state = Guarded<[String: Set<Int>]>([:])
        var answers: [String: Set<Int>] { state.withLock { $0 } }

        func record(_ method: HTTPRequest.Method, _ uri: String, _ status: HTTPResponse.Status) {
            var path = String(uri.split(separator: "?", maxSplits: 1)[0])
            if path.hasPrefix("/v1/charts/") { path = "/v1/charts/{kind}" }
            if path.hasPrefix("/v1/outputs/") { path = "/v1/outputs/{path}" }
            state.withLock { $0["\(method.rawValue) \(path)", default: []].insert(status.code) }
        }
    }

    func testEveryRouteAndStatusTheServerAnswersIsDocumented() async throws {
        let observed = Observed()
        let sample = S.buffer(S.sampleYAML)
        let token: HTTPFields = [.authorization: "Bearer t0ken", .contentType: "application/yaml"]

        // 1. Token, small body limit: everything but saturation.
        let small = try S.makeApp(S.configuration { $0.token = "t0ken"; $0.maxBodyBytes = 96 << 10 })
        try await small.test(.router) { client in
            func run(_ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields = token, _ body: ByteBuffer? = nil,
                     expect: HTTPResponse.Status) async throws -> TestResponse {
                let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
                XCTAssertEqual(response.status, expect, "\(method) \(uri)")
                observed.record(method, uri, response.status)
                return response
            }
            for path in ["/healthz", "/metrics", "/openapi.yaml"] { _ = try await run(.get, path, [:], expect: .ok) }
            // The front page needs no token, and answers 304 to the ETag it sent.
            for path in ["/", "/app.js", "/app.css"] {
                let page = try await run(.get, path, [:], expect: .ok)
                _ = try await run(.get, path, [.ifNoneMatch: page.headers[.eTag] ?? ""], expect: .notModified)
            }
            var ready = try await client.execute(uri: "/readyz", method: .get)
            for _ in 0..<200 where ready.status != .ok {
                try await Task.sleep(for: .milliseconds(20))
                ready = try await client.execute(uri: "/readyz", method: .get)
            }
            observed.record(.get, "/readyz", ready.status)
            _ = try await run(.get, "/v1/styles", expect: .ok)
            _ = try await run(.get, "/v1/styles", [:], expect: .unauthorized)
            _ = try await run(.get, "/v1/languages", expect: .ok)
            _ = try await run(.get, "/v1/languages", [:], expect: .unauthorized)

            let big = S.buffer(String(repeating: "# padding\n", count: 12000))
            let renderRoutes = ["/v1/briefings", "/v1/briefings/countries", "/v1/charts", "/v1/charts/regions", "/v1/chart-set",
                                "/v1/slides"]
            for route in ["/v1/briefings", "/v1/briefings/countries", "/v1/charts", "/v1/charts/targets", "/v1/chart-set",
                          "/v1/slides", "/v1/workbook", "/v1/check"] {
                _ = try await run(.post, route, [.contentType: "application/yaml"], sample, expect: .unauthorized)
                _ = try await run(.post, route, token, big, expect: .contentTooLarge)
                _ = try await run(.post, route, [.authorization: "Bearer t0ken", .contentType: "text/csv"], sample,
                                  expect: .unsupportedMediaType)
                _ = try await run(.post, route + "?bogus=1", token, sample, expect: .badRequest)
            }
            _ = try await run(.post, "/v1/check", token, sample, expect: .ok)
            for route in renderRoutes {
                let ok = try await run(.post, route, token, sample, expect: .ok)
                var conditional = token
                conditional[.ifNoneMatch] = ok.headers[.eTag]
                _ = try await run(.post, route, conditional, sample, expect: .notModified)
                _ = try await run(.post, route + "?style=missing", token, sample, expect: .notFound)
                _ = try await run(.post, route, token, S.buffer("title: T\noutcomes: []\n"), expect: .unprocessableContent)
                _ = try await run(.post, route, token, S.buffer("title: [\n"), expect: .badRequest)
            }
            // The workbook route takes no style: the same answers but 404.
            let workbook = try await run(.post, "/v1/workbook", token, sample, expect: .ok)
            var conditional = token
            conditional[.ifNoneMatch] = workbook.headers[.eTag]
            _ = try await run(.post, "/v1/workbook", conditional, sample, expect: .notModified)
            _ = try await run(.post, "/v1/workbook", token, S.buffer("title: T\noutcomes: []\n"), expect: .unprocessableContent)
            _ = try await run(.post, "/v1/workbook", token, S.buffer("title: [\n"), expect: .badRequest)
        }

        // 1b. A project: rebuild, outputs, and their refusals.
        let project = try ProjectRoutesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        for token in ["t0ken", nil] {
            try await S.makeApp(S.configuration { $0.project = project; $0.token = token }).test(.router) { client in
                let auth: HTTPFields = token == nil ? [:] : [.authorization: "Bearer t0ken"]
                func run(_ method: HTTPRequest.Method, _ uri: String, _ headers: HTTPFields, expect: HTTPResponse.Status) async throws -> TestResponse {
                    let response = try await client.execute(uri: uri, method: method, headers: headers)
                    XCTAssertEqual(response.status, expect, "\(method) \(uri)")
                    observed.record(method, uri, response.status)
                    return response
                }
                guard token != nil else {
                    _ = try await run(.post, "/v1/rebuild", [:], expect: .forbidden)
                    return
                }
                _ = try await run(.post, "/v1/rebuild", auth, expect: .ok)
                _ = try await run(.post, "/v1/rebuild", [:], expect: .unauthorized)
                _ = try await run(.post, "/v1/rebuild?now=1", auth, expect: .badRequest)
                _ = try await run(.get, "/v1/outputs", auth, expect: .ok)
                _ = try await run(.get, "/v1/outputs", [:], expect: .unauthorized)
                _ = try await run(.get, "/v1/outputs?all=1", auth, expect: .badRequest)
                let pdf = try await run(.get, "/v1/outputs/Output/outcome4.pdf", auth, expect: .ok)
                var conditional = auth
                conditional[.ifNoneMatch] = pdf.headers[.eTag]
                _ = try await run(.get, "/v1/outputs/Output/outcome4.pdf", conditional, expect: .notModified)
                _ = try await run(.get, "/v1/outputs/Output/outcome4.pdf", [:], expect: .unauthorized)
                _ = try await run(.get, "/v1/outputs/folio.yaml", auth, expect: .notFound)
            }
        }
        try await S.makeApp().test(.router) { client in
            for (method, uri) in [(HTTPRequest.Method.post, "/v1/rebuild"), (.get, "/v1/outputs")] {
                let response = try await client.execute(uri: uri, method: method)
                XCTAssertEqual(response.status, .notFound)
                observed.record(method, uri, response.status)
            }
        }

        // 2. One worker, no queue, slow start: not ready, then saturated.
        let service = RenderService(configuration: S.configuration { $0.workers = 1; $0.queueLength = 0; $0.cacheBytes = 0 },
                                    logger: S.quietLogger,
                                    makeRenderer: { Thread.sleep(forTimeInterval: 0.3); return try Renderer() })
        let busy = try FolioServer.makeApplication(configuration: service.configuration, logger: S.quietLogger, service: service)
        try await busy.test(.router) { client in
            let notReady = try await client.execute(uri: "/readyz", method: .get)
            XCTAssertEqual(notReady.status, .serviceUnavailable)
            XCTAssertNotNil(notReady.headers[.retryAfter])
            observed.record(.get, "/readyz", notReady.status)
            while !service.pool.isReady { try await Task.sleep(for: .milliseconds(10)) }

            let slow = Task {
                try await client.execute(uri: "/v1/briefings", method: .post, headers: S.jsonHeaders,
                                         body: S.buffer(S.bigReportJSON(outcomes: 6)))
            }
            while service.pool.snapshot.running == 0 { try await Task.sleep(for: .milliseconds(5)) }
            for route in ["/v1/briefings", "/v1/briefings/countries", "/v1/charts", "/v1/charts/overview", "/v1/chart-set",
                          "/v1/slides", "/v1/workbook", "/v1/check"] {
                let response = try await client.execute(uri: route, method: .post, headers: S.yamlHeaders, body: sample)
                XCTAssertEqual(response.status, .serviceUnavailable, route)
                XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:saturated")
                XCTAssertNotNil(response.headers[.retryAfter].flatMap { Int($0) })
                observed.record(.post, route, response.status)
            }
            let finished = try await slow.value
            XCTAssertEqual(finished.status, .ok)
        }

        // 3. The document, both ways.
        let documented = try Self.documentedOperations()
        for (operation, statuses) in observed.answers {
            let missing = statuses.subtracting(documented[operation] ?? [])
            XCTAssertTrue(missing.isEmpty, "\(operation) answered \(missing.sorted()) but the document does not say so")
        }
        for (operation, statuses) in documented {
            let unseen = statuses.subtracting(observed.answers[operation] ?? [])
            XCTAssertTrue(unseen.isEmpty, "\(operation) documents \(unseen.sorted()) but the scripted run never produced them")
        }
    }
}
