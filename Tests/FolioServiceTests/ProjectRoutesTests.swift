import FolioModel
@testable import FolioService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest

private typealias S = ServiceTestSupport

/// `folio serve --project`: rebuilds on request, the outputs served with ETags, a broken data edit
/// that never reaches readers, and no file outside the recorded outputs.
final class ProjectRoutesTests: XCTestCase {
    var project: URL!

    override func setUpWithError() throws {
        project = try Self.makeProject()
    }

    /// A project folder with the sample, a briefing and an SVG chart set, and a file no one may fetch.
    static func makeProject() throws -> URL {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("folio-serve-project-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data(S.sampleYAML).write(to: project.appendingPathComponent("data/outcome4.yaml"))
        try """
            sources:
              outcome4: data/outcome4.yaml
            date: 2016-03-01
            targets:
              - briefing: outcome4
                style: default
                output: Output/{name}.pdf
              - charts: outcome4
                style: default
                formats: [svg]
                output: Output/{name}-charts/
            """.write(to: project.appendingPathComponent("folio.yaml"), atomically: true, encoding: .utf8)
        try "do not serve me".write(to: project.appendingPathComponent("Secret.txt"), atomically: true, encoding: .utf8)
        return project
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: project)
    }

    func configuration(token: String? = "t0ken") -> ServiceConfiguration {
        S.configuration { $0.project = self.project; $0.token = token }
    }

    static let auth: HTTPFields = [.authorization: "Bearer t0ken"]

    func testRebuildServeAndKeepOutputsOfABrokenEdit() async throws {
        let project: URL = self.project
        try await S.makeApp(configuration()).test(.router) { client in
            // The server builds once at start; this request queues behind that build or runs first.
            let first = try await client.execute(uri: "/v1/rebuild", method: .post, headers: Self.auth)
            XCTAssertEqual(first.status, .ok)
            let built = try Self.result(first)
            XCTAssertEqual(built["ok"] as? Bool, true)
            XCTAssertEqual((built["built"] as? [String] ?? []).count + (built["fresh"] as? Int ?? 0), 2)

            let again = try Self.result(try await client.execute(uri: "/v1/rebuild", method: .post, headers: Self.auth))
            XCTAssertEqual(again["built"] as? [String], [], "nothing changed: nothing rendered")
            XCTAssertEqual(again["fresh"] as? Int, 2)

            // The listing, then the PDF by its path, with its SHA-256 as ETag, and 304 for it.
            let list = try Self.result(try await client.execute(uri: "/v1/outputs", method: .get, headers: Self.auth))
            let outputs = try XCTUnwrap(list["outputs"] as? [[String: Any]])
            let paths = outputs.compactMap { $0["path"] as? String }
            XCTAssertTrue(paths.contains("Output/outcome4.pdf"))
            XCTAssertTrue(paths.contains("Output/outcome4-charts/charts.json"))
            XCTAssertTrue(paths.contains("Output/changes.md"))
            let pdf = try await client.execute(uri: "/v1/outputs/Output/outcome4.pdf", method: .get, headers: Self.auth)
            XCTAssertEqual(pdf.status, .ok)
            XCTAssertEqual(pdf.headers[.contentType], "application/pdf")
            let pdfBytes = Array(buffer: pdf.body)
            XCTAssertEqual(Array(pdfBytes.prefix(5)), Array("%PDF-".utf8))
            let etag = try XCTUnwrap(pdf.headers[.eTag])
            XCTAssertEqual(etag, "\"\(SHA256.hex(pdfBytes))\"")
            var conditional = Self.auth
            conditional[.ifNoneMatch] = etag
            let notModified = try await client.execute(uri: "/v1/outputs/Output/outcome4.pdf", method: .get, headers: conditional)
            XCTAssertEqual(notModified.status, .notModified)
            let svg = try await client.execute(uri: "/v1/outputs/Output/outcome4-charts/outcome-4-targets.svg", method: .get,
                                               headers: Self.auth)
            XCTAssertEqual(svg.headers[.contentType], "image/svg+xml")

            // A broken edit: the rebuild says where, exits 65, and the old PDF is still what is served.
            let data = project.appendingPathComponent("data/outcome4.yaml")
            let broken = String(decoding: S.sampleYAML, as: UTF8.self).replacingOccurrences(of: "result: 25", with: "result: lots")
            XCTAssertNotEqual(broken, String(decoding: S.sampleYAML, as: UTF8.self))
            try broken.write(to: data, atomically: true, encoding: .utf8)
            let failed = try Self.result(try await client.execute(uri: "/v1/rebuild", method: .post, headers: Self.auth))
            XCTAssertEqual(failed["ok"] as? Bool, false)
            XCTAssertEqual(failed["exitCode"] as? Int, 65)
            let failures = try XCTUnwrap(failed["failed"] as? [[String: Any]])
            let messages = failures.flatMap { $0["messages"] as? [String] ?? [] }
            XCTAssertTrue(messages.contains { $0.contains("outcome4.yaml:70:17") && $0.contains("result") }, "\(messages)")
            let still = try await client.execute(uri: "/v1/outputs/Output/outcome4.pdf", method: .get, headers: Self.auth)
            XCTAssertEqual(Array(buffer: still.body), pdfBytes, "readers keep the last good briefing")
            XCTAssertEqual(still.headers[.eTag], etag)

            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            XCTAssertTrue(metrics.contains("folio_builds_total{result=\"ok\"}"), metrics)
            XCTAssertTrue(metrics.contains("folio_builds_total{result=\"failed\"} 1"))
            XCTAssertTrue(metrics.contains("folio_output_age_seconds{output=\"Output/outcome4.pdf\"}"))
            XCTAssertTrue(metrics.contains("folio_build_last_success_timestamp_seconds"))
        }
    }

