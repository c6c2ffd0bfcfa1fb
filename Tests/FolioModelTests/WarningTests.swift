import XCTest
import FolioModel

final class WarningTests: XCTestCase {
    func testResultDifferingFromListedEntries() {
        let result = check(validYAML(replacingLine: 9, with: "        result: 12"))
        XCTAssertNotNil(result.report)
        assertDiagnostics(result, [
            "test.yaml:9:17: warning: outcomes[0].indicators[0].result: result 12 differs from the 3 entries listed",
        ])
    }

    func testResultDifferingFromASingleEntry() {
        let yaml = validYAML(replacingLine: 12, with: "")
            .replacingOccurrences(of: "[Ethiopia, Niger]", with: "[Ethiopia]")
        assertDiagnostics(check(yaml), [
            "test.yaml:9:17: warning: outcomes[0].indicators[0].result: result 3 differs from the 1 entry listed",
        ])
    }

    func testNoWarningWithoutCountries() {
        let yaml = validYAML(replacingLine: 10, with: "").replacingOccurrences(of: "          ", with: "#")
        assertDiagnostics(check(yaml), [])
    }

    func testCountryListedTwiceInAnyRegion() {
        let result = check(validYAML(replacingLine: 12, with: "          Arab States: [Iraq, Niger]"))
        XCTAssertNotNil(result.report)
        assertDiagnostics(result, [
            "test.yaml:9:17: warning: outcomes[0].indicators[0].result: result 3 differs from the 4 entries listed",
            "test.yaml:12:31: warning: outcomes[0].indicators[0].countries[\"Arab States\"][1]: \"Niger\" is listed more than once (first at line 11)",
        ])
    }

    func testUnknownKeySuggestsTheClosest() {
        let result = check(validYAML(replacingLine: 8, with: "        taget: 10"))
        assertDiagnostics(result, [
            "test.yaml:6:9: outcomes[0].indicators[0]: missing required field \"target\"",
            "test.yaml:8:9: warning: outcomes[0].indicators[0]: unknown key \"taget\"; did you mean \"target\"?",
        ])
    }

    func testUnknownKeysAtEveryLevel() {
        let yaml = "colour: blue\n" + validYAML
            .replacingOccurrences(of: "    title: More", with: "    titel: x\n    title: More")
            .replacingOccurrences(of: "territory: true", with: "territory: true, note: x")
        let result = check(yaml)
        XCTAssertNotNil(result.report)
        assertDiagnostics(result, [
            "test.yaml:1:1: warning: unknown key \"colour\"",
            "test.yaml:5:5: warning: outcomes[0]: unknown key \"titel\"; did you mean \"title\"?",
            "test.yaml:14:81: warning: outcomes[0].indicators[0].countries[\"Arab States\"][0]: unknown key \"note\"",
        ])
    }
}
