import FolioConcurrency
import FolioModel
import Foundation
import XCTest

/// An IATI activity file read into a report, checked value by value against what the fixture's
/// activities add up to (see the comments: each sum is worked out by hand from the file).
final class IATIMappingTests: XCTestCase {
    private func fixtureReport(options: LoadOptions = LoadOptions()) throws -> (Report, CheckResult) {
        let result = checkIATI(data: try Data(contentsOf: iatiFixture), options: options)
        XCTAssertEqual(result.errors, [], result.diagnostics.map(\.description).joined(separator: "\n"))
        return (try XCTUnwrap(result.report), result)
    }

    func testXMLFilesAreIATIActivities() {
        XCTAssertEqual(InputFormat(fileExtension: "xml"), .iati)
        XCTAssertEqual(InputFormat(fileExtension: "XML"), .iati)
        XCTAssertEqual(InputFormat(rawValue: "iati"), .iati)
    }

    func testReportFieldsComeFromTheReportingOrganisationAndTheM49Regions() throws {
        let (report, _) = try fixtureReport()
        XCTAssertEqual(report.language, "en")
        // Several activities of one organisation: its name is the title, in both languages given.
        XCTAssertEqual(report.title, "International Labour Organization")
        XCTAssertEqual(report.translations["title"], Translation(["fr": "Organisation internationale du Travail"]))
        XCTAssertNil(report.organization)
        XCTAssertEqual(report.regions, ["Africa", "Americas", "Asia", "Europe", "Oceania"])
        XCTAssertEqual(report.translations["regions[0]"]?.texts["fr"], "Afrique")
        XCTAssertEqual(report.translations["regions[1]"]?.texts["ar"], "الأمريكتان")
        XCTAssertNil(report.period)
    }

    func testOutcomeResultsBecomeOutcomesMatchedByReferenceOrTitle() throws {
        let (report, _) = try fixtureReport()
        // The output result (type 1) and the percentage indicator are not read.
        XCTAssertEqual(report.outcomes.map(\.id), ["SP", "2"])
        XCTAssertEqual(report.outcomes.map(\.title), ["More people have access to social protection", "Decent work in the rural economy"])
        XCTAssertEqual(report.translations["outcomes[0].title"]?.texts, ["fr": "Davantage de personnes ont accès à la protection sociale"])
        XCTAssertEqual(report.translations["outcomes[1].title"]?.texts, ["fr": "Travail décent dans l’économie rurale"])
        XCTAssertEqual(report.outcomes[0].indicators.map(\.id), ["SP.1", "SP.2"])
        XCTAssertEqual(report.outcomes[1].indicators.map(\.id), ["RE.1"])
        // The first activity's title of a matched indicator names it.
        XCTAssertEqual(report.outcomes[0].indicators[0].description, "Number of countries with a national social protection strategy")
        XCTAssertEqual(report.translations["outcomes[0].indicators[0].description"]?.texts,
                       ["fr": "Nombre de pays dotés d’une stratégie nationale de protection sociale"])
        XCTAssertEqual(report.outcomes[0].indicators[1].description, "Number of workers covered by new schemes")
    }

    func testValuesAreSummedOverActivitiesPerPeriod() throws {
        let (report, _) = try fixtureReport()
        let strategies = report.outcomes[0].indicators[0]
        // Baselines 1 (Kenya) + 0 (Ghana), both 2017.
        XCTAssertEqual(strategies.baseline, Baseline(year: 2017, value: 1))
        XCTAssertEqual(strategies.periods.map(\.label), ["2018–19", "2020–21", "2022–23"])
        XCTAssertEqual(strategies.periods.map(\.start), ["2018-01-01", "2020-01-01", "2022-01-01"])
        XCTAssertEqual(strategies.periods.map(\.end), ["2019-12-31", "2021-12-31", "2023-12-31"])
        // 2018–19: Kenya 1/1, Ghana 1/0. 2020–21: Kenya 1/1, Ghana 1/1, Albania 1/0.
        // 2022–23: Kenya 1/1, Ghana 1/1, Albania 1/0.6 (read as 1).
        XCTAssertEqual(strategies.periods.map(\.target), [2, 3, 3])
        XCTAssertEqual(strategies.periods.map(\.result), [1, 2, 3])
        XCTAssertEqual(strategies.currentPeriodIndex, 2, "the last period is the current one")

        // Kenya 1000/1200 and Ghana 500/400; Kenya's 700 women are a disaggregation, not added.
        let workers = report.outcomes[0].indicators[1]
        XCTAssertNil(workers.baseline)
        XCTAssertEqual(workers.periods.map(\.label), ["2022–23"])
        XCTAssertEqual(workers.target, 1500)
        XCTAssertEqual(workers.result, 1600)

        // One calendar year: Kenya 1/1, Albania 1/1, and a regional activity 1/0 with no country.
        let plans = report.outcomes[1].indicators[0]
        XCTAssertEqual(plans.periods.map(\.label), ["2018"])
        XCTAssertEqual(plans.target, 3)
        XCTAssertEqual(plans.result, 2)
    }

    func testCountriesThatMetTheirTargetAreListedInTheirRegion() throws {
        let (report, _) = try fixtureReport()
        let kenya = CountryEntry(name: "Kenya", code: "KEN"), ghana = CountryEntry(name: "Ghana", code: "GHA")
        let albania = CountryEntry(name: "Albania", code: "ALB")
        let strategies = report.outcomes[0].indicators[0]
        XCTAssertEqual(strategies.periods.map(\.countries), [
            ["Africa": [kenya]],
            ["Africa": [ghana, kenya]],
            ["Africa": [ghana, kenya], "Europe": [albania]],
        ])
        XCTAssertEqual(report.outcomes[0].indicators[1].countries, ["Africa": [kenya]])
        XCTAssertEqual(report.outcomes[1].indicators[0].countries, ["Africa": [kenya], "Europe": [albania]])
    }

