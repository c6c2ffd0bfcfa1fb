@testable import FolioService
import FolioModel
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// What a request may carry that the service must refuse rather than misread: a day that does not
/// exist, a charset or a content coding it does not decode; the token compared over its whole
/// length; a symbolic-link loop named as such.
final class RequestEdgeTests: XCTestCase {
    typealias S = ServiceTestSupport

    func testDatesMustBeRealCalendarDays() async throws {
        for text in ["2016-02-30", "2015-02-29", "2016-13-01", "2016-04-31", "2016-03-01T24:00:00Z", "2016-3-1", "0000-01-01",
                     "2016-03-01T12:00:00", "2016-03-01 12:00:00Z"] {
            XCTAssertNil(try? DocumentDate.parse(text, setting: "date"), text)
        }
        XCTAssertEqual(try DocumentDate.parse("2016-02-29", setting: "date"), Date(timeIntervalSince1970: 1_456_704_000))
        XCTAssertEqual(try DocumentDate.parse("2016-03-01", setting: "date"), Date(timeIntervalSince1970: 1_456_790_400))
        XCTAssertEqual(try DocumentDate.parse("2016-03-01T12:00:00Z", setting: "date"), Date(timeIntervalSince1970: 1_456_790_400 + 43_200))
        XCTAssertEqual(try DocumentDate.parse("2016-03-01T14:00:00+02:00", setting: "date"), Date(timeIntervalSince1970: 1_456_790_400 + 43_200))
        try await S.makeApp().test(.router) { client in
            for route in ["/v1/briefings", "/v1/charts/targets?format=pdf&", "/v1/chart-set"] {
                let separator = route.hasSuffix("&") ? "" : "?"
                let response = try await client.execute(uri: route + separator + "date=2016-02-30", method: .post,
                                                        headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
                XCTAssertEqual(response.status, .badRequest, route)
                XCTAssertTrue(S.problem(response)?.detail.contains("2016-02-30") ?? false)
            }
        }
    }

    func testOnlyUTF8AndNoContentCodingAreRead() async throws {
        try await S.makeApp().test(.router) { client in
            for type in ["application/json; charset=utf-16", "application/yaml; charset=latin1", "application/json;charset=\"UTF-32\""] {
                let response = try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: type],
                                                        body: S.buffer(S.sampleJSON))
                XCTAssertEqual(response.status, .unsupportedMediaType, type)
                XCTAssertEqual(S.problem(response)?.type, "urn:folio:problem:unsupported-charset", type)
            }
            for type in ["application/json; charset=utf-8", "application/json; charset=\"UTF-8\"", "application/json"] {
                let response = try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: type],
                                                        body: S.buffer(S.sampleJSON))
                XCTAssertEqual(response.status, .ok, type)
            }
            let gzip = try await client.execute(uri: "/v1/check", method: .post,
                                                headers: [.contentType: "application/json", .contentEncoding: "gzip"],
                                                body: S.buffer(S.sampleJSON))
            XCTAssertEqual(gzip.status, .unsupportedMediaType)
            XCTAssertEqual(S.problem(gzip)?.type, "urn:folio:problem:unsupported-content-coding")
        }
    }

    func testTokensDifferingOnlyInLengthOrPastByte256AreDifferent() {
        let token = Array("s3cret".utf8)
        // A length difference of 256 (0 modulo 256) must count.
        XCTAssertFalse(BearerToken.constantTimeEqual(token, token + [UInt8](repeating: 0, count: 256)))
        XCTAssertFalse(BearerToken.constantTimeEqual([], [UInt8](repeating: 0, count: 512)))
        let long = [UInt8](repeating: 0x61, count: 300)
        var other = long
        other[299] = 0x62
        XCTAssertFalse(BearerToken.constantTimeEqual(long, other))
        XCTAssertTrue(BearerToken.constantTimeEqual(long, long))
        XCTAssertTrue(BearerToken.constantTimeEqual([], []))
    }

    func testASymbolicLinkLoopIsNamedAsALoop() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("folio.yaml").path,
                                                   withDestinationPath: "loop.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop.yaml").path,
                                                   withDestinationPath: "folio.yaml")
        XCTAssertEqual(FileAccess.problem(readingFile: folder.appendingPathComponent("folio.yaml").path), "is a symbolic link loop")
        XCTAssertEqual(FileAccess.problem(readingFile: folder.appendingPathComponent("none.yaml").path), "does not exist")
        let configuration = S.configuration { $0.project = folder }
        XCTAssertThrowsError(try configuration.validate()) { error in
            XCTAssertTrue("\(error)".contains("symbolic link loop"), "\(error)")
        }
    }
}
