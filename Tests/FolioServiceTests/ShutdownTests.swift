import AsyncHTTPClient
import Foundation
import NIOCore
import XCTest

/// `folio serve` as a real process: SIGTERM while a render runs lets it finish, then exits 0.
final class ShutdownTests: XCTestCase {
    typealias S = ServiceTestSupport

    /// The `folio` binary: `FOLIO_BINARY`, else the one built beside this test bundle, else
    /// `.build/debug/folio` (as the render tests find it).
    static func folioBinary() -> URL? {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["FOLIO_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        if let bundle = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("folio"))
        }
        candidates.append(S.folio)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A running `folio serve` with its port, read from the line it prints once listening.
    final class ServerProcess: @unchecked Sendable {
        let process = Process()
        private let output = Pipe()
        private(set) var port = 0
        private(set) var log = ""

        init(binary: URL, arguments: [String]) throws {
            process.executableURL = binary
            process.arguments = ["serve", "--port", "0"] + arguments
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let handle = output.fileHandleForReading
            let deadline = Date().addingTimeInterval(60)
            while port == 0, Date() < deadline {
                let data = handle.availableData
                if data.isEmpty { break }
                log += String(decoding: data, as: UTF8.self)
                if let range = log.range(of: "listening on http://127.0.0.1:") {
                    port = Int(log[range.upperBound...].prefix { $0.isNumber }) ?? 0
                }
            }
        }

        func waitForExit(timeout: TimeInterval) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return process.isRunning ? nil : process.terminationStatus
        }
    }

    func testSIGTERMDuringARenderLetsItFinishAndExitsZero() async throws {
        let binary = try XCTUnwrap(Self.folioBinary(), "no folio binary: build it first (swift build --product folio) or set FOLIO_BINARY")
        let help = Process()
        help.executableURL = binary
        help.arguments = ["serve", "--help"]
        help.standardOutput = FileHandle.nullDevice
        help.standardError = FileHandle.nullDevice
        try help.run()
        help.waitUntilExit()
        XCTAssertEqual(help.terminationStatus, 0, "\(binary.path) serve --help failed")

        let server = try ServerProcess(binary: binary, arguments: ["--workers", "1", "--log-format", "text", "--render-timeout", "300"])
        defer { if server.process.isRunning { server.process.terminate() } }
        XCTAssertNotEqual(server.port, 0, "no 'listening' line: \(server.log)")
        let base = "http://127.0.0.1:\(server.port)"
        let http = HTTPClient(eventLoopGroupProvider: .singleton,
                              configuration: .init(timeout: .init(connect: .seconds(5), read: .seconds(300))))
        do {
            // A long briefing, so SIGTERM surely arrives mid-render.
            let body = S.bigReportJSON(outcomes: 40)
            let render = Task { () -> (Int, String?, [UInt8]) in
                var request = HTTPClientRequest(url: "\(base)/v1/briefings")
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
                let response = try await http.execute(request, timeout: .seconds(300))
                let bytes = try await response.body.collect(upTo: 256 << 20)
                return (Int(response.status.code), response.headers.first(name: "Content-Length"), Array(bytes.readableBytesView))
            }
            // Wait until the render is on a worker thread.
            var running = false
            for _ in 0..<1000 where !running {
                try await Task.sleep(for: .milliseconds(20))
                var metrics = HTTPClientRequest(url: "\(base)/metrics")
                metrics.headers.add(name: "Connection", value: "close")
                let response = try await http.execute(metrics, timeout: .seconds(10))
                let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
                running = text.contains("folio_renders_in_flight 1.0")
            }
            XCTAssertTrue(running, "the render never started")
            XCTAssertEqual(kill(server.process.processIdentifier, SIGTERM), 0)
            XCTAssertTrue(server.process.isRunning, "the server must wait for the render")

            let (status, length, pdf) = try await render.value
            XCTAssertEqual(status, 200)
            XCTAssertEqual(length, String(pdf.count))
            XCTAssertTrue(S.isPDF(pdf), "the PDF is incomplete")
            XCTAssertEqual(server.waitForExit(timeout: 30), 0)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }
}
