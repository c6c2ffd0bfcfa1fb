import Foundation
import XCTest
import FolioModel

/// Indicators tracked over several periods, with a baseline: read from every format, checked, and
/// written back.
final class PeriodTests: XCTestCase {
    static let threePeriods = """
        title: Results over time
        period: "2020–21"
        outcomes:
          - id: "1"
            title: Jobs
            indicators:
              - id: "1.1"
                description: Countries with a policy
                baseline: {year: 2017, value: 4}
                periods:
                  - period: "2018–19"
                    target: 10
                    result: 2
                    countries: {Africa: [Kenya, Ghana]}
                  - start: 2020-01-01
                    end: 2021-12-31
                    target: 12
                    result: 3
                    countries: {Africa: [Kenya], Americas: [Chile, {name: Aruba, territory: true}]}
                  - period: "2022–23"
                    target: 14
              - id: "1.2"
                description: One period
                target: 3
                result: 1
                countries: {Europe-Central Asia: [Albania]}

        """

    func testPeriodsAreReadWithTheirValuesAndTheReportsPeriodIsCurrent() throws {
        let result = check(Self.threePeriods)
        assertDiagnostics(result, [])
        let indicators = try XCTUnwrap(result.report).outcomes[0].indicators
        let tracked = indicators[0]
        XCTAssertEqual(tracked.baseline, Baseline(year: 2017, value: 4))
        XCTAssertEqual(tracked.periods.map(\.label), ["2018–19", "2020–21", "2022–23"])
        XCTAssertEqual(tracked.periods.map(\.target), [10, 12, 14])
        XCTAssertEqual(tracked.periods.map(\.result), [2, 3, nil])
        XCTAssertEqual(tracked.periods[1].start, "2020-01-01")
        XCTAssertEqual(tracked.periods[1].end, "2021-12-31")
        XCTAssertEqual(tracked.currentPeriodIndex, 1, "the report's period is the current one")
        XCTAssertEqual(tracked.target, 12)
        XCTAssertEqual(tracked.achieved, 3)
        XCTAssertEqual(tracked.previous?.label, "2018–19")
        XCTAssertEqual(tracked.entries(in: "Americas").map(\.name), ["Chile", "Aruba"])
        XCTAssertTrue(tracked.hasHistory)
        XCTAssertFalse(tracked.isSinglePeriodForm)

        let single = indicators[1]
        XCTAssertTrue(single.isSinglePeriodForm)
        XCTAssertFalse(single.hasHistory)
        XCTAssertEqual(single.periods.count, 1)
        XCTAssertNil(single.periods[0].label)
        XCTAssertEqual(single.target, 3)
    }

    func testTheLastPeriodIsCurrentWithoutAReportPeriod() throws {
        let text = Self.threePeriods.replacingOccurrences(of: "period: \"2020–21\"\n", with: "")
        let result = check(text)
        assertDiagnostics(result, [])
        let tracked = try XCTUnwrap(result.report).outcomes[0].indicators[0]
        XCTAssertEqual(tracked.currentPeriodIndex, 2)
        XCTAssertEqual(tracked.target, 14)
    }

    func testLabelsMadeFromDates() {
        XCTAssertEqual(IndicatorPeriod.label(start: "2018-01-01", end: "2019-12-31"), "2018–19")
        XCTAssertEqual(IndicatorPeriod.label(start: "2021-01-01", end: "2021-12-31"), "2021")
        XCTAssertEqual(IndicatorPeriod.label(start: "2099-01-01", end: "2100-12-31"), "2099–2100")
        XCTAssertEqual(IndicatorPeriod.label(start: "2008-01-01", end: "2009-12-31"), "2008–09")
        XCTAssertEqual(IndicatorPeriod.label(start: "2018-04-01", end: "2019-03-31"), "2018-04-01 – 2019-03-31")
    }

    func testEveryProblemIsPlaced() {
        let text = """
            title: Bad
            period: "2030"
            outcomes:
              - id: "1"
                title: Jobs
                indicators:
                  - id: "1.1"
                    description: d
                    target: 3
                    baseline: {year: 2019, value: x}
                    periods:
                      - period: "2018–19"
                        target: 10
                        result: 3
                        countries: {Africa: [Kenya, Kenya]}
                      - period: "2016–17"
                        target: 1
                      - period: "2018–19"
                        target: 1
                      - start: 2020-02-30
                        end: 2021-01-01
                        target: 1
                      - start: 2020-01-01
                        target: 1
                      - start: 2021-01-01
                        end: 2020-01-01
                        target: 1
                  - id: "1.2"
                    description: d
                    baseline: {year: 2019, value: 3}
                    periods:
                      - {period: "2018–19", target: 2}
                      - {period: "2020", target: 2}
                  - id: "1.3"
                    description: d
                    periods: []

            """
        assertDiagnostics(check(text), [
            "test.yaml:9:9: outcomes[0].indicators[0].target: \"target\" belongs inside each period when \"periods\" is given",
            "test.yaml:10:39: outcomes[0].indicators[0].baseline.value: expected a whole number >= 0, found \"x\"",
            "test.yaml:14:21: warning: outcomes[0].indicators[0].periods[0].result: result 3 differs from the 2 entries listed",
            "test.yaml:15:41: warning: outcomes[0].indicators[0].periods[0].countries.Africa[1]: \"Kenya\" is listed more than once (first at line 15, column 34)",
            "test.yaml:16:21: outcomes[0].indicators[0].periods[1]: periods must be in time order: \"2016–17\" is earlier than \"2018–19\" above it",
            "test.yaml:18:21: outcomes[0].indicators[0].periods[2]: duplicate period \"2018–19\" (first at line 12)",
            "test.yaml:20:20: outcomes[0].indicators[0].periods[3].start: expected a date written YYYY-MM-DD, found 2020-02-30",
            "test.yaml:23:13: outcomes[0].indicators[0].periods[4]: a period needs both \"start\" and \"end\", or neither",
            "test.yaml:26:18: outcomes[0].indicators[0].periods[5].end: period ends (2020-01-01) before it starts (2021-01-01)",
            "test.yaml:30:19: outcomes[0].indicators[1].baseline: baseline year 2019 is after the first period, \"2018–19\"",
            "test.yaml:32:11: warning: outcomes[0].indicators[1].periods: no period \"2030\" (the report's period); the last, \"2020\", is the current one",
            "test.yaml:36:18: outcomes[0].indicators[2].periods: expected at least one period",
        ])
    }

