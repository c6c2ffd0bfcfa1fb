import Foundation

/// Runs Python scripts for the tests that check Folio's files with the real readers and writers
/// (python-pptx, openpyxl; Scripts/setup.sh installs them). The caller asserts on the status, so a
/// missing interpreter or module fails its test rather than skipping it.
public enum Python {
    public struct Run: Sendable {
        public var status: Int32
        public var output: Data
        public var errors: String
    }

    /// `python3 -c script arguments…`, both outputs read to the end.
    public static func run(_ script: String, _ arguments: [String] = []) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Standard error is read on another thread so that neither pipe can fill and block the script;
        // the group's wait orders that thread's write before the read below.
        let collected = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { collected.data = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return Run(status: process.terminationStatus, output: data, errors: String(decoding: collected.data, as: UTF8.self))
    }

    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}

/// A fresh path in the temporary folder.
public func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(UUID().uuidString)-\(name)")
}
