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
            let png = try await S.postSample(client, "/v1/charts/progress?width=800&height=450")
            XCTAssertEqual(png.status, .ok)
            XCTAssertTrue(S.isPNG(S.bytes(png)))
            let pdf = try await S.postSample(client, "/v1/charts/progress?format=pdf&outcome=4")
            XCTAssertEqual(pdf.status, .ok)
            let text = try LanguageRouteTests.pdfText(S.bytes(pdf))
            XCTAssertTrue(text.contains("Results and targets over time"), text)
            XCTAssertTrue(text.contains("Indicator 4.1"), text)
            let part = try await S.postSample(client, "/v1/charts/progress?part=2")
            XCTAssertEqual(part.status.code, 422, "part is for the overview")
        }
    }

    func testTheChartListLeavesProgressOutWithoutHistory() async throws {
        try await S.makeApp().test(.router) { client in
            let list = try await S.postSample(client, "/v1/charts")
            XCTAssertEqual(list.status, .ok)
            XCTAssertFalse(String(decoding: S.bytes(list), as: UTF8.self).contains("\"progress\""))
        }
    }

    func testAReportOverTimeListsAndDrawsItsProgressChart() async throws {
        let yaml = """
            title: Over time
            period: "2022–23"
            outcomes:
              - id: "1"
                title: Better statistics
                indicators:
                  - id: "1.1"
                    description: Surveys
                    baseline: {year: 2017, value: 4}
                    periods:
                      - {period: "2020–21", target: 10, result: 12}
                      - {period: "2022–23", target: 10, result: 7}

            """
        try await S.makeApp().test(.router) { client in
            let list = try await client.execute(uri: "/v1/charts", method: .post, headers: S.yamlHeaders, body: S.buffer(yaml))
            XCTAssertEqual(list.status, .ok)
            let charts = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(S.bytes(list))) as? [String: Any])?["charts"] as? [[String: Any]])
            XCTAssertEqual(charts.compactMap { $0["kind"] as? String }, ["targets", "regions", "progress", "overview"])
            let alt = try XCTUnwrap(charts.first { $0["kind"] as? String == "progress" }?["alt"] as? String)
            XCTAssertTrue(alt.contains("fell from 12 in 2020–21 to 7 member States in 2022–23, below its target of 10"), alt)
            let svg = try await client.execute(uri: "/v1/charts/progress?outcome=1&format=svg", method: .post,
                                               headers: S.yamlHeaders, body: S.buffer(yaml))
            XCTAssertEqual(svg.status, .ok)
            XCTAssertEqual(svg.headers[.contentType], "image/svg+xml")
        }
    }
}
