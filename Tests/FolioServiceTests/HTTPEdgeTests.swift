@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// HTTP at its edges, over a real socket: what a hostile or old client sends that a client library
/// would not (framing, Host, HTTP/1.0, trickled bodies), and a body over the limit as Python's
/// urllib sends it (all of it before reading the answer).
final class HTTPEdgeTests: XCTestCase {
    typealias S = ServiceTestSupport

    /// Runs `body` with the port of a live server.
    func withServer(_ configuration: ServiceConfiguration = S.configuration(),
                    _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await S.makeApp(configuration).test(.live) { client in
            try await body(try XCTUnwrap(client.port))
        }
    }

    /// Sends `request` on a fresh connection and reads until the server closes it (or 10 s pass).
    static func exchange(_ port: Int, _ request: String, timeout: TimeInterval = 10) throws -> (text: String, closed: Bool) {
        let socket = try RawSocket(port: port, timeout: timeout)
        try socket.send(request)
        return socket.receiveUntilClose()
    }

    /// The standard output of a command, waited for on a thread of its own: blocking one of the
    /// few cooperative threads would starve the in-process server's request tasks.
    static func output(of arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = arguments
                let output = Pipe()
                process.standardOutput = output
                do { try process.run() } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                continuation.resume(returning: text)
            }.start()
        }
    }

    static func problemType(_ response: String) -> String? {
        guard let start = response.range(of: "urn:folio:problem:") else { return nil }
        return String(response[start.upperBound...].prefix { $0.isLetter || $0 == "-" })
    }

    func testBodyOverTheLimitIsDrainedSoUrllibReceivesThe413() async throws {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "--version"]
        try python.run()
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0, "python3 is needed for this test (Scripts/setup.sh installs it)")

        // A generous drain time: a debug build on a busy machine reads the body slowly.
        try await withServer(S.configuration { $0.maxBodyBytes = 64 << 10; $0.drainTimeout = .seconds(120) }) { port in
            // 16 MiB, more than the kernel's socket buffers hold, sent whole before the answer is
            // read, as urllib and requests do: closing at once would reset the connection mid-send.
            let script = """
                import sys, urllib.request, urllib.error, json
                body = b"# padding\\n" * (16 * 1024 * 1024 // 10)
                request = urllib.request.Request("http://127.0.0.1:\(port)/v1/check", data=body,
                                                 headers={"Content-Type": "application/yaml"})
                try:
                    urllib.request.urlopen(request, timeout=150)
                    print("no error")
                except urllib.error.HTTPError as error:
                    print(error.code, json.loads(error.read())["type"])
                except Exception as error:
                    print("failed:", type(error).__name__, error)
                """
            let text = try await Self.output(of: ["python3", "-c", script])
            XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines), "413 urn:folio:problem:body-too-large")
        }
    }

    func testBodyFarOverTheDrainBoundIsClosedAfterTheAnswer() async throws {
        let configuration = S.configuration { $0.maxBodyBytes = 64 << 10; $0.drainBytes = 256 << 10; $0.drainTimeout = .seconds(2) }
        try await withServer(configuration) { port in
            // Announce 100 MiB and send a little: the 413 comes at once, and the connection closes
            // (at the drain bound) rather than wait for 100 MiB.
            let socket = try RawSocket(port: port, timeout: 30)
            try socket.send("POST /v1/briefings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                            + "Content-Length: \(100 << 20)\r\n\r\n")
            try socket.send([UInt8](repeating: 0x23, count: 64 << 10))
            let answer = socket.receive(until: "\r\n\r\n")
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 413"), answer)
            XCTAssertTrue(answer.lowercased().contains("connection: close"), answer)
            XCTAssertTrue(socket.waitForClose(), "the server kept the connection open past the drain bound")
        }
    }

    func testTransferCodingsOtherThanChunkedAndBadChunksAreRefused() async throws {
        try await withServer { port in
            let head = "POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
            for coding in ["xchunked", "gzip, chunked", "chunked, gzip"] {
                let (text, closed) = try Self.exchange(port, head + "Transfer-Encoding: \(coding)\r\n\r\n5\r\ntitle\r\n0\r\n\r\n")
                XCTAssertTrue(text.hasPrefix("HTTP/1.1 501") || text.hasPrefix("HTTP/1.1 400"), "\(coding): \(text.prefix(80))")
                XCTAssertTrue(closed, coding)
            }
            let gzip = try Self.exchange(port, head + "Transfer-Encoding: gzip, chunked\r\n\r\n5\r\ntitle\r\n0\r\n\r\n")
            XCTAssertTrue(gzip.text.hasPrefix("HTTP/1.1 501"), gzip.text)
            XCTAssertEqual(Self.problemType(gzip.text), "unsupported-transfer-coding")

            let badChunk = try Self.exchange(port, head + "Transfer-Encoding: chunked\r\n\r\n5\r\ntitle\r\nzz\r\nmore\r\n0\r\n\r\n")
            XCTAssertTrue(badChunk.text.hasPrefix("HTTP/1.1 400"), badChunk.text)
            XCTAssertEqual(badChunk.text.components(separatedBy: "HTTP/1.1 ").count - 1, 1, "one answer only: \(badChunk.text)")
            XCTAssertTrue(badChunk.closed)

            let encoded = try Self.exchange(port, head + "Content-Encoding: gzip\r\nContent-Length: 5\r\nConnection: close\r\n\r\ntitle")
            XCTAssertTrue(encoded.text.hasPrefix("HTTP/1.1 415"), encoded.text)
        }
    }

    func testHostMustBeGivenOnce() async throws {
        try await withServer { port in
            for (name, headers) in [("missing", ""), ("repeated", "Host: a\r\nHost: b\r\n")] {
                let (text, closed) = try Self.exchange(port, "GET /healthz HTTP/1.1\r\n\(headers)\r\n")
                XCTAssertTrue(text.hasPrefix("HTTP/1.1 400"), "\(name): \(text.prefix(80))")
                XCTAssertEqual(Self.problemType(text), "bad-host", name)
                XCTAssertTrue(closed, name)
            }
            // HTTP/1.0 may leave Host out.
            let old = try Self.exchange(port, "GET /healthz HTTP/1.0\r\n\r\n")
            XCTAssertTrue(old.text.hasPrefix("HTTP/1.1 200"), old.text)
        }
    }

    func testHTTP10WithoutKeepAliveIsClosedAfterTheAnswer() async throws {
        try await withServer { port in
            // Without the fix the server keeps the connection for its 60 s idle time: the 10 s read
            // timeout passes first and `closed` is false.
            let (text, closed) = try Self.exchange(port, "GET /healthz HTTP/1.0\r\n\r\n")
            XCTAssertTrue(text.hasPrefix("HTTP/1.1 200"), text)
            XCTAssertTrue(text.lowercased().contains("connection: close"), text)
            XCTAssertTrue(closed, "the connection stayed open")
        }
    }

    func testHEADIsGETWithoutTheBodyOverTheWire() async throws {
        try await withServer { port in
            let (text, _) = try Self.exchange(port, "HEAD /openapi.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            XCTAssertTrue(text.hasPrefix("HTTP/1.1 200"), text)
            let parts = text.components(separatedBy: "\r\n\r\n")
            XCTAssertTrue(parts[0].lowercased().contains("content-length: \(OpenAPIDocument.bytes.count)"), parts[0])
            XCTAssertEqual(parts.dropFirst().joined(), "", "HEAD sent a body")
        }
    }

    func testATrickledBodyIsAnswered408() async throws {
        try await withServer(S.configuration { $0.requestReadTimeout = .seconds(1) }) { port in
            let socket = try RawSocket(port: port, timeout: 30)
            try socket.send("POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 1000\r\n\r\n")
            // One byte every 100 ms, until the server answers and closes (it must, long before the
            // 1000 bytes, which would take 100 s).
            let trickle = Thread {
                for _ in 0..<1000 {
                    do { try socket.send("#") } catch { return }
                    Thread.sleep(forTimeInterval: 0.1)
                }
            }
            trickle.start()
            let answer = socket.receive(until: "\r\n\r\n")
            XCTAssertTrue(answer.hasPrefix("HTTP/1.1 408"), answer)
            XCTAssertTrue(socket.waitForClose(), "the connection stayed open after the 408")
            let rest = socket.receiveUntilClose().text
            XCTAssertNil(rest.range(of: "HTTP/1.1 "), "a second answer: \(rest)")
        }
    }
}
