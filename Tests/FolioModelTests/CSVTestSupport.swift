import Foundation
import XCTest
import FolioModel

/// Runs `checkCSV` on inline files (name → text).
func checkCSV(_ files: [String: String], defaultTitle: String? = nil, options: LoadOptions = LoadOptions()) -> CheckResult {
    ReportLoader.checkCSV(files: files.mapValues { Data($0.utf8) }, defaultTitle: defaultTitle, options: options)
}

/// A valid CSV folder matching `validYAML`; tests that need one problem change one file.
enum ValidCSV {
    static let report = """
        title: ILO programme implementation 2014–15

        """
    static let indicators = """
        outcome,outcome_title,indicator,description,unit,target,result
        4,More people have access to social security,4.1,Number of member States that improve their social security,,10,3

        """
    static let countries = """
        indicator,region,country,territory
        4.1,Africa,Ethiopia,
        4.1,Africa,Niger,
        4.1,Arab States,Occupied Palestinian Territory,yes

        """

    static var files: [String: String] {
        ["report.yaml": report, "indicators.csv": indicators, "countries.csv": countries]
    }

    /// `files` with one file replaced.
    static func with(_ name: String, _ text: String) -> [String: String] {
        var files = self.files
        files[name] = text
        return files
    }

    /// The report `validYAML` loads to.
    static var model: Report {
        check(validYAML).report!
    }
}

/// A sample data file (Assets/samples), loaded from YAML.
func sampleReport(_ name: String = "outcome4.yaml") throws -> Report {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Assets/samples/" + name)
    let result = ReportLoader.check(data: try Data(contentsOf: url), fileName: name, format: .yaml)
    XCTAssertEqual(result.warnings, [], name)
    return try XCTUnwrap(result.report, "\(result.diagnostics)")
}
