@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// The service reads dates by `DocumentDate`'s rule, as the CLI and builds do.
final class DateParameterTests: XCTestCase {
    typealias S = ServiceTestSupport

    /// Defect: `date=2016-02-30` was read as 2016-03-01.
    func testDatesOffTheCalendarAre400() async throws {
        try await S.makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/briefings?date=2016-02-30", method: .post, headers: S.yamlHeaders,
                                                    body: S.buffer(S.sampleYAML))
            XCTAssertEqual(response.status, .badRequest)
            XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:bad-parameter")
            XCTAssertEqual(S.problem(response)?.detail, "date \"2016-02-30\" is not a date: 2016-02 has 29 days")
            let offset = try await client.execute(uri: "/v1/briefings?date=2016-02-29T23:30:00-01:00", method: .post,
                                                  headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(offset.status, .ok)
        }
    }

    /// Defect: an invalid SOURCE_DATE_EPOCH was ignored and PDFs carried the day's date.
    func testAnInvalidEpochStopsTheServerFromStarting() {
        XCTAssertThrowsError(try S.configuration().validate(environment: ["SOURCE_DATE_EPOCH": "abc"])) { error in
            XCTAssertEqual("\(error)", "SOURCE_DATE_EPOCH \"abc\" is not a whole number of seconds")
        }
        XCTAssertNoThrow(try S.configuration().validate(environment: ["SOURCE_DATE_EPOCH": "1456790400"]))
    }

    func testTheRequestsDateWinsOverTheConfiguredOne() throws {
        let service = RenderService(configuration: S.configuration(), logger: S.quietLogger)
        let requested = Date(timeIntervalSince1970: 1_733_443_200)
        XCTAssertEqual(service.documentDate(requested: requested), requested)
        XCTAssertEqual(service.documentDate(requested: nil), Date(timeIntervalSince1970: 1_456_790_400))
    }
}
