import Foundation
import XCTest
import FolioModel

final class JSONTests: XCTestCase {
    private let validJSON = """
        {
          "title": "ILO programme implementation 2014–15",
          "outcomes": [
            {
              "id": "4",
              "title": "More people have access to social security",
              "indicators": [
                {
                  "id": "4.1",
                  "description": "Number of member States that improve their social security",
                  "target": 10,
                  "result": 3,
                  "countries": {
                    "Africa": ["Ethiopia", "Niger"],
                    "Arab States": [{"name": "Occupied Palestinian Territory", "territory": true}]
                  }
                }
              ]
            }
          ]
        }
        """

    private func validJSON(replacingLine number: Int, with text: String) -> String {
        var lines = validJSON.components(separatedBy: "\n")
        lines[number - 1] = text
        return lines.joined(separator: "\n")
    }

    func testJSONLoadsTheSameReportAsYAML() throws {
        let json = check(validJSON, .json)
        assertDiagnostics(json, [])
        XCTAssertEqual(try XCTUnwrap(json.report), try XCTUnwrap(check(validYAML).report))
    }

    func testEscapesDecode() {
        let json = #"{"title": "caf\u00e9 \/ \"q\" \\ \ud83d\ude00 \t", "outcomes": [{"id": "1", "title": "é"}]}"#
        let result = check(json, .json)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report?.title, "café / \"q\" \\ 😀 \t")
    }

    func testWrongTypeHasTheValuesPosition() {
        assertDiagnostics(check(validJSON(replacingLine: 11, with: #"          "target": "ten","#), .json), [
            "test.json:11:21: outcomes[0].indicators[0].target: expected a whole number >= 0, found \"ten\"",
        ])
    }

    func testNegativeAndFractionalNumbers() {
        assertDiagnostics(check(validJSON(replacingLine: 11, with: #"          "target": -3,"#), .json), [
            "test.json:11:21: outcomes[0].indicators[0].target: expected a whole number >= 0, found -3",
        ])
        assertDiagnostics(check(validJSON(replacingLine: 11, with: #"          "target": 1.5e3,"#), .json), [
            "test.json:11:21: outcomes[0].indicators[0].target: expected a whole number >= 0, found 1.5e3",
        ])
        assertDiagnostics(check(validJSON(replacingLine: 11, with: #"          "target": true,"#), .json), [
            "test.json:11:21: outcomes[0].indicators[0].target: expected a whole number >= 0, found true",
        ])
    }

    func testNullCountsAsAbsent() {
        assertDiagnostics(check(validJSON(replacingLine: 11, with: #"          "target": null,"#), .json), [
            "test.json:11:11: outcomes[0].indicators[0].target: required field \"target\" has no value",
        ])
    }

    func testMissingFieldIsReportedAtTheObject() {
        assertDiagnostics(check(validJSON(replacingLine: 11, with: ""), .json), [
            "test.json:8:9: outcomes[0].indicators[0]: missing required field \"target\"",
        ])
    }

    func testUnknownRegion() {
        assertDiagnostics(check(validJSON(replacingLine: 14, with: #"              "Afrika": ["Ethiopia", "Niger"],"#), .json), [
            "test.json:14:15: outcomes[0].indicators[0].countries: unknown region \"Afrika\"; did you mean \"Africa\"?",
        ])
    }

    func testDuplicateKeyIsReportedAtTheRepeat() {
        assertDiagnostics(check(validJSON(replacingLine: 12, with: #"          "target": 11,"#), .json), [
            "test.json:12:11: duplicate key \"target\" (first at line 11)",
        ])
    }

    func testSyntaxErrorsHavePositions() {
        assertDiagnostics(check(validJSON(replacingLine: 11, with: #"          "target": 10"#), .json), [
            "test.json:12:11: unexpected '\"', expected ',' or '}'",
        ])
        assertDiagnostics(check("{\"title\": \"x\",}", .json), ["test.json:1:15: unexpected '}', expected a key in double quotes"])
        assertDiagnostics(check("{\"title\": 'x'}", .json), ["test.json:1:11: unexpected \"'\", expected a value"])
        assertDiagnostics(check("{\"target\": 010}", .json), ["test.json:1:12: invalid number \"010\""])
        assertDiagnostics(check("{\"a\": \"\\ud800\"}", .json), ["test.json:1:8: unpaired surrogate \\uD800 in a string"])
        assertDiagnostics(check("{} // done", .json), ["test.json:1:4: unexpected '/' after the end of the JSON value"])
        assertDiagnostics(check("{\"a\": [1, 2", .json), ["test.json:1:12: unexpected end of file, expected ',' or ']'"])
    }

    func testEmptyAndNonObjectDocuments() {
        assertDiagnostics(check(" \n ", .json), ["test.json:1:1: file is empty"])
        assertDiagnostics(check("[1]", .json), ["test.json:1:1: expected a mapping at the top level, found a list"])
    }

    func testDeepNestingFails() {
        assertDiagnostics(check(String(repeating: "[", count: 100_000), .json), [
            "test.json:1:1001: document is nested too deeply (more than 1000 levels)",
        ])
    }

    func testNodeLimit() {
        assertDiagnostics(check(validJSON, .json, options: LoadOptions(maxNodes: 20)), [
            "test.json:1:1: document has more than 20 nodes",
        ])
    }
}
