import XCTest
import FolioModel

/// One rule per test, each on `validYAML` with one line changed (line 8 is `target`).
final class FieldRuleTests: XCTestCase {
    func testMissingRequiredFieldIsReportedAtTheMapping() {
        let result = check(validYAML(replacingLine: 8, with: ""))
        XCTAssertNil(result.report)
        assertDiagnostics(result, ["test.yaml:6:9: outcomes[0].indicators[0]: missing required field \"target\""])
    }

    func testMissingTopLevelFieldsAreReportedAtTheStart() {
        assertDiagnostics(check("subtitle: S\n"), [
            "test.yaml:1:1: missing required field \"title\"",
            "test.yaml:1:1: missing required field \"outcomes\"",
        ])
    }

    func testRequiredFieldWithoutValue() {
        assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target:")), [
            "test.yaml:8:9: outcomes[0].indicators[0].target: required field \"target\" has no value",
        ])
    }

    func testQuotedTextIsNotANumber() {
        assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target: \"ten\"")), [
            "test.yaml:8:17: outcomes[0].indicators[0].target: expected a whole number >= 0, found \"ten\"",
        ])
        assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target: \"10\"")), [
            "test.yaml:8:17: outcomes[0].indicators[0].target: expected a whole number >= 0, found \"10\"",
        ])
        assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target: ten")), [
            "test.yaml:8:17: outcomes[0].indicators[0].target: expected a whole number >= 0, found \"ten\"",
        ])
    }

    func testYAMLBooleanIsNotANumber() {
        assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target: yes")), [
            "test.yaml:8:17: outcomes[0].indicators[0].target: expected a whole number >= 0, found yes",
        ])
    }

    func testFractionsAndExponentsAreNotWholeNumbers() {
        for text in ["1.5", "1e3", "+3", "0x10", ".5"] {
            assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target: \(text)")), [
                "test.yaml:8:17: outcomes[0].indicators[0].target: expected a whole number >= 0, found \(text)",
            ])
        }
    }

    func testNegativeNumberIsRefused() {
        assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target: -3")), [
            "test.yaml:8:17: outcomes[0].indicators[0].target: expected a whole number >= 0, found -3",
        ])
        assertDiagnostics(check(validYAML(replacingLine: 9, with: "        result: -1")), [
            "test.yaml:9:17: outcomes[0].indicators[0].result: expected a whole number >= 0, found -1",
        ])
    }

    func testHugeNumberIsRefused() {
        assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target: 99999999999999999999")), [
            "test.yaml:8:17: outcomes[0].indicators[0].target: number 99999999999999999999 is too large",
        ])
    }

    func testListWhereNumberIsExpected() {
        assertDiagnostics(check(validYAML(replacingLine: 8, with: "        target: [10]")), [
            "test.yaml:8:17: outcomes[0].indicators[0].target: expected a whole number >= 0, found a list",
        ])
    }

    func testCollectionWhereTextIsExpected() {
        // A mapping is a text in several languages: its keys must be language tags.
        assertDiagnostics(check(validYAML(replacingLine: 4, with: "    title: {en_GB: Social security}")), [
            "test.yaml:4:13: outcomes[0].title: expected a language tag such as \"fr\" or \"es\" as key, found \"en_GB\"",
        ])
        assertDiagnostics(check(validYAML(replacingLine: 7, with: "        description: [a, b]")), [
            "test.yaml:7:22: outcomes[0].indicators[0].description: expected text, found a list",
        ])
    }

    func testScalarWhereListIsExpected() {
        assertDiagnostics(check("title: T\noutcomes:\n  - id: \"4\"\n    title: O\n    indicators: none\n"), [
            "test.yaml:5:17: outcomes[0].indicators: expected a list, found \"none\"",
        ])
        assertDiagnostics(check("title: T\noutcomes: {id: \"4\"}\n"), [
            "test.yaml:2:11: outcomes: expected a list, found a mapping",
        ])
    }

    func testEmptyIdTitleAndDescriptionAreRefused() {
        var yaml = validYAML(replacingLine: 3, with: "  - id: \"\"")
        assertDiagnostics(check(yaml), ["test.yaml:3:9: outcomes[0].id: must not be empty"])
        yaml = validYAML(replacingLine: 4, with: "    title: ''")
        assertDiagnostics(check(yaml), ["test.yaml:4:12: outcomes[0].title: must not be empty"])
        yaml = validYAML(replacingLine: 7, with: "        description: \"  \"")
        assertDiagnostics(check(yaml), ["test.yaml:7:22: outcomes[0].indicators[0].description: must not be empty"])
        yaml = validYAML(replacingLine: 1, with: "title: \"\"")
        assertDiagnostics(check(yaml), ["test.yaml:1:8: title: must not be empty"])
    }

    func testEmptyOutcomesListIsRefused() {
        assertDiagnostics(check("title: T\noutcomes: []\n"), ["test.yaml:2:11: outcomes: expected at least one outcome"])
    }

    func testTerritoryMustBeABoolean() {
        let yaml = validYAML(replacingLine: 12, with: "          Arab States: [{name: Occupied Palestinian Territory, territory: \"yes\"}]")
        assertDiagnostics(check(yaml), [
            "test.yaml:12:75: outcomes[0].indicators[0].countries[\"Arab States\"][0].territory: expected true or false, found \"yes\"",
        ])
    }

    func testCountryEntryNeedsAName() {
        let yaml = validYAML(replacingLine: 12, with: "          Arab States: [{territory: true}, [Iraq]]")
        assertDiagnostics(check(yaml), [
            "test.yaml:12:25: outcomes[0].indicators[0].countries[\"Arab States\"][0]: missing required field \"name\"",
            "test.yaml:12:44: outcomes[0].indicators[0].countries[\"Arab States\"][1]: expected a country name or a mapping with \"name\", found a list",
        ])
    }

    func testAllProblemsAreCollectedInOnePassAndSorted() {
        let result = check("""
            title: T
            outcomes:
              - id: "4"
                indicators:
                  - id: "4.1"
                    description: D
                    target: ten
                  - id: "4.2"
                    target: -1
                    colour: red
            """)
        XCTAssertNil(result.report)
        assertDiagnostics(result, [
            "test.yaml:3:5: outcomes[0]: missing required field \"title\"",
            "test.yaml:7:17: outcomes[0].indicators[0].target: expected a whole number >= 0, found \"ten\"",
            "test.yaml:8:9: outcomes[0].indicators[1]: missing required field \"description\"",
            "test.yaml:9:17: outcomes[0].indicators[1].target: expected a whole number >= 0, found -1",
            "test.yaml:10:9: warning: outcomes[0].indicators[1]: unknown key \"colour\"",
        ])
        XCTAssertEqual(result.errors.count, 4)
        XCTAssertEqual(result.warnings.count, 1)
    }
}
