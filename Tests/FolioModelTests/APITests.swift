import Foundation
import XCTest
import FolioModel

final class APITests: XCTestCase {
    func testInputFormatFromExtension() {
        XCTAssertEqual(InputFormat(fileExtension: "yaml"), .yaml)
        XCTAssertEqual(InputFormat(fileExtension: "YML"), .yaml)
        XCTAssertEqual(InputFormat(fileExtension: "Json"), .json)
        XCTAssertNil(InputFormat(fileExtension: "txt"))
        XCTAssertNil(InputFormat(fileExtension: ""))
    }

    func testDiagnosticDescription() {
        let error = Diagnostic(severity: .error, file: "outcome4.yaml", line: 15, column: 13,
                               path: "outcomes[0].indicators[0].target", message: "expected a whole number >= 0, found \"ten\"")
        XCTAssertEqual(error.description,
                       "outcome4.yaml:15:13: outcomes[0].indicators[0].target: expected a whole number >= 0, found \"ten\"")
        let warning = Diagnostic(severity: .warning, file: "a.yaml", line: 1, column: 2, path: "", message: "unknown key \"x\"")
        XCTAssertEqual(warning.description, "a.yaml:1:2: warning: unknown key \"x\"")
    }

    func testFileNameIsUsedAsGiven() {
        let result = ReportLoader.check(data: Data("[]".utf8), fileName: "reports/outcome4.yaml", format: .yaml)
        XCTAssertEqual(result.diagnostics.map(\.file), ["reports/outcome4.yaml"])
    }

    func testReportIsWithheldOnAnyError() {
        let result = check(validYAML(replacingLine: 8, with: "        target: -1"))
        XCTAssertNil(result.report)
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertEqual(result.warnings, [])
    }
}
