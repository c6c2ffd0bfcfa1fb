import FolioRender
@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// Every route and every error status, in process (no socket).
final class RouterTests: XCTestCase {
    typealias S = ServiceTestSupport

    func testHealthReadyStylesOpenAPIAndMetrics() async throws {
        try await S.makeApp().test(.router) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(String(buffer: health.body), "{\"status\":\"ok\"}\n")

            // Ready once every worker has its renderer.
            var ready = try await client.execute(uri: "/readyz", method: .get)
            for _ in 0..<200 where ready.status != .ok {
                try await Task.sleep(for: .milliseconds(20))
                ready = try await client.execute(uri: "/readyz", method: .get)
            }
            XCTAssertEqual(ready.status, .ok)
            XCTAssertTrue(String(buffer: ready.body).contains("\"workers\":2"))

            let styles = try await client.execute(uri: "/v1/styles", method: .get)
            XCTAssertEqual(styles.status, .ok)
            XCTAssertEqual(styles.headers[.contentType], "application/json")
            let list = try JSONSerialization.jsonObject(with: Data(S.bytes(styles))) as? [String: Any]
            let names = (list?["styles"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            XCTAssertEqual(names, ["default", "letter", "print-mono", "slides", "slides-transparent"])
            let slides = (list?["styles"] as? [[String: Any]])?.first { $0["name"] as? String == "slides" }
            XCTAssertEqual(slides?["chartWidth"] as? Int, 1920)
            XCTAssertFalse((slides?["description"] as? String ?? "").isEmpty)

            let openapi = try await client.execute(uri: "/openapi.yaml", method: .get)
            XCTAssertEqual(openapi.status, .ok)
            XCTAssertTrue(String(buffer: openapi.body).hasPrefix("openapi: 3.1.0\n"))

            let metrics = try await client.execute(uri: "/metrics", method: .get)
            XCTAssertEqual(metrics.status, .ok)
            let text = String(buffer: metrics.body)
            XCTAssertTrue(text.contains("folio_http_requests_total{route=\"/healthz\",status=\"200\"} 1"), text)
            XCTAssertTrue(text.contains("folio_renders_in_flight"), text)
            XCTAssertTrue(text.contains("folio_render_duration_seconds_bucket{kind=\"briefing\""), text)
        }
    }

    func testBriefingPDFAndCountryBriefing() async throws {
        try await S.makeApp().test(.router) { client in
            let whole = try await client.execute(uri: "/v1/briefings?style=default", method: .post, headers: S.yamlHeaders,
                                                 body: S.buffer(S.sampleYAML))
            XCTAssertEqual(whole.status, .ok)
            XCTAssertEqual(whole.headers[.contentType], "application/pdf")
            XCTAssertTrue(S.isPDF(S.bytes(whole)))
            XCTAssertEqual(whole.headers[.contentDisposition], "inline; filename=\"briefing.pdf\"")

            let json = try await client.execute(uri: "/v1/briefings", method: .post,
                                                headers: [.contentType: "application/json; charset=utf-8"],
                                                body: S.buffer(S.sampleJSON))
            XCTAssertEqual(json.status, .ok)
            XCTAssertTrue(S.isPDF(S.bytes(json)))

            let country = try await client.execute(uri: "/v1/briefings?country=ethiopia&style=letter&date=2016-03-01",
                                                   method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(country.status, .ok)
            XCTAssertTrue(S.isPDF(S.bytes(country)))
            XCTAssertLessThan(country.body.readableBytes, whole.body.readableBytes)

            let unknown = try await client.execute(uri: "/v1/briefings?country=Atlantis", method: .post, headers: S.yamlHeaders,
                                                   body: S.buffer(S.sampleYAML))
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertEqual(S.problem(unknown)?.type, "urn:folio:problem:unknown-country")
        }
    }

    func testChartsInEveryFormatAndSize() async throws {
        try await S.makeApp().test(.router) { client in
            let png = try await client.execute(uri: "/v1/charts/targets?outcome=4&format=png&width=800&height=450&scale=2",
                                               method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(png.status, .ok)
            XCTAssertEqual(png.headers[.contentType], "image/png")
            let image = RasterImage(png: S.bytes(png))
            XCTAssertEqual(image?.width, 1600)
            XCTAssertEqual(image?.height, 900)

            let regions = try await client.execute(uri: "/v1/charts/regions", method: .post, headers: S.yamlHeaders,
                                                   body: S.buffer(S.sampleYAML))
            XCTAssertEqual(regions.status, .ok)
            XCTAssertEqual(RasterImage(png: S.bytes(regions))?.width, 1600)

            let svg = try await client.execute(uri: "/v1/charts/regions?format=svg&style=slides", method: .post,
                                               headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(svg.status, .ok)
            XCTAssertEqual(svg.headers[.contentType], "image/svg+xml")
            XCTAssertTrue(String(buffer: svg.body).contains("<svg"))
            XCTAssertTrue(String(buffer: svg.body).contains("width=\"1920\""))

            let pdf = try await client.execute(uri: "/v1/charts/overview?format=pdf&part=1", method: .post,
                                               headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(pdf.status, .ok)
            XCTAssertTrue(S.isPDF(S.bytes(pdf)))

            let overviewPNG = try await client.execute(uri: "/v1/charts/overview", method: .post, headers: S.jsonHeaders,
                                                       body: S.buffer(S.sampleJSON))
            XCTAssertEqual(overviewPNG.status, .ok)
            XCTAssertNotNil(RasterImage(png: S.bytes(overviewPNG)))
        }
    }

    /// Parameters each within the document's ranges that cannot be served together: 422, so that a
    /// client generated from the OpenAPI document can tell them from malformed requests (400).
    func testParametersThatDoNotGoTogetherAre422() async throws {
        let cases = [
            ("/v1/charts/targets?width=8000&height=8000", "too-many-pixels"),          // 64 MP
            ("/v1/charts/targets?width=5000&height=2250&scale=2", "too-many-pixels"),  // 45 MP after scale
            ("/v1/chart-set?scales=8&style=slides", "too-many-pixels"),
            ("/v1/charts/targets?part=2", "conflicting-parameters"),
            ("/v1/charts/overview?outcome=4", "conflicting-parameters"),
        ]
        try await S.makeApp().test(.router) { client in
            for (uri, type) in cases {
                let response = try await client.execute(uri: uri, method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
                XCTAssertEqual(response.status, .unprocessableContent, uri)
                XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:" + type, uri)
            }
        }
    }

    func testBadQueryParametersAre400() async throws {
        let cases = [
            "/v1/charts/targets?width=0",
            "/v1/charts/targets?scale=100",
            "/v1/charts/targets?scale=0",
            "/v1/charts/targets?format=gif",
            "/v1/charts/targets?widht=800",
            "/v1/charts/targets?width=800&width=900",
            "/v1/charts/overview?part=0",
            "/v1/charts/targets?style=../../etc/passwd",
            "/v1/charts/targets?style=%2Fetc%2Fpasswd",
            "/v1/briefings?style=Styles/default.yaml",
            "/v1/briefings?date=yesterday",
            "/v1/briefings?country=",
            "/v1/check?strict=maybe",
            "/v1/check?strict=1",
            "/v1/briefings?date=2016-02-30",
            "/v1/charts/targets?width=%ZZ",
        ]
        try await S.makeApp().test(.router) { client in
            for uri in cases {
                let response = try await client.execute(uri: uri, method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
                XCTAssertEqual(response.status, .badRequest, uri)
                XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:bad-parameter", uri)
            }
        }
    }

    func testUnknownThingsAre404() async throws {
        try await S.makeApp().test(.router) { client in
            for (uri, slug) in [("/v1/charts/pie", "unknown-chart"), ("/v1/charts/targets?outcome=99", "unknown-outcome"),
                                ("/v1/charts/targets?style=brand", "unknown-style"), ("/v1/briefings?style=nope", "unknown-style"),
                                ("/v1/charts/overview?part=99", "unknown-part"), ("/v1/nothing", "unknown-route"),
                                ("/v1/briefings?country=Narnia", "unknown-country")] {
                let response = try await client.execute(uri: uri, method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
                XCTAssertEqual(response.status, .notFound, uri)
                let problem = S.problem(response)
                XCTAssertEqual(problem?.type, "urn:folio:problem:\(slug)", uri)
                if slug == "unknown-style" { XCTAssertTrue(problem?.detail.contains("print-mono") ?? false) }
            }
            let get = try await client.execute(uri: "/nowhere", method: .get)
            XCTAssertEqual(get.status, .notFound)
            XCTAssertEqual(S.problem(get)?.instance, "/nowhere")
        }
    }

    func testMediaTypesAndSyntaxAndValidation() async throws {
        try await S.makeApp().test(.router) { client in
            // 415: no Content-Type, or one that is not JSON or YAML.
            for headers: HTTPFields in [[:], [.contentType: "text/csv"], [.contentType: "application/octet-stream"]] {
                let response = try await client.execute(uri: "/v1/briefings", method: .post, headers: headers, body: S.buffer(S.sampleYAML))
                XCTAssertEqual(response.status, .unsupportedMediaType)
                XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:unsupported-media-type")
                // Refused before the body was read: the connection closes rather than read the rest.
                XCTAssertEqual(response.headers[.connection], "close")
            }
            // 400: syntax, with where it is.
            let broken = try await client.execute(uri: "/v1/charts/targets", method: .post, headers: S.jsonHeaders,
                                                  body: S.buffer("{\"title\": \"x\",\n \"outcomes\": [}"))
            XCTAssertEqual(broken.status, .badRequest)
            let syntax = S.problem(broken)
            XCTAssertEqual(syntax?.type, "urn:folio:problem:bad-syntax")
            XCTAssertEqual(syntax?.errors?.first?.line, 2)
            let yaml = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.yamlHeaders,
                                                body: S.buffer("title: [unclosed\noutcomes: x\n"))
            XCTAssertEqual(yaml.status, .badRequest)
            // 422: parses but invalid, every error with line, column and path.
            let invalid = """
                title: Report
                outcomes:
                  - id: "1"
                    title: One
                    indicators:
                      - id: "1.1"
                        description: D
                        target: ten
                        countries:
                          Atlantis: [X]
                """
            let response = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.yamlHeaders, body: S.buffer(invalid))
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertNil(response.headers[.connection], "the body was read: the connection can stay open")
            let problem = S.problem(response)
            XCTAssertEqual(problem?.type, "urn:folio:problem:invalid-data")
            XCTAssertEqual(problem?.errors?.count, 2)
            let target = problem?.errors?.first { $0.path == "outcomes[0].indicators[0].target" }
            XCTAssertEqual(target?.line, 8)
            XCTAssertEqual(target?.column, 17)
            XCTAssertTrue(target?.message.contains("whole number") ?? false)
            // A top-level scalar parses: invalid data, not syntax.
            let scalar = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.jsonHeaders, body: S.buffer("\"hello\""))
            XCTAssertEqual(scalar.status, .unprocessableContent)
            // One top-level error with no field path is still the validator's: 422.
            let untitled = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.jsonHeaders,
                                                    body: S.buffer("{\"outcomes\": []}"))
            XCTAssertEqual(untitled.status, .unprocessableContent)
            // An empty body is unreadable.
            let empty = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.jsonHeaders, body: S.buffer(""))
            XCTAssertEqual(empty.status, .badRequest)
        }
    }

    func testHostileBodiesAre4xxAndTheServerKeepsServing() async throws {
        try await S.makeApp().test(.router) { client in
            let bodies: [(HTTPFields, ByteBuffer, HTTPResponse.Status)] = [
                (S.yamlHeaders, S.buffer(S.aliasBomb), .badRequest),
                (S.yamlHeaders, S.buffer(S.binaryJunk(count: 100_000)), .badRequest),
                (S.jsonHeaders, S.buffer(S.binaryJunk(count: 5000, seed: 7)), .badRequest),
                (S.jsonHeaders, S.buffer(String(repeating: "[", count: 100_000)), .badRequest),
                (S.yamlHeaders, S.buffer(String(repeating: "- ", count: 50_000)), .badRequest),
                (S.yamlHeaders, S.buffer([0xFF, 0xFE, 0x41, 0x00]), .badRequest),
            ]
            for (index, (headers, body, status)) in bodies.enumerated() {
                let response = try await client.execute(uri: "/v1/charts/targets", method: .post, headers: headers, body: body)
                XCTAssertEqual(response.status, status, "body \(index)")
                XCTAssertNotNil(S.problem(response), "body \(index)")
                let check = try await client.execute(uri: "/v1/check", method: .post, headers: headers, body: body)
                XCTAssertEqual(check.status, .ok, "check of body \(index)")
            }
            let good = try await client.execute(uri: "/v1/charts/targets", method: .post, headers: S.yamlHeaders,
                                                body: S.buffer(S.sampleYAML))
            XCTAssertEqual(good.status, .ok)
            XCTAssertTrue(S.isPNG(S.bytes(good)))
        }
    }

    func testCheckReportNamesThePeriods() async throws {
        let yaml = """
            title: T
            period: "2020–21"
            outcomes:
              - id: "1"
                title: One
                indicators:
                  - id: "1.1"
                    description: d
                    baseline: {year: 2017, value: 1}
                    periods:
                      - {period: "2018–19", target: 2, result: 1}
                      - {period: "2020–21", target: 3, result: 3}
                      - {period: "2022–23", target: 4}
                  - {id: "1.2", description: e, target: 1}

            """
        try await S.makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/check", method: .post, headers: S.yamlHeaders, body: S.buffer(yaml))
            let report = try JSONSerialization.jsonObject(with: Data(S.bytes(response))) as? [String: Any]
            let summary = report?["summary"] as? [String: Any]
            XCTAssertEqual(summary?["periods"] as? [String], ["2018–19", "2020–21", "2022–23"])
            XCTAssertEqual(summary?["currentPeriod"] as? String, "2020–21")
            XCTAssertEqual(summary?["indicatorsOverTime"] as? Int, 1)
        }
    }

    func testCheckReport() async throws {
        try await S.makeApp().test(.router) { client in
            let ok = try await client.execute(uri: "/v1/check", method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(ok.status, .ok)
            XCTAssertEqual(ok.headers[.contentType], "application/json")
            let report = try JSONSerialization.jsonObject(with: Data(S.bytes(ok))) as? [String: Any]
            XCTAssertEqual(report?["valid"] as? Bool, true)
            XCTAssertEqual((report?["summary"] as? [String: Any])?["outcomes"] as? Int, 1)

            let withWarning = "title: T\noutcomes:\n  - id: \"1\"\n    title: One\n    colour: red\n"
            let lenient = try await client.execute(uri: "/v1/check", method: .post, headers: S.yamlHeaders, body: S.buffer(withWarning))
            let lenientReport = try JSONSerialization.jsonObject(with: Data(S.bytes(lenient))) as? [String: Any]
            XCTAssertEqual(lenientReport?["valid"] as? Bool, true)
            let warnings = lenientReport?["warnings"] as? [[String: Any]]
            XCTAssertEqual(warnings?.first?["line"] as? Int, 5)
            XCTAssertEqual(warnings?.first?["column"] as? Int, 5)
            XCTAssertEqual(warnings?.first?["path"] as? String, "outcomes[0]")
            let strict = try await client.execute(uri: "/v1/check?strict=true", method: .post, headers: S.yamlHeaders,
                                                  body: S.buffer(withWarning))
            let strictReport = try JSONSerialization.jsonObject(with: Data(S.bytes(strict))) as? [String: Any]
            XCTAssertEqual(strictReport?["valid"] as? Bool, false)

            let bad = try await client.execute(uri: "/v1/check", method: .post, headers: S.yamlHeaders,
                                               body: S.buffer("title: T\noutcomes: []\n"))
            let badReport = try JSONSerialization.jsonObject(with: Data(S.bytes(bad))) as? [String: Any]
            XCTAssertEqual(badReport?["valid"] as? Bool, false)
            XCTAssertEqual(badReport?["syntaxError"] as? Bool, false)
            XCTAssertEqual((badReport?["errors"] as? [[String: Any]])?.first?["path"] as? String, "outcomes")
        }
    }

    func testBodyLimitIs413() async throws {
        let app = try S.makeApp(S.configuration { $0.maxBodyBytes = 64 << 10 })
        try await app.test(.router) { client in
            let big = S.buffer(String(repeating: "# padding\n", count: 10_000))
            let response = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.yamlHeaders, body: big)
            XCTAssertEqual(response.status, .contentTooLarge)
            XCTAssertEqual(response.headers[.connection], "close")
            XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:body-too-large")
            let check = try await client.execute(uri: "/v1/check", method: .post, headers: S.yamlHeaders, body: big)
            XCTAssertEqual(check.status, .contentTooLarge)
        }
    }

    func testETagAnd304AndCache() async throws {
        try await S.makeApp().test(.router) { client in
            let uri = "/v1/charts/targets?width=640&height=360"
            let first = try await client.execute(uri: uri, method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(first.status, .ok)
            XCTAssertEqual(first.headers[.folioCache], "miss")
            let etag = try XCTUnwrap(first.headers[.eTag])
            XCTAssertTrue(etag.hasPrefix("\"") && etag.count == 66, etag)

            let second = try await client.execute(uri: uri, method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(second.headers[.folioCache], "hit")
            XCTAssertEqual(second.headers[.eTag], etag)
            XCTAssertEqual(second.body, first.body)

            var conditional = S.yamlHeaders
            conditional[.ifNoneMatch] = "\"other\", \(etag)"
            let notModified = try await client.execute(uri: uri, method: .post, headers: conditional, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(notModified.status, .notModified)
            XCTAssertEqual(notModified.headers[.eTag], etag)
            XCTAssertEqual(notModified.body.readableBytes, 0)

            // Any change to parameters, style or body changes the ETag.
            var etags: Set<String> = [etag]
            for other in ["/v1/charts/targets?width=640&height=361", "/v1/charts/targets?width=640&height=360&style=letter",
                          "/v1/charts/regions?width=640&height=360", "/v1/charts/targets?width=640&height=360&format=svg"] {
                let response = try await client.execute(uri: other, method: .post, headers: conditional, body: S.buffer(S.sampleYAML))
                XCTAssertEqual(response.status, .ok, other)
                etags.insert(response.headers[.eTag] ?? "")
            }
            var changed = S.sampleYAML
            changed.append(contentsOf: Array("\n# comment\n".utf8))
            let otherBody = try await client.execute(uri: uri, method: .post, headers: conditional, body: S.buffer(changed))
            XCTAssertEqual(otherBody.status, .ok)
            etags.insert(otherBody.headers[.eTag] ?? "")
            XCTAssertEqual(etags.count, 6)

            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            XCTAssertTrue(metrics.contains("folio_cache_hits_total 1"), metrics)
            XCTAssertTrue(metrics.contains("folio_not_modified_total 1"), metrics)
        }
    }

    func testSameRequestGivesSameBytesWithoutCache() async throws {
        let app = try S.makeApp(S.configuration { $0.cacheBytes = 0 })
        try await app.test(.router) { client in
            var bodies: [ByteBuffer] = []
            var etags: [String?] = []
            for _ in 0..<2 {
                let response = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.yamlHeaders,
                                                        body: S.buffer(S.sampleYAML))
                XCTAssertEqual(response.headers[.folioCache], "off")
                bodies.append(response.body)
                etags.append(response.headers[.eTag])
            }
            XCTAssertEqual(bodies[0], bodies[1], "a strong ETag needs byte-identical output")
            XCTAssertEqual(etags[0], etags[1])
        }
    }

    func testTokenIsRequiredOnV1Only() async throws {
        let app = try S.makeApp(S.configuration { $0.token = "s3cret-token" })
        try await app.test(.router) { client in
            let missing = try await client.execute(uri: "/v1/styles", method: .get)
            XCTAssertEqual(missing.status, .unauthorized)
            XCTAssertEqual(missing.headers[.wwwAuthenticate], "Bearer realm=\"folio\"")
            XCTAssertEqual(S.problem(missing)?.type, "urn:folio:problem:unauthorized")
            let wrong = try await client.execute(uri: "/v1/briefings", method: .post,
                                                 headers: [.authorization: "Bearer s3cret-tokem", .contentType: "application/yaml"],
                                                 body: S.buffer(S.sampleYAML))
            XCTAssertEqual(wrong.status, .unauthorized)
            let basic = try await client.execute(uri: "/v1/styles", method: .get, headers: [.authorization: "Basic czNjcmV0"])
            XCTAssertEqual(basic.status, .unauthorized)
            let right = try await client.execute(uri: "/v1/styles", method: .get, headers: [.authorization: "Bearer s3cret-token"])
            XCTAssertEqual(right.status, .ok)
            for open in ["/healthz", "/metrics", "/openapi.yaml"] {
                let response = try await client.execute(uri: open, method: .get)
                XCTAssertEqual(response.status, .ok, open)
            }
        }
    }

    func testPageLimitIs422() async throws {
        let app = try S.makeApp(S.configuration { $0.maxPages = 2 })
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.yamlHeaders,
                                                    body: S.buffer(S.sampleYAML))
            XCTAssertEqual(response.status, .unprocessableContent)
            XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:too-many-pages")
        }
    }

    func testRenderTimeoutIs503() async throws {
        let app = try S.makeApp(S.configuration { $0.renderTimeout = .milliseconds(1); $0.workers = 1 })
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.jsonHeaders,
                                                    body: S.buffer(S.bigReportJSON(outcomes: 3)))
            XCTAssertEqual(response.status, .serviceUnavailable)
            XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:render-timeout")
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            XCTAssertTrue(metrics.contains("folio_render_timeouts_total 1"), metrics)
        }
    }

    func testFullQueueIs503WithRetryAfter() async throws {
        let app = try S.makeApp(S.configuration { $0.workers = 1; $0.queueLength = 0; $0.cacheBytes = 0 })
        try await app.test(.router) { client in
            try await S.waitUntilReady(client)
            let big = S.buffer(S.bigReportJSON(outcomes: 4))
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let response = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.jsonHeaders, body: big)
                        return (response.status, response.headers[.retryAfter])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertTrue(statuses.contains { $0.0 == .ok })
            let refused = statuses.filter { $0.0 == .serviceUnavailable }
            XCTAssertFalse(refused.isEmpty, "\(statuses)")
            for (_, retryAfter) in refused {
                XCTAssertNotNil(retryAfter.flatMap { Int($0) })
            }
        }
    }
}
