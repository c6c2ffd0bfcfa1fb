import XCTest
import FolioModel

final class RegionAndDuplicateTests: XCTestCase {
    func testUnknownRegionSuggestsTheClosest() {
        let result = check(validYAML(replacingLine: 11, with: "          Afrika: [Ethiopia, Niger]"))
        XCTAssertNil(result.report)
        assertDiagnostics(result, [
            "test.yaml:11:11: outcomes[0].indicators[0].countries: unknown region \"Afrika\"; did you mean \"Africa\"?",
        ])
    }

    func testUnknownRegionFarFromAllListsTheRegions() {
        assertDiagnostics(check(validYAML(replacingLine: 11, with: "          Oceania: [Fiji]")), [
            "test.yaml:11:11: outcomes[0].indicators[0].countries: unknown region \"Oceania\" (regions are \"Africa\", \"Americas\", \"Arab States\", \"Asia-Pacific\", \"Europe-Central Asia\")",
        ])
    }

    func testRegionsComeFromTheRegionsField() {
        let yaml = "regions: [Africa, Arab States]\n" + validYAML.replacingOccurrences(of: "Africa:", with: "Americas:")
        assertDiagnostics(check(yaml), [
            "test.yaml:12:11: outcomes[0].indicators[0].countries: unknown region \"Americas\" (regions are \"Africa\", \"Arab States\")",
        ])
    }

    func testDuplicateRegionNames() {
        assertDiagnostics(check("regions: [Africa, Arab States, Africa]\n" + validYAML), [
            "test.yaml:1:32: regions[2]: duplicate region \"Africa\" (first at line 1, column 11)",
        ])
    }

    func testEmptyRegionsList() {
        assertDiagnostics(check("regions: []\n" + validYAML), ["test.yaml:1:10: regions: expected at least one region"])
    }

    func testDuplicateOutcomeIdNamesTheFirst() {
        let yaml = validYAML + """
              - id: "4"
                title: Again

            """
        assertDiagnostics(check(yaml), ["test.yaml:13:9: outcomes[1].id: duplicate outcome id \"4\" (first at line 3)"])
    }

    func testDuplicateIndicatorIdAcrossOutcomes() {
        let yaml = validYAML + """
              - id: "5"
                title: Other
                indicators:
                  - {id: "4.1", description: D, target: 1}

            """
        XCTAssertNil(check(yaml).report)
        assertDiagnostics(check(yaml), [
            "test.yaml:16:14: outcomes[1].indicators[0].id: duplicate indicator id \"4.1\" (first at line 6)",
        ])
    }

    func testDuplicateKeyIsReportedAtTheRepeat() {
        let result = check("""
            title: T
            outcomes:
              - id: "4"
                title: O
                id: "5"
            """)
        XCTAssertNil(result.report)
        assertDiagnostics(result, ["test.yaml:5:5: duplicate key \"id\" (first at line 3)"])
    }

    func testDuplicateTopLevelKey() {
        assertDiagnostics(check("title: A\noutcomes: []\ntitle: B\n"), ["test.yaml:3:1: duplicate key \"title\" (first at line 1)"])
    }

    func testDuplicateKeyInFlowMapping() {
        assertDiagnostics(check("title: T\noutcomes: [{id: a, title: b, id: c}]\n"), [
            "test.yaml:2:30: duplicate key \"id\" (first at line 2, column 13)",
        ])
    }

    func testQuotedAndPlainKeysAreTheSameKey() {
        let yaml = validYAML(replacingLine: 11, with: "          Africa: [Ethiopia]\n          \"Africa\": [Niger]")
        assertDiagnostics(check(yaml), ["test.yaml:12:11: duplicate key \"Africa\" (first at line 11)"])
    }

    func testKeysEqualAsTextAreDuplicates() {
        // Keys are text: `10` and `"10"` are the same key, found where `Africa` and `"Africa"` are.
        let yaml = validYAML(replacingLine: 11, with: "          10: [Ethiopia]\n          \"10\": [Niger]")
        assertDiagnostics(check(yaml), ["test.yaml:12:11: duplicate key \"10\" (first at line 11)"])
    }
}
