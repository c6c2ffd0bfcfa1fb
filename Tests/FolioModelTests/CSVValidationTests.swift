import Foundation
import XCTest
import FolioModel

/// The YAML format's rules apply to CSV folders too, with positions as `file:line:field` and the
/// column's name as the path.
final class CSVValidationTests: XCTestCase {
    func indicators(_ rows: String) -> [String: String] {
        ValidCSV.with("indicators.csv", "outcome,outcome_title,indicator,description,unit,target,result\n" + rows)
    }

    func testWrongNumbers() {
        assertDiagnostics(checkCSV(indicators("4,T,4.1,D,,ten,3\n")), [
            "indicators.csv:2:6: target: expected a whole number >= 0, found \"ten\"",
        ])
        assertDiagnostics(checkCSV(indicators("4,T,4.1,D,,-3,yes\n")), [
            "indicators.csv:2:6: target: expected a whole number >= 0, found -3",
            "indicators.csv:2:7: result: expected a whole number >= 0, found yes",
        ])
        assertDiagnostics(checkCSV(indicators("4,T,4.1,D,,1.5,99999999999999999999\n")), [
            "indicators.csv:2:6: target: expected a whole number >= 0, found 1.5",
            "indicators.csv:2:7: result: number 99999999999999999999 is too large",
        ])
    }

    func testMissingValues() {
        assertDiagnostics(checkCSV(indicators("4,T,4.1,D,,,3\n")), [
            "indicators.csv:2:6: target: required field \"target\" has no value",
        ])
        assertDiagnostics(checkCSV(indicators("4,,4.1, ,,1,3\n")), [
            "indicators.csv:2:2: outcome_title: must not be empty",
            "indicators.csv:2:4: description: must not be empty",
        ])
        assertDiagnostics(checkCSV(indicators("4,T,4.1,D,,1,3\n,T,4.2,D,,1,\n4,T,,D,,1,\n")), [
            "indicators.csv:3:1: outcome: must not be empty",
            "indicators.csv:4:3: indicator: must not be empty",
        ])
        // Short rows: the missing fields are empty.
        assertDiagnostics(checkCSV(indicators("4,T,4.1,D\n")), ["indicators.csv:2:6: target: required field \"target\" has no value"])
    }

    func testDuplicateIndicatorIDs() {
        assertDiagnostics(checkCSV(indicators("4,T,4.1,D,,1,3\n5,U,4.1,D,,1,\n")), [
            "indicators.csv:3:3: indicator: duplicate indicator id \"4.1\" (first at line 2)",
        ])
    }

    func testOutcomeTitlesMustAgree() {
        assertDiagnostics(checkCSV(indicators("4,T,4.1,D,,1,3\n4,,4.2,D,,1,\n4,Other,4.3,D,,1,\n")), [
            "indicators.csv:4:2: outcome_title: differs from the title given for outcome \"4\" on line 2",
        ])
    }

    func testUnknownRegionWithSuggestion() {
        assertDiagnostics(checkCSV(ValidCSV.with("countries.csv", ValidCSV.countries + "4.1,Afrika,Ghana,\n")), [
            "countries.csv:5:2: region: unknown region \"Afrika\"; did you mean \"Africa\"?",
        ])
        let regions = ValidCSV.with("report.yaml", "title: T\nregions: [Africa, Asia]\n")
        assertDiagnostics(checkCSV(regions), [
            "countries.csv:4:2: region: unknown region \"Arab States\" (regions are \"Africa\", \"Asia\")",
        ])
    }

    func testUnknownIndicatorEmptyCellsAndBadTerritory() {
        assertDiagnostics(checkCSV(ValidCSV.with("countries.csv", ValidCSV.countries
                                                 + "4.9,Africa,Ghana,\n,Africa,Ghana,\n4.1,,Ghana,\n4.1,Africa,,\n4.1,Africa,Ghana,maybe\n")), [
            "countries.csv:5:1: indicator: no indicator \"4.9\" in indicators.csv; did you mean \"4.1\"?",
            "countries.csv:6:1: indicator: must not be empty",
            "countries.csv:7:2: region: must not be empty",
            "countries.csv:8:3: country: must not be empty",
            "countries.csv:9:4: territory: expected true, false, yes, no, 1, 0 or nothing, found \"maybe\"",
        ])
    }

