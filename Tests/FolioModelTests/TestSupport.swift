import Foundation
import XCTest
import FolioModel

/// Runs `check` on inline text, named test.yaml / test.json so expected messages read naturally.
func check(_ text: String, _ format: InputFormat = .yaml, options: LoadOptions = LoadOptions()) -> CheckResult {
    check(data: Data(text.utf8), format, options: options)
}

func check(data: Data, _ format: InputFormat = .yaml, options: LoadOptions = LoadOptions()) -> CheckResult {
    ReportLoader.check(data: data, fileName: "test.\(format.rawValue)", format: format, options: options)
}

/// Compares full `file:line:column: path: message` lines: text, position, path and severity at once.
func assertDiagnostics(_ result: CheckResult, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(result.diagnostics.map(\.description), expected, file: file, line: line)
}

/// A valid report; tests that need one problem change one line of it.
let validYAML = """
    title: ILO programme implementation 2014–15
    outcomes:
      - id: "4"
        title: More people have access to social security
        indicators:
          - id: "4.1"
            description: Number of member States that improve their social security
            target: 10
            result: 3
            countries:
              Africa: [Ethiopia, Niger]
              Arab States: [{name: Occupied Palestinian Territory, territory: true}]

    """

/// `validYAML` with one line replaced (1-based), keeping every other line where it was.
func validYAML(replacingLine number: Int, with text: String) -> String {
    var lines = validYAML.components(separatedBy: "\n")
    lines[number - 1] = text
    return lines.joined(separator: "\n")
}
