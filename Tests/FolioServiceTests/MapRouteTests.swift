@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// `POST /v1/charts/map`: the world map of one outcome or one indicator, in process.
final class MapRouteTests: XCTestCase {
    typealias S = ServiceTestSupport

    func testTheMapOfAnOutcomeAndOfOneIndicator() async throws {
        try await S.makeApp().test(.router) { client in
            let png = try await S.postSample(client, "/v1/charts/map?width=800&height=450")
            XCTAssertEqual(png.status, .ok)
            XCTAssertTrue(S.isPNG(S.bytes(png)))
            let pdf = try await S.postSample(client, "/v1/charts/map?format=pdf&outcome=4&indicator=4.2")
            XCTAssertEqual(pdf.status, .ok)
            let text = try LanguageRouteTests.pdfText(S.bytes(pdf))
            XCTAssertTrue(text.contains("Indicator 4.2"), text)
            XCTAssertTrue(text.contains("do not imply official endorsement"), text)
            let unknown = try await S.postSample(client, "/v1/charts/map?indicator=9.9")
            XCTAssertEqual(unknown.status, .notFound)
            let misplaced = try await S.postSample(client, "/v1/charts/targets?indicator=4.1")
            XCTAssertEqual(misplaced.status.code, 422, "indicator is for the map only")
        }
    }
}
