import FolioBuild
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `folio init`, `folio build` and `folio watch` as cron, CI and people run them: exit codes,
/// messages, files left behind, a kill mid-build, and a watch that follows an edit.
final class BuildCommandTests: XCTestCase {
    var project: BuildTestProject!

    override func setUpWithError() throws {
        try BuildTestProject.requireBinary()
        project = try BuildTestProject()
    }

    override func tearDown() { project = nil }

    func testInvalidDataExits65WithItsPositionAndKeepsTheOutputs() throws {
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A"))
        try project.write("data/b.yaml", BuildTestProject.report(title: "Report B"))
        try project.writeBuildFile("sources: {a: data/a.yaml, b: data/b.yaml}\ntargets:\n  - briefing: \"*\"\n")
        let first = try project.folio(["build"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("built Output/a.pdf (1 file changed"), first.stdout)
        let a = try project.read("Output/a.pdf")

        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A").replacingOccurrences(of: "target: 4", with: "target: four"))
        try project.write("data/b.yaml", BuildTestProject.report(title: "Report B", result: 7))
        let broken = try project.folio(["build"])
        XCTAssertEqual(broken.status, 65)
        XCTAssertTrue(broken.stderr.contains("data/a.yaml:8:17: outcomes[0].indicators[0].target: expected a whole number"), broken.stderr)
        XCTAssertTrue(broken.stderr.contains("Output/a.pdf not built; its previous output is kept"), broken.stderr)
        XCTAssertTrue(broken.stdout.contains("built Output/b.pdf"), broken.stdout)
        XCTAssertEqual(try project.read("Output/a.pdf"), a)
        let changes = try String(contentsOf: project.url("Output/changes.md"), encoding: .utf8)
        XCTAssertTrue(changes.contains("## Not updated") && changes.contains("data/a.yaml:8:17"), changes)

        let again = try project.folio(["build", "--log-format", "json"])
        XCTAssertEqual(again.status, 65, "still failing: cron keeps mailing until the data is fixed")
        let lines = again.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(lines.first?["event"] as? String, "planned")
        XCTAssertEqual(lines.last?["event"] as? String, "summary")
        XCTAssertEqual(lines.last?["failed"] as? [String], ["Output/a.pdf"])
    }

    func testBuildFileProblemsAndInit() throws {
        let none = try project.folio(["build"])
        XCTAssertEqual(none.status, 66)
        XCTAssertTrue(none.stderr.contains("no build file; `folio init` writes an example"), none.stderr)
        try project.write("folio.yaml", "sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    output: ../../x.pdf\n")
        let escaping = try project.folio(["build"])
        XCTAssertEqual(escaping.status, 65)
        XCTAssertTrue(escaping.stderr.contains("folio.yaml:5:13: targets[0].output: ../../x.pdf is outside the project folder"), escaping.stderr)
        XCTAssertEqual(try project.folio(["build", "--shard", "3/2"]).status, 64)

        let initialized = try project.folio(["init", "-C", "fresh"])
        XCTAssertEqual(initialized.status, 0, initialized.stderr)
        XCTAssertEqual(try project.folio(["init", "-C", "fresh"]).status, 73, "init never overwrites a build file")
        let dry = try project.folio(["build", "-C", "fresh", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout.split(separator: "\n").filter { $0.hasPrefix("would build ") }.count, 4, dry.stdout)
        XCTAssertFalse(project.exists("fresh/Output/outcome4.pdf"))
    }

    /// SIGKILL in the middle of a build: every output is the old file or a whole new one, and the
    /// next build cleans up and finishes the job.
    func testKillingABuildMidwayLeavesOnlyWholeFiles() throws {
        let synthesize = try project.folio(["synthesize", "--outcomes", "6", "--countries", "60", "-o", "data/big.json"])
        XCTAssertEqual(synthesize.status, 0, synthesize.stderr)
        try project.age("data/big.json", by: 60)
        try project.writeBuildFile("""
            sources: {big: data/big.json}
            targets:
              - briefing: big
              - countries: big
              - charts: big
                style: styles/small.yaml
                formats: [png, svg]
            """)
        let start = Date()
        let first = try project.folio(["build"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let firstSeconds = Date().timeIntervalSince(start)

        // Two kills: just after the first target is written (the others mid-render), and as soon as
        // the country folder starts to change (its files mid-rename).
        for (round, outcomes) in [7, 8].enumerated() {
            let old = try project.outputs()
            XCTAssertGreaterThan(old.count, 60)
            let resynthesize = try project.folio(["synthesize", "--outcomes", "\(outcomes)", "--countries", "60", "-o", "data/big.json"])
            XCTAssertEqual(resynthesize.status, 0)
            let process = Process()
            process.executableURL = BuildTestProject.folio
            process.arguments = ["build", "--jobs", "2"]
            process.currentDirectoryURL = project.folder
            let lines = try LogFile(project.url("kill-build-\(round).log"))
            process.standardOutput = lines.handle
            process.standardError = FileHandle.nullDevice
            try process.run()
            let countryFile = project.url("Output/big-countries/" + (old.keys.sorted().first { $0.hasPrefix("big-countries/") }!
                .dropFirst("big-countries/".count)))
            let oldCountry = old["big-countries/" + countryFile.lastPathComponent]
            let deadline = Date().addingTimeInterval(max(3, firstSeconds * 1.5))
            while Date() < deadline {
                if round == 0 ? lines.text.contains("built ") : (try? Data(contentsOf: countryFile)) != oldCountry { break }
                usleep(2_000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit {
                // A machine fast enough to finish first still must leave a good folder.
                XCTAssertEqual(process.terminationStatus, 0)
                print("kill test, round \(round + 1): the build ended before the kill")
            }

            let afterKill = try project.outputs()
            var replaced = 0
            for (path, bytes) in afterKill {
                if old[path] == bytes { continue }
                replaced += 1
                XCTAssertTrue(Self.isWhole(bytes, path: path), "\(path) is not a whole file")
            }
            print("kill test, round \(round + 1): \(replaced) of \(afterKill.count) outputs were new when the build was killed")

            let finish = try project.folio(["build"])
            XCTAssertEqual(finish.status, 0, finish.stderr)
            let hidden = try Self.hiddenFiles(in: project.url("Output"))
                .filter { ![".folio-state.json", ".folio-state.lock", ".folio-snapshots"].contains($0) }
            XCTAssertEqual(hidden, [], "temporary files of the killed build are cleaned up")
        }
        let forced = try project.folio(["build", "--force", "--log-format", "json"])
        XCTAssertEqual(forced.status, 0)
        let summary = try XCTUnwrap(forced.stdout.split(separator: "\n").last.flatMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        })
        XCTAssertEqual(summary["changed_outputs"] as? [String], [], "after the kills and a build each, everything is current")
    }

    func testWatchRebuildsOnAnEditAndGoesOnAfterAnError() throws {
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A"))
        try project.writeBuildFile("sources: {a: data/a.yaml}\ntargets:\n  - briefing: a\n")
        let process = Process()
        process.executableURL = BuildTestProject.folio
        process.arguments = ["watch", "--debounce", "100", "--jobs", "1"]
        process.currentDirectoryURL = project.folder
        let stdout = try LogFile(project.url("watch.out")), stderr = try LogFile(project.url("watch.err"))
        process.standardOutput = stdout.handle
        process.standardError = stderr.handle
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        XCTAssertTrue(wait { stdout.text.contains("watching") && self.project.exists("Output/a.pdf") }, stdout.text + stderr.text)
        let first = try project.read("Output/a.pdf")

        // An editor's save: a new file renamed over the old one.
        try Data(BuildTestProject.report(title: "Report A", result: 8).utf8).write(to: project.url("data/.a.yaml.swp"))
        XCTAssertEqual(rename(project.url("data/.a.yaml.swp").path, project.url("data/a.yaml").path), 0)
        XCTAssertTrue(wait { (try? self.project.read("Output/a.pdf")) != first }, stdout.text + stderr.text)
        let second = try project.read("Output/a.pdf")
        // Whether the save made one build or two shows after a later change: the save's events all
        // come before it, so a second build for the save would come first or be merged into the
        // build for this change. The build file written again as it was renders nothing.
        try project.write("folio.yaml", try String(contentsOf: project.url("folio.yaml"), encoding: .utf8))
        XCTAssertTrue(wait { stdout.text.components(separatedBy: "folio watch: watching").count - 1 == 3 }, stdout.text + stderr.text)
        let changes = stdout.text.split(separator: "\n").filter { $0.hasPrefix("folio watch: changed:") }
        XCTAssertEqual(changes, ["folio watch: changed: a.yaml", "folio watch: changed: folio.yaml"], stdout.text)
        let builds = stdout.text.components(separatedBy: "built Output/a.pdf").count - 1
        XCTAssertEqual(builds, 2, "the first build, then one for the save (write + rename): \(stdout.text)")

        try Data("title: [broken\n".utf8).write(to: project.url("data/a.yaml"))
        XCTAssertTrue(wait { stderr.text.contains("data/a.yaml:") }, stderr.text)
        XCTAssertEqual(try project.read("Output/a.pdf"), second)

        try Data(BuildTestProject.report(title: "Report A", result: 9).utf8).write(to: project.url("data/a.yaml"))
        XCTAssertTrue(wait { (try? self.project.read("Output/a.pdf")) != second }, stdout.text + stderr.text)

        kill(process.processIdentifier, SIGINT)
        XCTAssertTrue(wait { !process.isRunning })
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
    }

    /// Polls `condition` for up to a minute (the machine may be busy; this is no timing test).
    func wait(_ condition: @escaping () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// A whole PDF ends with %%EOF, a PNG with its IEND chunk, an SVG with </svg>, JSON parses.
    static func isWhole(_ bytes: Data, path: String) -> Bool {
        let tail = String(decoding: bytes.suffix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch (path as NSString).pathExtension {
        case "pdf": return bytes.starts(with: Data("%PDF-".utf8)) && tail.hasSuffix("%%EOF")
        case "png": return bytes.count > 12 && bytes.suffix(12) == Data([0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        case "svg": return tail.hasSuffix("</svg>")
        case "json": return (try? JSONSerialization.jsonObject(with: bytes)) != nil
        default: return false
        }
    }

    static func hiddenFiles(in folder: URL) throws -> [String] {
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if (path as NSString).lastPathComponent.hasPrefix(".") && !path.contains(".folio-snapshots/") { found.append(path) }
        }
        return found
    }
}

/// A child process's output, sent to a file (pipes' readability handlers are unreliable on Linux)
/// and read back as it grows.
final class LogFile {
    let url: URL
    let handle: FileHandle

    init(_ url: URL) throws {
        self.url = url
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
    }

    deinit { try? handle.close() }

    var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
}
