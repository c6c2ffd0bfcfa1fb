@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// `?lang=` on the drawing routes and `GET /v1/languages`, in process.
final class LanguageRouteTests: XCTestCase {
    typealias S = ServiceTestSupport

    /// The text poppler reads from a PDF answer.
    static func pdfText(_ bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-lang-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-raw", file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func testTheLanguagesAreListedInTheirOwnNames() async throws {
        try await S.makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/languages", method: .get)
            XCTAssertEqual(response.status, .ok)
            let list = try JSONSerialization.jsonObject(with: Data(S.bytes(response))) as? [String: Any]
            let items = list?["languages"] as? [[String: String]] ?? []
            XCTAssertEqual(items.map { $0["tag"] }, ["ar", "en", "es", "fr", "ru", "zh"])
            XCTAssertEqual(items.first { $0["tag"] == "fr" }?["name"], "Français")
            XCTAssertEqual(items.first { $0["tag"] == "ar" }?["direction"], "rtl")
            XCTAssertEqual(items.first { $0["tag"] == "es" }?["direction"], "ltr")
        }
    }

    func testABriefingInFrenchIsAnotherResponseInFrench() async throws {
        try await S.makeApp().test(.router) { client in
            let english = try await client.execute(uri: "/v1/briefings", method: .post, headers: S.yamlHeaders,
                                                   body: S.buffer(S.sampleYAML))
            let french = try await client.execute(uri: "/v1/briefings?lang=fr", method: .post, headers: S.yamlHeaders,
                                                  body: S.buffer(S.sampleYAML))
            XCTAssertEqual(french.status, .ok)
            XCTAssertNotEqual(french.headers[.eTag], english.headers[.eTag], "the language is part of the ETag")
            let text = try Self.pdfText(S.bytes(french))
            XCTAssertTrue(text.contains("Table des matières"), text)
            XCTAssertFalse(text.contains("Contents"))

            let list = try await client.execute(uri: "/v1/charts?lang=es", method: .post, headers: S.yamlHeaders,
                                                body: S.buffer(S.sampleYAML))
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(String(decoding: S.bytes(list), as: UTF8.self).contains("Resultado 4"))
        }
    }

    func testAnUnknownLanguageIs404AndABadTag400() async throws {
        try await S.makeApp().test(.router) { client in
            let unknown = try await client.execute(uri: "/v1/charts/targets?lang=sw", method: .post, headers: S.yamlHeaders,
                                                   body: S.buffer(S.sampleYAML))
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertEqual(S.problem(unknown)?.type, "urn:folio:problem:unknown-language")
            XCTAssertTrue(S.problem(unknown)?.detail.contains("ar, en, es, fr, ru, zh") == true)
            let bad = try await client.execute(uri: "/v1/slides?lang=..%2Ffr", method: .post, headers: S.yamlHeaders,
                                               body: S.buffer(S.sampleYAML))
            XCTAssertEqual(bad.status, .badRequest)
            let regional = try await client.execute(uri: "/v1/charts/regions?lang=fr-CA&format=svg", method: .post,
                                                    headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(regional.status, .ok, "fr-CA is served by the French catalogue")
        }
    }
}