    func testOnlyRecordedOutputsAreServed() async throws {
        let project: URL = self.project
        try await S.makeApp(configuration()).test(.router) { client in
            _ = try await client.execute(uri: "/v1/rebuild", method: .post, headers: Self.auth)
            for path in ["Secret.txt", "folio.yaml", "data/outcome4.yaml", "Output/../Secret.txt", "Output/%2e%2e/Secret.txt",
                         "Output/.folio-state.json", "%2FSecret.txt", "Output"] {
                let response = try await client.execute(uri: "/v1/outputs/" + path, method: .get, headers: Self.auth)
                XCTAssertEqual(response.status, .notFound, path)
                XCTAssertFalse(String(buffer: response.body).contains("do not serve me"), path)
            }
            // The state file is not trusted: paths added to it by hand are still not served.
            let outside = FileManager.default.temporaryDirectory.appendingPathComponent("folio-outside-\(UUID().uuidString).txt")
            try "outside the project".write(to: outside, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: outside) }
            let stateURL = project.appendingPathComponent("Output/.folio-state.json")
            var state = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: stateURL)) as? [String: Any])
            var targets = try XCTUnwrap(state["targets"] as? [String: Any])
            var briefing = try XCTUnwrap(targets["Output/outcome4.pdf"] as? [String: Any])
            var outputs = try XCTUnwrap(briefing["outputs"] as? [String: Any])
            let recorded = try XCTUnwrap(outputs["Output/outcome4.pdf"])
            let planted = ["../" + outside.lastPathComponent, "Secret.txt", "folio.yaml", "Output/.folio-state.json",
                           "/etc/passwd", "Output/../Secret.txt"]
            for path in planted { outputs[path] = recorded }
            briefing["outputs"] = outputs
            targets["Output/outcome4.pdf"] = briefing
            state["targets"] = targets
            try JSONSerialization.data(withJSONObject: state).write(to: stateURL)
            let listing = String(buffer: try await client.execute(uri: "/v1/outputs", method: .get, headers: Self.auth).body)
            for path in planted {
                XCTAssertFalse(listing.contains("\"path\":\"\(path.replacingOccurrences(of: "/", with: "\\/"))\""), path)
                XCTAssertFalse(listing.contains("\"path\":\"\(path)\""), path)
                let response = try await client.execute(uri: "/v1/outputs/" + path, method: .get, headers: Self.auth)
                XCTAssertEqual(response.status, .notFound, path)
            }
            // An output replaced by a symbolic link to a file outside the project is not served either.
            let pdf = project.appendingPathComponent("Output/outcome4.pdf")
            try FileManager.default.removeItem(at: pdf)
            try FileManager.default.createSymbolicLink(at: pdf, withDestinationURL: outside)
            let linked = try await client.execute(uri: "/v1/outputs/Output/outcome4.pdf", method: .get, headers: Self.auth)
            XCTAssertEqual(linked.status, .notFound)
            XCTAssertFalse(String(buffer: linked.body).contains("outside the project"))

            let anonymous = try await client.execute(uri: "/v1/outputs/Output/outcome4.pdf", method: .get)
            XCTAssertEqual(anonymous.status, .unauthorized)
            let anonymousRebuild = try await client.execute(uri: "/v1/rebuild", method: .post)
            XCTAssertEqual(anonymousRebuild.status, .unauthorized)
        }
    }

    func testRebuildNeedsAConfiguredTokenAndAProject() async throws {
        let project: URL = self.project
        try await S.makeApp(configuration(token: nil)).test(.router) { client in
            let response = try await client.execute(uri: "/v1/rebuild", method: .post)
            XCTAssertEqual(response.status, .forbidden)
            XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:rebuild-needs-token")
        }
        try await S.makeApp().test(.router) { client in
            for (method, uri) in [(HTTPRequest.Method.get, "/v1/outputs"), (.get, "/v1/outputs/Output/x.pdf"), (.post, "/v1/rebuild")] {
                let response = try await client.execute(uri: uri, method: method)
                XCTAssertEqual(response.status, .notFound, uri)
                XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:no-project")
            }
        }
        XCTAssertThrowsError(try S.configuration { $0.project = URL(fileURLWithPath: "/nonexistent") }.validate())
        XCTAssertThrowsError(try S.configuration { $0.rebuildSchedule = .every(.seconds(60)) }.validate())
    }

    /// The scheduled service builds at start and then on its interval, and stops on shutdown.
    func testScheduledRebuildsRunAsAService() async throws {
        let project: URL = self.project
        let rebuilds = ProjectRebuilds(directory: project, schedule: .every(.seconds(1)), metrics: ServiceMetrics(),
                                       logger: S.quietLogger, jobs: 1)
        let task = Task { try await rebuilds.run() }
        var seen: Set<String> = []
        for _ in 0..<300 {
            if let last = rebuilds.last { seen.insert(last.reason) }
            if seen.contains("schedule") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        task.cancel()
        _ = try? await task.value
        XCTAssertEqual(seen.isSuperset(of: ["schedule"]), true, "saw \(seen)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("Output/outcome4.pdf").path))
    }

    /// Requests and scrapes read folio.yaml and the state only when they changed, and hash an
    /// output only when its stamp is new: repeated requests read and hash nothing.
    func testOutputRequestsAndScrapesReuseTheListingAndTheHashes() async throws {
        let project: URL = self.project
        let service = RenderService(configuration: configuration(), logger: S.quietLogger)
        let rebuilds = try XCTUnwrap(service.rebuilds)
        let app = try FolioServer.makeApplication(configuration: service.configuration, logger: S.quietLogger, service: service)
        try await app.test(.router) { client in
            // The build at start, whenever it runs, is over once a result is recorded.
            for _ in 0..<6000 where rebuilds.last == nil { try await Task.sleep(for: .milliseconds(10)) }
            XCTAssertNotNil(rebuilds.last, "the build at start never finished")
            func round() async throws {
                let list = try await client.execute(uri: "/v1/outputs", method: .get, headers: Self.auth)
                XCTAssertEqual(list.status, .ok)
                let metrics = try await client.execute(uri: "/metrics", method: .get)
                XCTAssertEqual(metrics.status, .ok)
                let pdf = try await client.execute(uri: "/v1/outputs/Output/outcome4.pdf", method: .get, headers: Self.auth)
                XCTAssertEqual(pdf.status, .ok)
                var conditional = Self.auth
                conditional[.ifNoneMatch] = pdf.headers[.eTag]
                let again = try await client.execute(uri: "/v1/outputs/Output/outcome4.pdf", method: .get, headers: conditional)
                XCTAssertEqual(again.status, .notModified)
            }
            try await round()
            let warm = rebuilds.catalog.readCounts
            for _ in 0..<5 { try await round() }
            let after = rebuilds.catalog.readCounts
            XCTAssertEqual(after.listings, warm.listings, "folio.yaml and the state were read again")
            XCTAssertEqual(after.hashed, warm.hashed, "outputs were hashed again though unchanged")

            // A replaced output is hashed afresh, and its new ETag describes the new bytes.
            let file = project.appendingPathComponent("Output/outcome4.pdf")
            let replacement = Data("%PDF-1.7 replaced\n".utf8)
            try replacement.write(to: file, options: .atomic)
            let replaced = try await client.execute(uri: "/v1/outputs/Output/outcome4.pdf", method: .get, headers: Self.auth)
            XCTAssertEqual(replaced.headers[.eTag], "\"\(SHA256.hex(Array(replacement)))\"")
        }
    }

    static func result(_ response: TestResponse) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }
}
