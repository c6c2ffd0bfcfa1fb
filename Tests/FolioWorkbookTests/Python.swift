import FolioTestSupport
import Foundation
import XCTest

/// Runs a Python script (openpyxl is a real reader and writer of .xlsx; Scripts/setup.sh installs it)
/// and hands back its standard output. A missing interpreter or module fails the test.
func runPython(_ script: String, _ arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> Data {
    let run = try Python.run(script, arguments)
    XCTAssertEqual(run.status, 0, "python3 failed (Scripts/setup.sh installs openpyxl): \(run.errors)", file: file, line: line)
    return run.output
}
