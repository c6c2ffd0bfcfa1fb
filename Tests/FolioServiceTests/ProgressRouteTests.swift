@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// `POST /v1/charts/progress`: the results-over-time chart of one outcome, in process.
final class ProgressRouteTests: XCTestCase {
    typealias S = ServiceTestSupport

    func testAOnePeriodOutcomeGetsItsProgressChartOnRequest() async throws {
        try await S.makeApp().test(.router) { client in
            let png = try await client.execute(uri: "/v1/charts/progress?width=800&height=450", method: .post,
                                               headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(png.status, .ok)
            XCTAssertTrue(S.isPNG(S.bytes(png)))
            let pdf = try await client.execute(uri: "/v1/charts/progress?format=pdf&outcome=4", method: .post,
                                               headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(pdf.status, .ok)
            let text = try LanguageRouteTests.pdfText(S.bytes(pdf))
            XCTAssertTrue(text.contains("Results over time"), text)
            XCTAssertTrue(text.contains("Indicator 4.1"), text)
            let part = try await client.execute(uri: "/v1/charts/progress?part=2", method: .post,
                                                headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(part.status.code, 422, "part is for the overview")
        }
    }

    func testTheChartListLeavesProgressOutWithoutHistory() async throws {
        try await S.makeApp().test(.router) { client in
            let list = try await client.execute(uri: "/v1/charts", method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(list.status, .ok)
            XCTAssertFalse(String(decoding: S.bytes(list), as: UTF8.self).contains("\"progress\""))
        }
    }
}