    func testPeriodsRoundTripThroughEveryFormat() throws {
        var report = try XCTUnwrap(check(Self.threePeriods).report)
        report.translations["outcomes[0].indicators[0].description"] = Translation(["fr": "Pays dotés d'une politique"])
        report.locations = FieldLocations()
        assertRoundTrips(report)
    }

    /// Written as YAML, JSON and a CSV folder, the report reads back the same, without a word.
    func assertRoundTrips(_ report: Report, file: StaticString = #filePath, line: UInt = #line) {
        let yaml = ReportLoader.check(data: Data(ReportYAMLWriter.yaml(report).utf8), fileName: "r.yaml", format: .yaml)
        let json = ReportLoader.check(data: Data(ReportJSONWriter.json(report).utf8), fileName: "r.json", format: .json)
        let csv = ReportLoader.checkCSV(files: ReportCSVWriter.files(report).mapValues { Data($0.utf8) })
        for (name, result) in [("YAML", yaml), ("JSON", json), ("CSV", csv)] {
            XCTAssertEqual(result.diagnostics, [], name, file: file, line: line)
            XCTAssertEqual(result.report, report, name, file: file, line: line)
        }
    }

    func testTheSampleOverTimeRoundTripsThroughEveryFormat() throws {
        var sample = try sampleReport("results-over-time.yaml")
        sample.locations = FieldLocations()
        XCTAssertEqual(sample.outcomes.flatMap(\.indicators).map(\.periods.count), [3, 3, 3, 3, 3])
        assertRoundTrips(sample)
    }

    func testCSVCarriesPeriodsAsAColumn() throws {
        let report = try XCTUnwrap(check(Self.threePeriods).report)
        let files = ReportCSVWriter.files(report)
        let indicators = try XCTUnwrap(files["indicators.csv"]).split(separator: "\n")
        XCTAssertEqual(indicators.first, "outcome,outcome_title,indicator,description,unit,target,result,period,start,end,baseline_year,baseline_value")
        XCTAssertEqual(indicators.count, 5, "one row per period, and the one-period indicator's row")
        XCTAssertEqual(indicators[2], "1,Jobs,1.1,,,12,3,2020–21,2020-01-01,2021-12-31,,")
        let countries = try XCTUnwrap(files["countries.csv"]).split(separator: "\n")
        XCTAssertEqual(countries.first, "indicator,region,country,territory,period")
        XCTAssertTrue(countries.contains("1.1,Americas,Aruba,true,2020–21"))
        XCTAssertTrue(countries.contains("1.2,Europe-Central Asia,Albania,,"))
    }

    func testCSVPeriodProblemsArePlacedInTheirCells() {
        let files = [
            "report.yaml": "title: T\n",
            "indicators.csv": """
                outcome,outcome_title,indicator,description,target,result,period
                1,Jobs,1.1,Policy,10,2,2018–19
                1,Jobs,1.1,Another text,12,1,2020–21
                1,Jobs,1.2,Single,3,1,

                """,
            "countries.csv": """
                indicator,region,country,period
                1.1,Africa,Kenya,2018–19
                1.1,Africa,Ghana,2020–22
                1.1,Africa,Togo,
                1.2,Africa,Niger,2018–19
                1.1,Africa,Mali,2020–21

                """,
        ]
        assertDiagnostics(checkCSV(files), [
            "indicators.csv:2:6: warning: result: result 2 differs from the 1 entry listed",
            "indicators.csv:3:4: description: differs from the description given for indicator \"1.1\" on line 2",
            "countries.csv:3:4: period: indicator \"1.1\" has no period \"2020–22\" in indicators.csv; did you mean \"2020–21\"?",
            "countries.csv:4:3: country: indicator \"1.1\" has periods in indicators.csv; say which one (column period)",
            "countries.csv:5:4: period: indicator \"1.2\" has no periods in indicators.csv; leave period empty",
        ])
    }

    func testTheOnePeriodFormIsWrittenAsBefore() throws {
        let report = try XCTUnwrap(check(validYAML).report)
        let yaml = ReportYAMLWriter.yaml(report)
        XCTAssertFalse(yaml.contains("periods"))
        XCTAssertTrue(yaml.contains("        target: 10\n        result: 3\n        countries:\n"))
        XCTAssertEqual(ReportCSVWriter.files(report)["indicators.csv"]?.split(separator: "\n").first,
                       "outcome,outcome_title,indicator,description,unit,target,result")
    }
}