    func testTerritoryWords() throws {
        let rows = ["true", "TRUE", "yes", "Yes", "1", " 1 "].map { "4.1,Africa,T-\($0),\($0)\n" }.joined()
            + ["false", "No", "0", ""].map { "4.1,Africa,N-\($0),\($0)\n" }.joined()
        let result = checkCSV(ValidCSV.with("countries.csv", "indicator,region,country,territory\n" + rows))
        let entries = try XCTUnwrap(result.report?.outcomes[0].indicators[0].entries(in: "Africa"))
        XCTAssertEqual(entries.filter(\.isTerritory).count, 6)
        XCTAssertEqual(entries.filter { !$0.isTerritory }.count, 4)
    }

    func testWarningsForResultAndRepeatedCountries() {
        let result = checkCSV(ValidCSV.with("countries.csv", ValidCSV.countries + "4.1,Africa,Niger,\n"))
        XCTAssertNotNil(result.report, "warnings only")
        assertDiagnostics(result, [
            "indicators.csv:2:7: warning: result: result 3 differs from the 4 entries listed",
            "countries.csv:5:3: warning: country: \"Niger\" is listed more than once (first at line 3)",
        ])
    }

    func testHeaderProblems() {
        assertDiagnostics(checkCSV(ValidCSV.with("indicators.csv", "outcome,outcome_title,indicator,descripton,target,colour\n4,T,4.1,D,1,red\n")), [
            "indicators.csv:1:1: missing column \"description\" (the columns are outcome, outcome_title, indicator, description, unit, target, result, period, start, end, baseline_year, baseline_value, notes)",
            "indicators.csv:1:4: warning: unknown column \"descripton\", ignored; did you mean \"description\"?",
            "indicators.csv:1:6: warning: unknown column \"colour\", ignored",
        ])
        assertDiagnostics(checkCSV(ValidCSV.with("countries.csv", "indicator,region,country,Region\n")), [
            "countries.csv:1:4: duplicate column \"region\" (first at column 2)",
        ])
        assertDiagnostics(checkCSV(ValidCSV.with("countries.csv", "indicator\tregion\tcountry\n")), [
            "countries.csv:1:1: warning: unknown column \"indicator\\tregion\\tcountry\", ignored",
            "countries.csv:1:1: missing columns \"indicator\", \"region\", \"country\" (the columns are indicator, region, country, territory, code, period); "
                + "separate them with commas or semicolons",
        ])
    }

    func testTextOutsideTheColumnsIsAWarning() {
        assertDiagnostics(checkCSV(ValidCSV.with("countries.csv", ValidCSV.countries + "4.1,Africa,Ghana, with a comma,x\n")), [
            "indicators.csv:2:7: warning: result: result 3 differs from the 4 entries listed",
            "countries.csv:5:4: territory: expected true, false, yes, no, 1, 0 or nothing, found \" with a comma\"",
            "countries.csv:5:5: warning: text beyond the header's 4 columns is ignored (an unquoted , in a field?)",
        ])
    }

    func testFiles() {
        assertDiagnostics(checkCSV([:]), [
            "indicators.csv:1:1: file not found: a CSV folder needs indicators.csv (columns outcome, outcome_title, indicator, description, unit, target, result)",
        ])
        let noReport = checkCSV(["indicators.csv": ValidCSV.indicators, "countries.csv": ValidCSV.countries], defaultTitle: "q3")
        XCTAssertEqual(noReport.report?.title, "q3")
        assertDiagnostics(noReport, [
            "report.yaml:1:1: warning: file not found: the title is the folder's name, \"q3\"; report.yaml holds the title and the other report fields",
        ])
        assertDiagnostics(checkCSV(["indicators.csv": ValidCSV.indicators, "countries.csv": ValidCSV.countries]), [
            "report.yaml:1:1: missing required field \"title\"",
        ])
        let noCountries = checkCSV(["indicators.csv": ValidCSV.indicators, "report.yaml": ValidCSV.report])
        XCTAssertEqual(noCountries.report?.outcomes[0].indicators[0].countries, [:])
        assertDiagnostics(noCountries, [
            "countries.csv:1:1: warning: file not found: no indicator lists any country (columns indicator, region, country, territory, code, period)",
        ])
        assertDiagnostics(checkCSV(ValidCSV.files.merging(["report.json": "{}", "notes.csv": "", "Country.csv": "", "notes.txt": ""]) { $1 }), [
            "Country.csv:1:1: warning: unknown file, ignored; did you mean \"countries.csv\"?",
            "notes.csv:1:1: warning: unknown file, ignored (a CSV folder holds indicators.csv, countries.csv and report.yaml)",
            "report.yaml:1:1: \"report.json\" is here too; keep one of them",
        ])
    }

