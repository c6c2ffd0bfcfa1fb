import XCTest
import FolioModel

final class ValidFileTests: XCTestCase {
    func testMinimalFileLoadsWithDefaults() throws {
        let result = check("""
            title: Programme implementation
            outcomes:
              - id: "4"
                title: Social security
                indicators:
                  - id: "4.1"
                    description: Number of member States
                    target: 10
            """)
        assertDiagnostics(result, [])
        let report = try XCTUnwrap(result.report)
        XCTAssertEqual(report.regions, Report.defaultRegions)
        XCTAssertNil(report.subtitle)
        XCTAssertNil(report.organization)
        XCTAssertNil(report.period)
        let outcome = try XCTUnwrap(report.outcome(id: "4"))
        XCTAssertEqual(outcome.narrative, [])
        XCTAssertEqual(outcome.outputs, [])
        XCTAssertEqual(outcome.indicators, [
            Indicator(id: "4.1", description: "Number of member States", unit: "member States", target: 10),
        ])
    }

    func testFullFileMapsEveryField() throws {
        let result = check("""
            title: ILO programme implementation 2014–15
            subtitle: "Outcome 4: Social security"
            organization: International Labour Office
            period: 2014-15
            regions: [Africa, Americas]
            outcomes:
              - id: "4"
                title: More people have access
                indicators:
                  - id: "4.1"
                    description: Number of member States
                    unit: countries
                    target: 2
                    result: 3
                    countries:
                      Africa: [Ethiopia, {name: Zanzibar, territory: true}]
                      Americas: [{name: Chile}]
                narrative:
                  - heading: How the strategy delivered
                    paragraphs: ["First.", "Second."]
                outputs:
                  - category: Knowledge generation
                    items: [A study]
            """)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report, Report(
            title: "ILO programme implementation 2014–15", subtitle: "Outcome 4: Social security",
            organization: "International Labour Office", period: "2014-15", regions: ["Africa", "Americas"],
            outcomes: [Outcome(
                id: "4", title: "More people have access",
                indicators: [Indicator(id: "4.1", description: "Number of member States", unit: "countries", target: 2,
                                       result: 3, countries: [
                                           "Africa": [CountryEntry(name: "Ethiopia"), CountryEntry(name: "Zanzibar", isTerritory: true)],
                                           "Americas": [CountryEntry(name: "Chile")],
                                       ])],
                narrative: [NarrativeSection(heading: "How the strategy delivered", paragraphs: ["First.", "Second."])],
                outputs: [OutputCategory(category: "Knowledge generation", items: ["A study"])])]))
    }

    func testTextIsTakenAsWrittenNotConverted() throws {
        let result = check("""
            title: yes
            period: 2014-15
            outcomes:
              - id: 4.10
                title: 1e3
                indicators:
                  - id: 4.10.1
                    description: 010
                    target: 1
            """)
        assertDiagnostics(result, [])
        let report = try XCTUnwrap(result.report)
        XCTAssertEqual(report.title, "yes")
        XCTAssertEqual(report.period, "2014-15")
        XCTAssertEqual(report.outcomes[0].id, "4.10")
        XCTAssertEqual(report.outcomes[0].title, "1e3")
        XCTAssertEqual(report.outcomes[0].indicators[0].id, "4.10.1")
        XCTAssertEqual(report.outcomes[0].indicators[0].description, "010")
    }

    func testResultTextCountsTerritoriesApart() throws {
        let countries = (1...24).map { "Country \($0)" }.joined(separator: ", ")
        let result = check("""
            title: T
            outcomes:
              - id: "4"
                title: O
                indicators:
                  - id: "4.1"
                    description: D
                    target: 20
                    result: 25
                    countries:
                      Africa: [\(countries)]
                      Arab States: [{name: Occupied Palestinian Territory, territory: true}]
            """)
        assertDiagnostics(result, [])
        let indicator = try XCTUnwrap(result.report?.outcomes[0].indicators[0])
        XCTAssertEqual(indicator.listedCount, 25)
        XCTAssertEqual(indicator.achieved, 25)
        XCTAssertEqual(indicator.territoryCount, 1, "printed \"24 member States and 1 territory\" (EditionWordingTests)")
    }

    func testBlockScalarsLoseOnlyTheirFinalLineBreak() throws {
        let result = check("""
            title: T
            outcomes:
              - id: "4"
                title: O
                narrative:
                  - heading: H
                    paragraphs:
                      - |
                        Line one
                        line two
                      - >
                        Folded
                        text
            """)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report?.outcomes[0].narrative[0].paragraphs, ["Line one\nline two", "Folded text"])
    }

    func testAliasesInValuesAreExpanded() throws {
        let result = check("""
            title: T
            outcomes:
              - id: "4"
                title: O
                indicators:
                  - id: "4.1"
                    description: D
                    target: 2
                    countries:
                      Africa: &same [Ethiopia, Niger]
                  - id: "4.2"
                    description: D
                    target: 2
                    countries:
                      Africa: *same
            """)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report?.outcomes[0].indicators[1].entries(in: "Africa").map(\.name), ["Ethiopia", "Niger"])
    }

    /// `*` in prose must not be taken for an alias by the alias-key screen.
    func testAsterisksInTextAreNotAliases() throws {
        let result = check("""
            title: "Results *excluding* *territories*"
            subtitle: see *note
            outcomes:
              - id: "4"
                title: O
                narrative:
                  - heading: H
                    paragraphs: ["A *b", 'c *d', e *f]
                indicators:
                  - {id: "4.1", description: D, target: 1, countries: {Africa: [{name: X, territory: false}]}}
            """)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report?.title, "Results *excluding* *territories*")
        XCTAssertEqual(result.report?.outcomes[0].narrative[0].paragraphs, ["A *b", "c *d", "e *f"])
    }

    func testWarningsDoNotWithholdTheReport() {
        let result = check(validYAML(replacingLine: 9, with: "        result: 4"))
        XCTAssertNotNil(result.report)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings.count, 1)
    }
}
