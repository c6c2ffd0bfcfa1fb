@testable import FolioBuild
import FolioModel
import Foundation
import XCTest

/// A project folder in /tmp with small reports, a small chart style and a folio.yaml, for driving
/// builds in-process (and the folio binary, for exit codes, kills and watch).
final class BuildTestProject {
    let folder: URL
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The binary the tests run: `.build/debug/folio`, or `FOLIO_BINARY` (Scripts/test.sh points it at
    /// the ThreadSanitizer build, so that the builds and watches the tests start are checked too).
    static let folio = ProcessInfo.processInfo.environment["FOLIO_BINARY"].map { URL(fileURLWithPath: $0) }
        ?? packageRoot.appendingPathComponent(".build/debug/folio")

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-build-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("styles"), withIntermediateDirectories: true)
        // Small charts keep the tests quick; the style extends the bundled default.
        try write("styles/small.yaml", "extends: default\ncharts:\n  width: 320\n  height: 180\n")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    /// Writes a file and dates it a minute back, as data edited earlier would be (files changed in
    /// the last two seconds are never trusted by stamp, so would always be read).
    func write(_ path: String, _ text: String, age seconds: TimeInterval = 60) throws {
        try Data(text.utf8).write(to: url(path))
        try age(path, by: seconds)
    }

    func age(_ path: String, by seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: url(path).path)
    }

    func read(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url(path).path) }

    /// A one-outcome report: indicator 1.1 with `result` and the given countries by region, and 1.2 fixed.
    static func report(title: String, result: Int = 5, target: Int = 4,
                       countries: [String: [String]] = ["Africa": ["Ghana", "Togo"], "Americas": ["Peru"]]) -> String {
        var text = """
            title: \(title)
            outcomes:
              - id: "1"
                title: Better data
                indicators:
                  - id: "1.1"
                    description: Countries that improve their statistics
                    target: \(target)
                    result: \(result)
                    countries:

            """
        for region in countries.keys.sorted() {
            text += "          \(region):\n"
            for name in countries[region]! { text += "            - \(name)\n" }
        }
        text += """
                  - id: "1.2"
                    description: Countries that publish a survey
                    target: 2
                    countries:
                      Europe-Central Asia: [Slovakia]

            """
        return text
    }

    func writeBuildFile(_ text: String) throws {
        try write("folio.yaml", "date: 2016-03-01\n" + text)
    }

    func project() throws -> Project { try Project.load(directory: folder) }

    @discardableResult
    func build(_ options: BuildOptions = BuildOptions(jobs: 2)) throws -> BuildSummary {
        try Build(project: try project(), options: options).run()
    }

    /// Every regular file under `Output/` (relative path → bytes), hidden state files left out.
    func outputs(in folderName: String = "Output") throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = url(folderName)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [:] }
        for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let relative = String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try Data(contentsOf: file)
        }
        return files
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built folio binary in the project folder.
    func folio(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.folio
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static func requireBinary() throws {
        guard FileManager.default.isExecutableFile(atPath: folio.path) else {
            XCTFail("build the folio binary first (swift build --product folio): no \(folio.path)")
            throw XCTSkip("no folio binary")
        }
    }
}
