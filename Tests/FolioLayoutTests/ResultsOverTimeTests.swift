import FolioLanguage
import FolioLayout
import FolioModel
import XCTest

/// The briefing of indicators tracked over several periods: the summary's "Results over time", each
/// outcome's periods table and country changes, and a country's history in its own briefing.
final class ResultsOverTimeTests: XCTestCase {
    static func period(_ label: String, target: Int, result: Int, _ countries: [String: [String]]) -> IndicatorPeriod {
        IndicatorPeriod(label: label, target: target, result: result,
                        countries: countries.mapValues { $0.map { CountryEntry(name: $0) } })
    }

    /// Outcome 1: 1.1 rises with a baseline over three biennia, 1.2 falls; 1.3 has one period only.
    static var report: Report {
        let rising = Indicator(id: "1.1", description: "Number of member States that adopt a policy.", baseline: Baseline(year: 2017, value: 4),
                               periods: [period("2018–19", target: 6, result: 5, ["Africa": ["Kenya", "Ghana"], "Americas": ["Peru", "Chile", "Brazil"]]),
                                         period("2020–21", target: 8, result: 8, ["Africa": ["Kenya", "Ghana", "Togo"], "Americas": ["Peru", "Chile", "Brazil", "Cuba", "Haiti"]]),
                                         period("2022–23", target: 10, result: 12, ["Africa": ["Kenya", "Togo", "Malawi", "Zambia"],
                                                                                  "Americas": ["Peru", "Chile", "Brazil", "Cuba", "Haiti", "Belize", "Bolivia", "Panama"]])])
        let falling = Indicator(id: "1.2", description: "Number of member States with a risk-based inspection plan.", baseline: nil,
                                periods: [period("2018–19", target: 5, result: 3, ["Africa": ["Ghana", "Benin", "Niger"]]),
                                          period("2020–21", target: 5, result: 2, ["Africa": ["Benin", "Niger"]]),
                                          period("2022–23", target: 5, result: 2, ["Africa": ["Benin", "Niger"]])])
        let single = Indicator(id: "1.3", description: "Number of member States that ratify a Convention.", target: 3, result: 1,
                               countries: ["Africa": [CountryEntry(name: "Kenya")]])
        return Report(title: "Made-up programme", organization: "Example", period: "2022–23",
                      outcomes: [Outcome(id: "1", title: "More workers are covered.", indicators: [rising, falling, single])])
    }

    func layout(_ edition: Edition = .english) -> BriefingLayout {
        BriefingLayout(style: .standard, measurer: Fixtures.measurer, edition: edition)
    }

    func lines(_ document: Document, from first: Int = 0) -> [String] {
        document.pages.dropFirst(first).flatMap { $0.frame.items.compactMap { if case .text(let text) = $0 { return text.text } else { return nil } } }
    }

    // MARK: - Changes in countries

    func testChangesListNewAndDroppedCountriesInRegionOrder() throws {
        let indicator = Self.report.outcomes[0].indicators[0]
        let changes = try XCTUnwrap(CountryChanges(indicator, regions: Report.defaultRegions))
        XCTAssertEqual(changes.added, ["Malawi", "Zambia", "Belize", "Bolivia", "Panama"])
        XCTAssertEqual(changes.removed, ["Ghana"])
        XCTAssertNil(CountryChanges(Self.report.outcomes[0].indicators[2], regions: Report.defaultRegions), "one period: nothing to compare")
        let same = try XCTUnwrap(CountryChanges(Self.report.outcomes[0].indicators[1], regions: Report.defaultRegions))
        XCTAssertTrue(same.isEmpty)
    }

    func testChangesAreSentencesOfTheEditionsList() throws {
        let text = lines(try layout().document(for: Self.report)).joined(separator: " ")
        XCTAssertTrue(text.contains("Indicator 1.1 — New since 2020–21: Malawi, Zambia, Belize, Bolivia and Panama."), text)
        XCTAssertTrue(text.contains("No longer listed: Ghana."))
        XCTAssertTrue(text.contains("Indicator 1.2 — The same countries as in 2020–21."))
        XCTAssertFalse(text.contains("Indicator 1.3 —"), "an indicator with one period has no changes")
    }

