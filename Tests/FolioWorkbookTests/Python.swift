import Foundation
import XCTest

/// Runs a Python script (openpyxl is a real reader and writer of .xlsx; Scripts/setup.sh installs it)
/// and hands back its standard output. A missing interpreter or module fails the test.
func runPython(_ script: String, _ arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "python3 failed (Scripts/setup.sh installs openpyxl): \(message)", file: file, line: line)
    return data
}

/// A fresh path in the temporary folder.
func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(UUID().uuidString)-\(name)")
}
