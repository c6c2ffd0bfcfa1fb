import AsyncHTTPClient
import FolioRender
@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import XCTest

/// The server over a real socket on loopback, with a real HTTP client (async-http-client) and,
/// where a client library would not misbehave enough, a raw TCP socket.
final class LiveServerTests: XCTestCase {
    typealias S = ServiceTestSupport

    /// Runs `body` against a live server on a free loopback port, with an HTTP client.
    func withLiveServer(_ configuration: ServiceConfiguration = S.configuration(),
                        _ body: @escaping @Sendable (HTTPClient, String, Int) async throws -> Void) async throws {
        let app = try S.makeApp(configuration)
        try await app.test(.live) { client in
            let port = try XCTUnwrap(client.port)
            let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
                timeout: .init(connect: .seconds(5), read: .seconds(120)),
                connectionPool: .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)))
            do {
                try await body(http, "http://127.0.0.1:\(port)", port)
            } catch {
                try await http.shutdown()
                throw error
            }
            try await http.shutdown()
        }
    }

    struct Answer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    static func send(_ http: HTTPClient, _ url: String, method: HTTPMethod = .POST, contentType: String? = "application/yaml",
                     headers extra: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await http.execute(request, timeout: .seconds(180))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Array(bytes.readableBytesView))
    }

    func test64ConcurrentChartAndBriefingRequests() async throws {
        let configuration = S.configuration { $0.renderTimeout = .seconds(300); $0.queueLength = 64 }
        try await withLiveServer(configuration) { http, base, _ in
            let sample = S.sampleYAML
            let answers = try await withThrowingTaskGroup(of: (Int, Answer).self) { group in
                for index in 0..<64 {
                    group.addTask {
                        // Distinct parameters: every request is a real render, not a cache hit.
                        let url: String
                        switch index % 4 {
                        case 0: url = "\(base)/v1/briefings?date=2016-03-\(String(format: "%02d", index / 4 % 28 + 1))T0\(index % 10):00:00Z"
                        case 1: url = "\(base)/v1/charts/targets?width=\(400 + index)&height=225"
                        case 2: url = "\(base)/v1/charts/regions?width=\(400 + index)&height=225&scale=1.5"
                        default: url = "\(base)/v1/charts/overview?width=\(480 + index)&height=270"
                        }
                        return (index, try await Self.send(http, url, body: sample))
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            XCTAssertEqual(answers.count, 64)
            for (index, answer) in answers.sorted(by: { $0.key < $1.key }) {
                XCTAssertEqual(answer.status, 200, "request \(index): \(String(decoding: answer.body.prefix(300), as: UTF8.self))")
                if index % 4 == 0 {
                    XCTAssertEqual(answer.headers.first(name: "Content-Type"), "application/pdf")
                    XCTAssertTrue(S.isPDF(answer.body), "request \(index)")
                } else {
                    XCTAssertTrue(S.isPNG(answer.body), "request \(index)")
                    let image = RasterImage(png: answer.body)
                    let expectedWidth = index % 4 == 1 ? 400 + index : index % 4 == 2 ? Int((Double(400 + index) * 1.5).rounded(.up)) : 480 + index
                    XCTAssertEqual(image?.width, expectedWidth, "request \(index)")
                }
            }
            let metrics = try await Self.send(http, "\(base)/metrics", method: .GET, contentType: nil)
            let text = String(decoding: metrics.body, as: UTF8.self)
            XCTAssertTrue(text.contains("folio_http_requests_total{route=\"/v1/briefings\",status=\"200\"} 16"), text)
            XCTAssertTrue(text.contains("folio_renders_in_flight 0.0"), text)
            XCTAssertTrue(text.contains("folio_renders_queued 0.0"), text)
        }
    }

    func testOversizedBodyIs413WithoutReadingIt() async throws {
        try await withLiveServer(S.configuration { $0.drainTimeout = .seconds(2) }) { http, base, port in
            // Announce 100 MiB, send 64 KiB, and wait: the answer comes without the rest (a server
            // waiting for the body would let the 30 s socket timeout pass with nothing received).
            let socket = try RawSocket(port: port, timeout: 30)
            try socket.send("POST /v1/briefings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                            + "Content-Length: \(100 << 20)\r\n\r\n")
            try socket.send([UInt8](repeating: 0x23, count: 64 << 10))
            let answer = socket.receive(until: "\r\n\r\n")
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 413"), answer)
            XCTAssertTrue(answer.lowercased().contains("connection: close"), answer)
            // The server then closes the connection (after its drain time) rather than read 100 MiB.
            XCTAssertTrue(socket.waitForClose())

            // With Expect: 100-continue the server refuses before any body is sent.
            let expecting = try RawSocket(port: port, timeout: 10)
            try expecting.send("POST /v1/charts/targets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                               + "Expect: 100-continue\r\nContent-Length: \(100 << 20)\r\n\r\n")
            let refusal = expecting.receive(until: "\r\n\r\n")
            XCTAssertTrue(refusal.hasPrefix("HTTP/1.1 413"), refusal)

            // A chunked body (no length) is refused once it passes the limit.
            let chunked = try RawSocket(port: port, timeout: 10)
            try chunked.send("POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                             + "Transfer-Encoding: chunked\r\n\r\n")
            let chunk = [UInt8](repeating: 0x23, count: 256 << 10)
            var refused = ""
            for _ in 0..<24 {  // up to 6 MiB, past the 4 MiB limit
                do {
                    try chunked.send(Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10])
                } catch {
                    break  // the server answered and closed
                }
            }
            refused = chunked.receive(until: "\r\n\r\n")
            XCTAssertTrue(refused.hasPrefix("HTTP/1.1 413"), refused)

            // A body within the limit, sent after 100 Continue, is served.
            let polite = try RawSocket(port: port, timeout: 30)
            let body = S.sampleYAML
            try polite.send("POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                            + "Expect: 100-continue\r\nContent-Length: \(body.count)\r\n\r\n")
            XCTAssertTrue(polite.receive(until: "\r\n\r\n").hasPrefix("HTTP/1.1 100 Continue"))
            try polite.send(body)
            let served = polite.receive(until: "\"valid\"")
            XCTAssertTrue(served.hasPrefix("HTTP/1.1 200"), served)

            // And the server keeps serving.
            let good = try await Self.send(http, "\(base)/v1/charts/targets?width=320&height=180", body: S.sampleYAML)
            XCTAssertEqual(good.status, 200)
        }
    }

    func testHostileBodiesGet4xxAndServingContinues() async throws {
        try await withLiveServer { http, base, port in
            let hostile: [(String, [UInt8], Int)] = [
                ("application/json", Array("{\"title\": \"x\", \"outcomes\": [".utf8), 400),
                ("application/json", S.binaryJunk(count: 200_000), 400),
                ("application/yaml", S.binaryJunk(count: 200_000, seed: 9), 400),
                ("application/yaml", Array(S.aliasBomb.utf8), 400),
                ("application/yaml", Array(String(repeating: "[", count: 200_000).utf8), 400),
                ("application/yaml", Array("title: T\noutcomes: [{id: 1}]\n".utf8), 422),
                ("application/octet-stream", S.binaryJunk(count: 1000), 415),
                ("text/plain", Array("hello".utf8), 415),
            ]
            for (index, (type, body, status)) in hostile.enumerated() {
                for route in ["/v1/briefings", "/v1/charts/regions?format=svg"] {
                    let answer = try await Self.send(http, base + route, contentType: type, body: body)
                    XCTAssertEqual(answer.status, status, "body \(index) to \(route)")
                    XCTAssertEqual(answer.headers.first(name: "Content-Type"), "application/problem+json")
                }
            }
            // A request line the parser rejects, and a connection dropped mid-body.
            let garbage = try RawSocket(port: port)
            try garbage.send("\u{1}\u{2}GARBAGE / HTTP/9.9\r\n\r\n")
            XCTAssertTrue(garbage.receive(until: "\r\n\r\n").hasPrefix("HTTP/1.1 400"))
            let dropped = try RawSocket(port: port)
            try dropped.send("POST /v1/briefings HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 5000\r\n\r\ntitle: ")
            _ = dropped  // closed when released
            let good = try await Self.send(http, "\(base)/v1/briefings", body: S.sampleYAML)
            XCTAssertEqual(good.status, 200)
            XCTAssertTrue(S.isPDF(good.body))
            let health = try await Self.send(http, "\(base)/healthz", method: .GET, contentType: nil)
            XCTAssertEqual(health.status, 200)
        }
    }

    func testETagAnd304OverTheWire() async throws {
        try await withLiveServer { http, base, _ in
            let url = "\(base)/v1/charts/regions?format=pdf&width=640&height=360"
            let first = try await Self.send(http, url, body: S.sampleYAML)
            XCTAssertEqual(first.status, 200)
            XCTAssertTrue(S.isPDF(first.body))
            let etag = try XCTUnwrap(first.headers.first(name: "ETag"))
            let again = try await Self.send(http, url, headers: [("If-None-Match", etag)], body: S.sampleYAML)
            XCTAssertEqual(again.status, 304)
            XCTAssertTrue(again.body.isEmpty)
            XCTAssertEqual(again.headers.first(name: "ETag"), etag)
            let cached = try await Self.send(http, url, body: S.sampleYAML)
            XCTAssertEqual(cached.headers.first(name: "X-Folio-Cache"), "hit")
            XCTAssertEqual(cached.body, first.body)
        }
    }

    func testTokenOverTheWire() async throws {
        let project = try ProjectRoutesTests.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        try await withLiveServer(S.configuration { $0.token = "abc123"; $0.project = project }) { http, base, port in
            // Request targets the router still matches to /v1/ routes must not slip past the token.
            for target in ["//v1/outputs", "GET ///v1/outputs", "POST //v1/rebuild", "POST //v1/check", "GET /v1//outputs",
                           "GET /V1/outputs", "GET /nothing-here"] {
                let parts = target.split(separator: " ")
                let (method, path) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("GET", target)
                let socket = try RawSocket(port: port, timeout: 10)
                try socket.send("\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                                + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                let answer = socket.receive(until: "\r\n\r\n")
                XCTAssertTrue(answer.hasPrefix("HTTP/1.1 401"), "\(target): \(answer.prefix(60))")
            }
            let denied = try await Self.send(http, "\(base)/v1/charts/targets", body: S.sampleYAML)
            XCTAssertEqual(denied.status, 401)
            XCTAssertEqual(denied.headers.first(name: "WWW-Authenticate"), "Bearer realm=\"folio\"")
            let allowed = try await Self.send(http, "\(base)/v1/charts/targets?width=320&height=180",
                                              headers: [("Authorization", "Bearer abc123")], body: S.sampleYAML)
            XCTAssertEqual(allowed.status, 200)
            let ready = try await Self.send(http, "\(base)/healthz", method: .GET, contentType: nil)
            XCTAssertEqual(ready.status, 200)
        }
    }
}
