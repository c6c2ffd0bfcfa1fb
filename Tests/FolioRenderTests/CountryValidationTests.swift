@testable import FolioModel
import Foundation
import XCTest

/// The validator's country checks against the country table (Assets/countries).
final class CountryValidationTests: XCTestCase {
    func check(_ yaml: String) -> CheckResult {
        ReportLoader.check(data: Data(yaml.utf8), fileName: "countries.yaml", format: .yaml)
    }

    func report(listing entries: String) -> String {
        """
        title: T
        outcomes:
          - id: "1"
            title: O
            indicators:
              - id: "1.1"
                description: D
                target: 1
                countries:
                  Africa: [\(entries)]
        """
    }

    func testEveryNameInTheSampleIsKnown() throws {
        let result = ReportLoader.check(data: try Data(contentsOf: TestSupport.sample), fileName: "outcome4.yaml", format: .yaml)
        XCTAssertNotNil(result.report)
        let names = Set(try XCTUnwrap(result.report).outcomes.flatMap(\.indicators).flatMap { $0.countries.values.joined() }.map(\.name))
        XCTAssertGreaterThan(names.count, 30)
        XCTAssertEqual(result.diagnostics.filter { $0.message.contains("country") }.map(\.description), [])
    }

    func testAMisspeltNameIsAWarningWithTheClosestName() {
        let result = check(report(listing: "Ethiopa, Lesotho, Niger, Ethiopa"))
        XCTAssertNotNil(result.report, "a warning, not an error")
        let warnings = result.diagnostics.filter { $0.message.contains("unknown country") }
        XCTAssertEqual(warnings.map(\.description),
                       [#"countries.yaml:10:20: warning: outcomes[0].indicators[0].countries.Africa[0]: unknown country "Ethiopa"; did you mean "Ethiopia"?"#])
        XCTAssertEqual(warnings.first?.severity, .warning)
    }

    /// Made-up names (test data, `folio synthesize`) are not flagged one by one; nor is a territory
    /// no table lists, unless it looks like a misspelling.
    func testMadeUpFilesAndUnlistedTerritoriesAreQuiet() {
        XCTAssertEqual(check(report(listing: "Country 1, Country 2, Ethiopia")).diagnostics.map(\.description), [])
        XCTAssertEqual(check(report(listing: "Ethiopia, Niger, {name: Zanzibar, territory: true}")).diagnostics.map(\.description), [])
        XCTAssertEqual(check(report(listing: "Ethiopia, Niger, {name: Ocupied Palestinian Territory, territory: true}"))
                        .diagnostics.map(\.message), [#"unknown country "Ocupied Palestinian Territory"; did you mean "Occupied Palestinian Territory"?"#])
    }

    func testNamesInTheDatasLanguageAreKnown() {
        let french = "language: fr\n" + report(listing: "Éthiopie, Viet Nam, Laos")
        XCTAssertEqual(check(french).diagnostics.filter { $0.message.contains("country") }.count, 0)
    }

    func testACodeMustBeKnownAndAgreeWithTheName() {
        let sink = DiagnosticSink(file: "countries.yaml")
        let names = CountryNameCheck(language: "en")
        let position = SourcePosition(file: 0, line: 3, column: 5)
        names.check(CountryEntry(name: "Viet Nam", code: "VNM"), at: position, path: .root, sink: sink)
        names.check(CountryEntry(name: "Atlantis", code: "ATL"), at: position, path: .root, sink: sink)
        names.check(CountryEntry(name: "Viet Nam", code: "THA"), at: position, path: .root, sink: sink)
        names.check(CountryEntry(name: "Kosova", code: "XKX"), at: position, path: .root, sink: sink)
        XCTAssertEqual(sink.sorted.map(\.message), [
            #"unknown country code "ATL"; expected an ISO 3166-1 code such as "VNM""#,
            #""Viet Nam" is VNM, but its code says THA (Thailand)"#,
        ])
        XCTAssertEqual(sink.sorted.map(\.severity), [.error, .warning])
    }
}
