import FolioModel
import FolioRender
@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import XCTest

/// Paths, sample data and helpers shared by the service tests.
enum ServiceTestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sampleURL = packageRoot.appendingPathComponent("Assets/samples/outcome4.yaml")
    /// The `folio` binary of the debug build (as the render tests find it).
    static let folio = packageRoot.appendingPathComponent(".build/debug/folio")

    static let sampleYAML: [UInt8] = Array(try! Data(contentsOf: sampleURL))

    /// The sample as JSON (written by Folio's own writer from the loaded sample).
    static let sampleJSON: [UInt8] = {
        let result = ReportLoader.check(data: Data(sampleYAML), fileName: "outcome4.yaml", format: .yaml)
        return Array(ReportJSONWriter.json(result.report!).utf8)
    }()

    static let yamlHeaders: HTTPFields = [.contentType: "application/yaml"]
    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    static var quietLogger: Logger {
        var logger = Logger(label: "folio.test")
        logger.logLevel = ProcessInfo.processInfo.environment["FOLIO_TEST_LOGS"] == nil ? .critical : .info
        return logger
    }

    static func configuration(_ change: (inout ServiceConfiguration) -> Void = { _ in }) -> ServiceConfiguration {
        var configuration = ServiceConfiguration()
        configuration.port = 0
        configuration.workers = 2
        configuration.fixedDocumentDate = Date(timeIntervalSince1970: 1_456_790_400)  // 2016-03-01
        change(&configuration)
        return configuration
    }

    static func makeApp(_ configuration: ServiceConfiguration = configuration()) throws -> some ApplicationProtocol {
        try FolioServer.makeApplication(configuration: configuration, logger: quietLogger)
    }

    /// Polls /readyz until every render worker has its renderer.
    static func waitUntilReady(_ client: any TestClientProtocol) async throws {
        for _ in 0..<500 {
            if try await client.execute(uri: "/readyz", method: .get).status == .ok { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTFail("the server never became ready")
    }

    static func buffer(_ bytes: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: bytes) }

    /// The sample posted as YAML to `uri`.
    static func postSample(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: yamlHeaders, body: buffer(sampleYAML))
    }
    static func buffer(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    static func bytes(_ response: TestResponse) -> [UInt8] { Array(response.body.readableBytesView) }

    struct Problem: Decodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var instance: String?
        var errors: [DiagnosticJSON]?
        var warnings: [DiagnosticJSON]?
    }

    /// Decodes an application/problem+json body, failing the test if it is not one.
    static func problem(_ response: TestResponse, file: StaticString = #filePath, line: UInt = #line) -> Problem? {
        XCTAssertEqual(response.headers[.contentType], "application/problem+json", file: file, line: line)
        do {
            let problem = try JSONDecoder().decode(Problem.self, from: Data(bytes(response)))
            XCTAssertEqual(problem.status, Int(response.status.code), file: file, line: line)
            XCTAssertTrue(problem.type.hasPrefix("urn:folio:problem:"), file: file, line: line)
            return problem
        } catch {
            XCTFail("not a problem document: \(error): \(String(decoding: bytes(response), as: UTF8.self))", file: file, line: line)
            return nil
        }
    }

    static func isPNG(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }

    /// A whole PDF: the header and, near the end, the end-of-file marker.
    static func isPDF(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("%PDF-".utf8)) else { return false }
        let tail = String(decoding: bytes.suffix(64), as: UTF8.self)
        return tail.contains("%%EOF")
    }

    /// A report that takes a while to render (many outcomes and pages), as JSON.
    static func bigReportJSON(outcomes: Int) -> [UInt8] {
        Array(ReportJSONWriter.json(SyntheticReport.make(outcomes: outcomes)).utf8)
    }

    /// The YAML "billion laughs": nine levels of ten aliases each.
    static let aliasBomb: String = {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
            previous = name
        }
        return text + "title: *i\noutcomes: []\n"
    }()

    /// Random bytes from a fixed seed (not UTF-8).
    static func binaryJunk(count: Int, seed: UInt64 = 42) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }
}