    func testFileNamesIgnoreCase() {
        let files = ["Indicators.CSV": ValidCSV.indicators.replacingOccurrences(of: ",10,3", with: ",x,3"),
                     "COUNTRIES.csv": ValidCSV.countries, "Report.yml": ValidCSV.report]
        assertDiagnostics(checkCSV(files), ["Indicators.CSV:2:6: target: expected a whole number >= 0, found \"x\""])
    }

    func testReportFileRules() {
        let yaml = """
            title: T
            regions: [Africa, Arab States, Africa]
            colour: red
            outcomes:
              - id: "9"
                narrative: []
              - id: "4"
                title: Not here
                narrative: [{heading: ""}]
                outputs: [{category: C, items: [a, b]}]
              - {id: "4"}

            """
        assertDiagnostics(checkCSV(ValidCSV.with("report.yaml", yaml)), [
            "report.yaml:2:32: regions[2]: duplicate region \"Africa\" (first at line 2, column 11)",
            "report.yaml:3:1: warning: unknown key \"colour\"",
            "report.yaml:5:9: outcomes[0].id: outcome \"9\" is not in indicators.csv",
            "report.yaml:8:5: warning: outcomes[1]: key \"title\" is ignored here: outcome titles are in indicators.csv (column outcome_title)",
            "report.yaml:9:27: outcomes[1].narrative[0].heading: must not be empty",
            "report.yaml:11:10: outcomes[2].id: duplicate outcome id \"4\" (first at line 7)",
        ])
        assertDiagnostics(checkCSV(ValidCSV.with("report.yaml", "title: [x\n")), [
            "report.yaml:2:1: syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 8)",
        ])
        assertDiagnostics(checkCSV(ValidCSV.with("report.yaml", "- title\n")), [
            "report.yaml:1:1: expected a mapping at the top level, found a list",
        ])
        assertDiagnostics(checkCSV(ValidCSV.with("report.yaml", "title: T\nlanguage: en_US\n")), [
            "report.yaml:2:11: language: expected a language tag such as \"en\" or \"fr-CA\", found \"en_US\"",
        ])
    }

    func testNarrativeAndOutputsComeFromReportYAML() throws {
        let yaml = """
            title: T
            subtitle: S
            language: fr
            outcomes:
              - id: "4"
                narrative:
                  - heading: H
                    paragraphs: [p1, p2]
                outputs:
                  - category: C
                    items: [i1]

            """
        let report = try XCTUnwrap(checkCSV(ValidCSV.with("report.yaml", yaml)).report)
        XCTAssertEqual(report.subtitle, "S")
        XCTAssertEqual(report.language, "fr")
        XCTAssertEqual(report.outcomes[0].narrative, [NarrativeSection(heading: "H", paragraphs: ["p1", "p2"])])
        XCTAssertEqual(report.outcomes[0].outputs, [OutputCategory(category: "C", items: ["i1"])])
    }

    func testReportJSONInsteadOfYAML() {
        var files = ValidCSV.files
        files["report.yaml"] = nil
        files["report.json"] = #"{"title": "ILO programme implementation 2014–15"}"#
        XCTAssertEqual(checkCSV(files).report, ValidCSV.model)
        files["report.json"] = #"{"title": 3,}"#
        assertDiagnostics(checkCSV(files), ["report.json:1:13: unexpected '}', expected a key in double quotes"])
    }

    func testASingleFileIsNotCSVData() {
        assertDiagnostics(check(ValidCSV.indicators, .csv), [
            "test.csv:1:1: CSV data is a folder of files (indicators.csv, countries.csv, report.yaml), not one file; check it with checkCSV",
        ])
    }

    // MARK: Folders on disk

    func testCheckCSVFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in ReportCSVWriter.files(try sampleReport()) {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("README.txt"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("old.csv"), withIntermediateDirectories: true)
        let result = ReportLoader.checkCSV(folder: folder)
        assertDiagnostics(result, [])
        XCTAssertEqual(result.report, try sampleReport())

        try Data("x,y\n".utf8).write(to: folder.appendingPathComponent("extra.csv"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("report.yaml"))
        let withoutReport = ReportLoader.checkCSV(folder: folder)
        XCTAssertEqual(withoutReport.report?.title, folder.lastPathComponent)
        XCTAssertEqual(withoutReport.warnings.map(\.file), ["report.yaml", "extra.csv"])

        let missing = ReportLoader.checkCSV(folder: folder.appendingPathComponent("nope"))
        XCTAssertEqual(missing.errors.map(\.message), ["cannot open \(folder.path)/nope: no such folder"])
    }
}