    func testCountingReportedCountriesListsEveryCountryWithAnActual() throws {
        let (report, _) = try fixtureReport(options: LoadOptions(iatiCount: .reported))
        let kenya = CountryEntry(name: "Kenya", code: "KEN"), ghana = CountryEntry(name: "Ghana", code: "GHA")
        let albania = CountryEntry(name: "Albania", code: "ALB")
        XCTAssertEqual(report.outcomes[0].indicators[0].periods.map(\.countries), [
            ["Africa": [ghana, kenya]],
            ["Africa": [ghana, kenya], "Europe": [albania]],
            ["Africa": [ghana, kenya], "Europe": [albania]],
        ])
        XCTAssertEqual(report.outcomes[0].indicators[1].countries, ["Africa": [ghana, kenya]])
        // The sums do not depend on the rule.
        XCTAssertEqual(report.outcomes[0].indicators[0].periods.map(\.result), [1, 2, 3])
    }

    func testWarningsPlaceWhatWasLeftOutOrRounded() throws {
        let (_, result) = try fixtureReport()
        let text = try String(contentsOf: iatiFixture, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        func line(_ needle: String) -> Int { (lines.firstIndex { $0.contains(needle) } ?? -1) + 1 }
        func column(_ needle: String, _ inner: String) -> Int {
            let row = lines[line(needle) - 1]
            return row.distance(from: row.startIndex, to: row.range(of: inner)!.lowerBound) + 1
        }
        XCTAssertEqual(result.warnings.map(\.description), [
            "activities.xml:5:1: warning: results other than outcomes (type 2) are not read: skipped 1 of type 1",
            // The workers counted (1600) are not the countries listed (1): the validator's rule for every period.
            "activities.xml:\(line("<target value=\"1000\"/>") - 3):9: warning: outcomes[0].indicators[1].periods[0].result: "
                + "result 1600 differs from the 1 entry listed",
            "activities.xml:\(line("measure=\"2\"")):\(column("measure=\"2\"", "2\"")): warning: "
                + "iati-activity[0].result[0].indicator[2]: indicator with measure 2 skipped: Folio sums counts (measure 1, \"unit\") only",
            "activities.xml:\(line("value=\"0.6\"")):\(column("value=\"0.6\"", "0.6")): warning: "
                + "iati-activity[2].result[0].indicator[0].period[1].actual[0].value: 0.6 is not a whole number; "
                + "Folio counts whole numbers and reads it as 1",
        ])
    }

    func testARegionTableOfItsOwnGroupsTheCountries() throws {
        let table = try RegionTable(data: Data("""
            regions:
              - name: {en: Africa, fr: Afrique}
                countries: [KEN, GH]
              - name: Europe-Central Asia
                countries: ["008"]
            """.utf8), fileName: "ilo.yaml")
        let (report, _) = try fixtureReport(options: LoadOptions(regionTable: table))
        XCTAssertEqual(report.regions, ["Africa", "Europe-Central Asia"])
        XCTAssertEqual(report.translations["regions[0]"], Translation(["fr": "Afrique"]))
        XCTAssertNil(report.translations["regions[1]"])
        XCTAssertEqual(report.outcomes[1].indicators[0].countries,
                       ["Africa": [CountryEntry(name: "Kenya", code: "KEN")], "Europe-Central Asia": [CountryEntry(name: "Albania", code: "ALB")]])
    }

    func testOneActivityGivesItsTitleAndOrganisation() throws {
        let result = checkIATI(iatiActivity())
        let report = try XCTUnwrap(result.report, result.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(report.title, "Jobs in Kenya")
        XCTAssertEqual(report.organization, "ILO")
        XCTAssertEqual(report.outcomes.map(\.id), ["1"])
        XCTAssertEqual(report.outcomes[0].indicators.map(\.id), ["1.1"])
        XCTAssertEqual(report.outcomes[0].indicators[0].countries, ["Africa": [CountryEntry(name: "Kenya", code: "KEN")]])
        XCTAssertEqual(result.diagnostics, [])
    }

    func testTheActivitysLanguageIsTheReportsAndOthersAreTranslations() throws {
        let xml = iatiActivity().replacingOccurrences(of: "<iati-activity xml:lang=\"en\">", with: "<iati-activity xml:lang=\"fr\">")
            .replacingOccurrences(of: "<title><narrative>Jobs in Kenya</narrative></title>",
                                  with: "<title><narrative>Emplois au Kenya</narrative><narrative xml:lang=\"en\">Jobs in Kenya</narrative></title>")
        let report = try XCTUnwrap(checkIATI(xml).report)
        XCTAssertEqual(report.language, "fr")
        XCTAssertEqual(report.title, "Emplois au Kenya")
        XCTAssertEqual(report.translations["title"], Translation(["en": "Jobs in Kenya"]))
        XCTAssertEqual(report.regions[0], "Afrique", "the region table's name in the report's language")
        XCTAssertEqual(report.outcomes[0].indicators[0].countries.keys.sorted(), ["Afrique"])
    }

    func testTheSameFileGivesTheSameReportAlsoInParallel() throws {
        let data = try Data(contentsOf: iatiFixture)
        let first = checkIATI(data: data)
        let results = Guarded<[CheckResult?]>(Array(repeating: nil, count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let result = checkIATI(data: data)
            results.withLock { $0[i] = result }
        }
        for result in results.withLock({ $0 }) {
            XCTAssertEqual(result?.report, first.report)
            XCTAssertEqual(result?.diagnostics, first.diagnostics)
        }
    }
}
