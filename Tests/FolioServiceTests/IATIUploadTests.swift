@testable import FolioService
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// IATI activity files sent as XML: checked, drawn, and refused with their positions.
final class IATIUploadTests: XCTestCase {
    typealias S = ServiceTestSupport

    static let activities: [UInt8] = Array(try! Data(contentsOf: S.packageRoot.appendingPathComponent(
        "Tests/FolioModelTests/Fixtures/iati-activities.xml")))
    static let xmlHeaders: HTTPFields = [.contentType: "application/xml"]

    func testXMLMediaTypesAreIATIActivityFiles() throws {
        for type in ["application/xml", "text/xml; charset=utf-8", "application/vnd.iati+xml"] {
            XCTAssertEqual(try UploadedReport.format(contentType: type), .iati, type)
        }
    }

    func testAnIATIFileIsCheckedAndDrawnWithItsPeriods() async throws {
        try await S.makeApp().test(.router) { client in
            let check = try await client.execute(uri: "/v1/check", method: .post, headers: Self.xmlHeaders, body: S.buffer(Self.activities))
            XCTAssertEqual(check.status, .ok)
            let report = try JSONSerialization.jsonObject(with: Data(S.bytes(check))) as? [String: Any]
            XCTAssertEqual(report?["valid"] as? Bool, true)
            let summary = report?["summary"] as? [String: Any]
            XCTAssertEqual(summary?["outcomes"] as? Int, 2)
            XCTAssertEqual(summary?["periods"] as? [String], ["2018–19", "2018", "2020–21", "2022–23"])

            let briefing = try await client.execute(uri: "/v1/briefings", method: .post, headers: Self.xmlHeaders,
                                                    body: S.buffer(Self.activities))
            XCTAssertEqual(briefing.status, .ok)
            XCTAssertTrue(S.isPDF(S.bytes(briefing)))
            let chart = try await client.execute(uri: "/v1/charts/regions", method: .post, headers: Self.xmlHeaders,
                                                 body: S.buffer(Self.activities))
            XCTAssertEqual(chart.status, .ok)
            XCTAssertTrue(S.isPNG(S.bytes(chart)))
        }
    }

    func testMalformedXMLIsAnsweredWithItsPosition() async throws {
        let broken = "<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n  <iati-activity>\n</iati-activities>\n"
        let wrongRoot = "<?xml version=\"1.0\"?>\n<activities version=\"2.03\"/>\n"
        try await S.makeApp().test(.router) { client in
            // XML that cannot be read is 400, as a YAML syntax error is; readable XML that is no
            // IATI activity file is invalid data, 422.
            for (body, line, unreadable) in [(broken, 4, true), (wrongRoot, 2, false)] {
                let check = try await client.execute(uri: "/v1/check", method: .post, headers: Self.xmlHeaders, body: S.buffer(body))
                let report = try JSONSerialization.jsonObject(with: Data(S.bytes(check))) as? [String: Any]
                XCTAssertEqual(report?["valid"] as? Bool, false, body)
                XCTAssertEqual(report?["syntaxError"] as? Bool, unreadable, body)
                let error = (report?["errors"] as? [[String: Any]])?.first
                XCTAssertEqual(error?["line"] as? Int, line, body)

                let briefing = try await client.execute(uri: "/v1/briefings", method: .post, headers: Self.xmlHeaders, body: S.buffer(body))
                XCTAssertEqual(briefing.status, unreadable ? .badRequest : .unprocessableContent, body)
                XCTAssertEqual(S.problem(briefing)?.errors?.first?.line, line, body)
            }
        }
    }
}