    // MARK: - Summary and outcome tables

    func testSummaryAndOutcomeShowBaselineAndEveryPeriod() throws {
        let document = try layout().document(for: Self.report)
        let all = lines(document)
        XCTAssertEqual(lines(document, from: 2).filter { $0 == "Results over time" }.count, 2, "a summary table and an outcome section")
        XCTAssertTrue(all.contains("4 (2017)"), "the summary's baseline")
        XCTAssertTrue(all.contains("Baseline (2017)"), "the outcome table's baseline row")
        for cell in ["5 / 6", "8 / 8", "12 / 10", "3 / 5", "2 / 5", "83%", "100%", "120%", "60%", "40%"] {
            XCTAssertTrue(all.contains(cell), "summary cell \(cell)")
        }
        XCTAssertTrue(all.contains("Indicators, targets and results, 2022–23"), "the current period's table says which period it is")
        let summaryLinks = document.pages[1].frame.items.compactMap { if case .link(_, let destination) = $0 { return destination } else { return nil } }
        XCTAssertEqual(summaryLinks, ["summary", "summary-indicators", "summary-history", "summary-overview", "summary-regions",
                                      "outcome-1", "outcome-1-results", "outcome-1-history", "outcome-1-changes"])
    }

    func testTheCurrentPeriodRowIsShadedAndBold() throws {
        let tables = try layout().document(for: Self.report).pages.flatMap { page in
            page.frame.items.compactMap { item -> [TextItem]? in
                if case .text(let text) = item, text.text == "2022–23" { return [text] } else { return nil }
            }.joined()
        }
        let periodCells = tables.filter { $0.font.weight == .bold }
        XCTAssertGreaterThanOrEqual(periodCells.count, 2, "the current period of 1.1 and 1.2 in the outcome table")
    }

    func testNothingOverlapsOrLeavesThePage() throws {
        let pages = try layout().document(for: Self.report).pages
        let page = Rect(x: 0, y: 0, width: Style.standard.pageSize.width, height: Style.standard.pageSize.height)
        for (number, laidOut) in pages.enumerated() {
            let boxes = laidOut.frame.textBoxes(measurer: Fixtures.measurer)
            for box in boxes { XCTAssertTrue(page.contains(box), "page \(number + 1): \(box) leaves the page") }
            for i in boxes.indices { for j in boxes.indices where i < j {
                XCTAssertFalse(boxes[i].insetBy(0.5).intersects(boxes[j].insetBy(0.5)), "page \(number + 1): text overlaps")
            } }
        }
    }

    func testSixPeriodsSplitTheSummaryIntoTablesOfFour() throws {
        var report = Self.report
        let more = (2024...2026).map { year in
            Self.period("\(year)", target: 10, result: year - 2014, ["Africa": ["Kenya"]])
        }
        report.outcomes[0].indicators[0].periods += more
        report.outcomes[0].indicators[0].currentPeriodIndex = 2
        let all = lines(try layout().document(for: report))
        XCTAssertEqual(all.filter { $0 == "Baseline" }.count, 1, "the baseline column only in the first table")
        XCTAssertTrue(all.contains("12 / 10") && all.contains("2026"))
        XCTAssertTrue(all.contains("Indicators, targets and results, 2022–23"), "the current period is the report's, not the last")
    }

    func testAPeriodOnlySomeIndicatorsHaveTakesItsPlaceInTime() throws {
        let a = Indicator(id: "a", description: "", baseline: nil, periods: [Self.period("2018–19", target: 1, result: 1, [:]),
                                                                             Self.period("2022–23", target: 1, result: 1, [:])])
        let b = Indicator(id: "b", description: "", baseline: nil, periods: [Self.period("2018–19", target: 1, result: 1, [:]),
                                                                             Self.period("2020–21", target: 1, result: 1, [:]),
                                                                             Self.period("2022–23", target: 1, result: 1, [:])])
        var report = Self.report
        report.outcomes[0].indicators = [a, b]
        let summary = lines(try layout().document(for: report))
        let start = try XCTUnwrap(summary.firstIndex(of: "Results over time"))
        let header = summary[start...].filter { ["2018–19", "2020–21", "2022–23"].contains($0) }.prefix(3)
        XCTAssertEqual(Array(header), ["2018–19", "2020–21", "2022–23"])
        XCTAssertTrue(summary[start...].contains("–"), "a has no 2020–21: its cell is a dash")
    }

    func testABaselineAloneGivesTheOnePeriodItsReportsName() throws {
        var report = Fixtures.report
        report.outcomes[0].indicators[0].baseline = Baseline(year: 2013, value: 7)
        let all = lines(try layout().document(for: report), from: 2)
        XCTAssertTrue(all.contains("7 (2013)") && all.contains("Baseline (2013)"))
        XCTAssertTrue(all.contains("Indicators, targets and results, 2014–15"))
        XCTAssertFalse(all.contains { $0.contains("New since") || $0.contains("The same countries") }, "no previous period")
        report.period = nil
        XCTAssertTrue(lines(try layout().document(for: report), from: 2).contains("This period"))
    }

    func testChineseSentencesJoinWithoutASpace() throws {
        let chinese = try CatalogueLibrary.bundled().edition("zh")
        let text = lines(try layout(chinese).document(for: Self.report), from: 2).joined()
        XCTAssertTrue(text.contains("。" + chinese.text("history.no_longer_listed", ["countries": "Ghana"])), text)
    }

    // MARK: - Reports without history stay as they were

    func testAOnePeriodReportHasNoneOfIt() throws {
        let all = lines(try layout().document(for: Fixtures.report))
        for english in ["Results over time", "Baseline", "New since", "No longer listed", "Countries that joined or left"] {
            XCTAssertFalse(all.contains { $0.contains(english) }, english)
        }
        XCTAssertTrue(all.contains("Indicators, targets and results"))
    }

    // MARK: - Country briefings

    func testACountryBriefingShowsWhenTheCountryWasListed() throws {
        let document = try layout().countryDocument(for: "Ghana", report: Self.report)
        let all = lines(document)
        XCTAssertTrue(all.joined(separator: " ").contains("Ghana is not listed under any indicator in 2022–23"), "\(all)")
        XCTAssertTrue(all.contains("Periods in which Ghana was listed under each indicator:"))
        // 1.1: 2018–19, 2020–21; 1.2: 2018–19. Row by row: Listed Listed – / Listed – –.
        let marks = all.filter { $0 == "Listed" || $0 == "–" }
        XCTAssertEqual(marks, ["Listed", "Listed", "–", "Listed", "–", "–"])
        XCTAssertTrue(BriefingLayout.countries(in: Self.report).contains("Ghana"), "a country that dropped out still gets a briefing")
        var unnamed = Self.report
        unnamed.period = nil
        let sentence = lines(try layout().countryDocument(for: "Ghana", report: unnamed)).joined(separator: " ")
        XCTAssertTrue(sentence.contains("not listed under any indicator in 2022–23"), "the current period's own name")
    }

    func testACurrentCountryKeepsItsContributionsAndGetsItsHistory() throws {
        let all = lines(try layout().countryDocument(for: "Kenya", report: Self.report))
        XCTAssertTrue(all.joined(separator: " ").contains("Kenya contributed to 2 indicators under 1 outcome."))
        XCTAssertTrue(all.contains("Others in the region"), "the current period's table")
        XCTAssertEqual(all.filter { $0 == "Listed" }.count, 3, "1.1 in all three periods; 1.3 has no history")
    }

    // MARK: - Arabic

    func testTheArabicEditionWritesItsOwnWordsMirrored() throws {
        let arabic = try CatalogueLibrary.bundled().edition("ar")
        let document = try layout(arabic).document(for: Self.report)
        let all = lines(document)
        XCTAssertEqual(lines(document, from: 2).filter { $0 == arabic.text("history.title") }.count, 2, "after the cover and contents")
        XCTAssertTrue(all.contains(arabic.text("history.baseline_year", ["year": "2017"])))
        XCTAssertFalse(all.contains { $0.contains("Results over time") || $0.contains("New since") })
    }
}
