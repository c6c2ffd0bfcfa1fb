@testable import FolioBuild
import FolioModel
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// What `folio build` renders, and what it leaves alone.
final class IncrementalBuildTests: XCTestCase {
    var project: BuildTestProject!

    override func setUpWithError() throws {
        project = try BuildTestProject()
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A"))
        try project.write("data/b.yaml", BuildTestProject.report(title: "Report B", result: 3))
        try project.writeBuildFile("""
            sources:
              a: data/a.yaml
              b: data/b.yaml
            targets:
              - briefing: "*"
                output: Output/{name}.pdf
              - countries: a
              - charts: [a, b]
                style: styles/small.yaml
                formats: [png, svg]
                scales: [1]
            """)
    }

    override func tearDown() { project = nil }

    func testSecondBuildWithNothingChangedRendersNothingAndReadsNoData() throws {
        let first = try project.build()
        XCTAssertEqual(first.exitCode, 0, "\(first.failed)")
        XCTAssertEqual(first.built.map(\.id).sorted(), ["Output/a-charts", "Output/a-countries", "Output/a.pdf",
                                                        "Output/b-charts", "Output/b.pdf"])
        let before = try project.outputs()
        XCTAssertTrue(before.keys.contains("a-countries/ghana.pdf"), "\(before.keys.sorted())")
        XCTAssertTrue(before.keys.contains("b-charts/charts.json"))

        let second = try project.build()
        XCTAssertEqual(second.built.map(\.id), [])
        XCTAssertEqual(second.fresh.count, 5)
        XCTAssertEqual(second.bytesHashed, 0, "a no-op build reads no data, style or font file")
        XCTAssertEqual(try project.outputs(), before)

        // Only the modification time changed: the content hash says fresh.
        try project.age("data/a.yaml", by: 30)
        XCTAssertEqual(try project.build().built.map(\.id), [])
    }

    func testEditingOneSourceRerendersOnlyItsTargets() throws {
        XCTAssertEqual(try project.build().exitCode, 0)
        let a = try project.read("Output/a.pdf")
        try project.write("data/b.yaml", BuildTestProject.report(title: "Report B", result: 4))
        let summary = try project.build()
        XCTAssertEqual(summary.built.map(\.id).sorted(), ["Output/b-charts", "Output/b.pdf"])
        XCTAssertEqual(try project.read("Output/a.pdf"), a)
        XCTAssertTrue(summary.changedOutputs.contains("Output/b.pdf"), "\(summary.changedOutputs)")
    }

    func testAStyleChangeRerendersEveryTargetUsingIt() throws {
        XCTAssertEqual(try project.build().exitCode, 0)
        let chart = try project.read("Output/a-charts/outcome-1-targets.png")
        try project.write("styles/small.yaml", "extends: default\ncharts:\n  width: 320\n  height: 200\n")
        let summary = try project.build()
        XCTAssertEqual(summary.built.map(\.id).sorted(), ["Output/a-charts", "Output/b-charts"])
        XCTAssertNotEqual(try project.read("Output/a-charts/outcome-1-targets.png"), chart)
    }

    func testEditionsInThreeLanguagesRebuildOnlyTheOneWhoseCatalogueChanged() throws {
        try FileManager.default.createDirectory(at: project.url("words"), withIntermediateDirectories: true)
        try project.write("words/fr.yaml", "language: fr\nmessages:\n  contents.title: Sommaire\n")
        try project.writeBuildFile("""
            catalogues: words
            sources:
              a: data/a.yaml
            targets:
              - briefing: a
                languages: [en, fr, es]
                output: Output/a-{lang}.pdf
            """)
        let first = try project.build()
        XCTAssertEqual(first.exitCode, 0, "\(first.failed)")
        XCTAssertEqual(first.built.map(\.id).sorted(), ["Output/a-en.pdf", "Output/a-es.pdf", "Output/a-fr.pdf"])
        func text(_ name: String) throws -> String {
            let run = Process()
            run.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            run.arguments = [project.url(name).path, "-"]
            let pipe = Pipe()
            run.standardOutput = pipe
            try run.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            run.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        XCTAssertTrue(try text("Output/a-fr.pdf").contains("Sommaire"), "the project's catalogue overrides the bundled key")
        XCTAssertTrue(try text("Output/a-es.pdf").contains("Índice"))
        XCTAssertTrue(try text("Output/a-en.pdf").contains("Contents"))

        try project.write("words/fr.yaml", "language: fr\nmessages:\n  contents.title: Table\n")
        let second = try project.build()
        XCTAssertEqual(second.built.map(\.id), ["Output/a-fr.pdf"], "only the French edition's words changed")
        XCTAssertEqual(second.fresh.sorted(), ["Output/a-en.pdf", "Output/a-es.pdf"])
        XCTAssertTrue(try text("Output/a-fr.pdf").contains("Table"))
    }

    func testAStylesCatalogueIsAnInputOfTheTargetsUsingIt() throws {
        try FileManager.default.createDirectory(at: project.url("styles/words"), withIntermediateDirectories: true)
        try project.write("styles/brand.yaml", "extends: default\ncatalogues: words\n")
        try project.write("styles/words/fr.yaml", "language: fr\nmessages:\n  contents.title: Sommaire\n")
        try project.writeBuildFile("""
            sources:
              a: data/a.yaml
            targets:
              - briefing: a
                style: styles/brand.yaml
                languages: [fr]
                output: Output/a-brand-{lang}.pdf
              - briefing: a
                languages: [fr]
                output: Output/a-{lang}.pdf
            """)
        XCTAssertEqual(try project.build().built.count, 2)
        XCTAssertEqual(try project.build().built.count, 0, "nothing changed")
        try project.write("styles/words/fr.yaml", "language: fr\nmessages:\n  contents.title: Table\n")
        let rebuilt = try project.build()
        XCTAssertEqual(rebuilt.built.map(\.id), ["Output/a-brand-fr.pdf"], "only the target whose style names the folder")
    }

    func testAStylesLogoIsAnInputOfTheTargetsUsingIt() throws {
        let logos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assets/samples/brand")
        try FileManager.default.createDirectory(at: project.url("styles"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: logos.appendingPathComponent("logo.svg"), to: project.url("styles/logo.svg"))
        try project.write("styles/brand.yaml", "extends: default\nlogo: {file: logo.svg, width: 80}\n")
        try project.writeBuildFile("""
            sources:
              a: data/a.yaml
            targets:
              - briefing: a
                style: styles/brand.yaml
                output: Output/a-brand.pdf
              - briefing: a
                output: Output/a.pdf
            """)
        XCTAssertEqual(try project.build().built.count, 2)
        XCTAssertEqual(try project.build().built.count, 0, "nothing changed")
        let svg = try String(contentsOf: project.url("styles/logo.svg"), encoding: .utf8)
        try project.write("styles/logo.svg", svg.replacingOccurrences(of: "#F2A541", with: "#D55E00"))
        let rebuilt = try project.build()
        XCTAssertEqual(rebuilt.built.map(\.id), ["Output/a-brand.pdf"], "only the target whose style shows the logo")
    }

    func testADeletedOrEditedOutputIsMadeAgain() throws {
        XCTAssertEqual(try project.build().exitCode, 0)
        let briefing = try project.read("Output/b.pdf")
        try FileManager.default.removeItem(at: project.url("Output/a-countries/togo.pdf"))
        try Data("scribble".utf8).write(to: project.url("Output/b.pdf"))
        let summary = try project.build()
        XCTAssertEqual(summary.built.map(\.id).sorted(), ["Output/a-countries", "Output/b.pdf"])
        XCTAssertEqual(try project.read("Output/b.pdf"), briefing, "same inputs, same bytes")
        XCTAssertTrue(project.exists("Output/a-countries/togo.pdf"))
    }

    func testAnInvalidSourceKeepsItsOutputsAndTheOthersStillBuild() throws {
        XCTAssertEqual(try project.build().exitCode, 0)
        let before = try project.outputs()
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A").replacingOccurrences(of: "target: 4", with: "target: four"))
        try project.write("data/b.yaml", BuildTestProject.report(title: "Report B", result: 9))
        let summary = try project.build()
        XCTAssertEqual(summary.exitCode, 65)
        XCTAssertEqual(Set(summary.failed.map(\.id)), ["Output/a.pdf", "Output/a-countries", "Output/a-charts"])
        let message = summary.failed[0].messages.joined(separator: "\n")
        XCTAssertTrue(message.contains("data/a.yaml:8:17: outcomes[0].indicators[0].target:"), message)
        XCTAssertEqual(summary.built.map(\.id).sorted(), ["Output/b-charts", "Output/b.pdf"])
        let after = try project.outputs()
        for (path, bytes) in before where path.hasPrefix("a") {
            XCTAssertEqual(after[path], bytes, "\(path) must stay byte-identical")
        }
        XCTAssertNotEqual(after["b.pdf"], before["b.pdf"])
        // Failed targets stay stale: fixing the data builds them.
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A", result: 6))
        let fixed = try project.build()
        XCTAssertEqual(fixed.exitCode, 0)
        XCTAssertEqual(fixed.built.map(\.id).sorted(), ["Output/a-charts", "Output/a-countries", "Output/a.pdf"])
    }

    func testAMissingSourceFailsOnlyItsTargets() throws {
        try FileManager.default.removeItem(at: project.url("data/b.yaml"))
        let summary = try project.build()
        XCTAssertEqual(summary.exitCode, 66)
        XCTAssertEqual(Set(summary.failed.map(\.id)), ["Output/b.pdf", "Output/b-charts"])
        XCTAssertTrue(summary.failed[0].messages[0].contains("folio.yaml:4:3: sources.b: cannot open data/b.yaml"),
                      summary.failed[0].messages[0])
        XCTAssertEqual(summary.built.count, 3)
    }

    func testAnOversizedSourceIsRefusedUnread() throws {
        XCTAssertEqual(try project.build().exitCode, 0)
        let handle = try FileHandle(forWritingTo: project.url("data/b.yaml"))
        try handle.truncate(atOffset: 17 << 20)
        try handle.close()
        let summary = try project.build()
        XCTAssertEqual(summary.exitCode, 65)
        XCTAssertEqual(Set(summary.failed.map(\.id)), ["Output/b.pdf", "Output/b-charts"])
        XCTAssertEqual(summary.failed[0].messages, ["data/b.yaml: file is larger than the limit of 16 MiB"])
        XCTAssertEqual(summary.bytesHashed, 0)
    }

    func testACSVFolderSourceIsFingerprintedByItsFiles() throws {
        let report = try XCTUnwrap(ReportLoader.check(data: Data(BuildTestProject.report(title: "CSV").utf8), fileName: "c.yaml",
                                                      format: .yaml).report)
        try FileManager.default.createDirectory(at: project.url("data/c"), withIntermediateDirectories: true)
        for (name, text) in ReportCSVWriter.files(report) { try project.write("data/c/" + name, text) }
        try project.writeBuildFile("sources: {c: data/c/}\ntargets:\n  - briefing: c\n")
        XCTAssertEqual(try project.build().built.map(\.id), ["Output/c.pdf"])
        XCTAssertEqual(try project.build().bytesHashed, 0)
        try project.write("data/c/countries.csv", try String(contentsOf: project.url("data/c/countries.csv"), encoding: .utf8)
                          .replacingOccurrences(of: "Peru", with: "Chile"))
        let summary = try project.build()
        XCTAssertEqual(summary.built.map(\.id), ["Output/c.pdf"])
        XCTAssertEqual(summary.changes.first?.changed.first?.countriesAdded, [DataChanges.CountryInRegion(region: "Americas", country: "Chile")])
        // A CSV error names the folder, the file, the line and the field.
        try project.write("data/c/indicators.csv", try String(contentsOf: project.url("data/c/indicators.csv"), encoding: .utf8)
                          .replacingOccurrences(of: ",4,", with: ",four,"))
        let broken = try project.build()
        XCTAssertEqual(broken.exitCode, 65)
        XCTAssertTrue(broken.failed.first?.messages.first?.hasPrefix("data/c/indicators.csv:2:") == true, "\(broken.failed)")
    }

    func testASourcePatternMakesOneSourcePerFileAndPicksUpNewOnes() throws {
        try project.writeBuildFile("sources:\n  extra: data/b.yaml\n  reports: data/r-*.yaml\ntargets:\n  - briefing: reports\n")
        try project.write("data/r-one.yaml", BuildTestProject.report(title: "One"))
        XCTAssertEqual(try project.project().sources.map(\.name), ["extra", "r-one"])
        XCTAssertEqual(try project.build().built.map(\.id), ["Output/r-one.pdf"])
        try project.write("data/r-two.yaml", BuildTestProject.report(title: "Two"))
        XCTAssertEqual(try project.build().built.map(\.id), ["Output/r-two.pdf"], "a new file is a new source; r-one stays fresh")

        try project.writeBuildFile("sources:\n  r-one: data/a.yaml\n  reports: data/r-*.yaml\ntargets: []\n")
        XCTAssertThrowsError(try project.project()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("folio.yaml:4:12: sources.reports: data/r-one.yaml would be source \"r-one\", already defined on line 3"), text)
        }
        try project.writeBuildFile("sources:\n  reports: data/*/x*.yaml\ntargets: []\n")
        XCTAssertThrowsError(try project.project())
    }

    func testASourceThatIsNoRegularFileIsRefusedWithoutBlocking() throws {
        try FileManager.default.removeItem(at: project.url("data/b.yaml"))
        XCTAssertEqual(mkfifo(project.url("data/b.yaml").path, 0o644), 0)
        let summary = try project.build()
        XCTAssertEqual(summary.exitCode, 66)
        XCTAssertEqual(Set(summary.failed.map(\.id)), ["Output/b.pdf", "Output/b-charts"])
        XCTAssertEqual(summary.failed.first?.reason, .unreadableSource)
    }

    func testACountryGoneFromTheDataLosesItsBriefing() throws {
        XCTAssertEqual(try project.build().exitCode, 0)
        XCTAssertTrue(project.exists("Output/a-countries/togo.pdf"))
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A", countries: ["Africa": ["Ghana"], "Americas": ["Peru"]]))
        let summary = try project.build()
        XCTAssertEqual(summary.built.first { $0.id == "Output/a-countries" }?.removed, ["Output/a-countries/togo.pdf"])
        XCTAssertFalse(project.exists("Output/a-countries/togo.pdf"))
    }

    func testAsyncCallersAndABusyProject() async throws {
        let build = Build(project: try project.project(), options: BuildOptions(jobs: 2))
        let summary = try await build.runDetached()
        XCTAssertEqual(summary.built.count, 5)
        // A build of the same project while one holds the lock is refused, not interleaved.
        try await whileLocked(project.url("Output/.folio-state.lock")) {
            do {
                _ = try await build.runDetached()
                XCTFail("expected the project to be busy")
            } catch BuildError.busy(let file) {
                XCTAssertTrue(file.hasSuffix("Output/.folio-state.lock"))
            }
        }
        let again = try await build.runDetached()
        XCTAssertEqual(again.built.count, 0)
    }

    /// Holds the lock another build would hold, for the length of `body`.
    func whileLocked(_ url: URL, _ body: () async throws -> Void) async throws {
        let lock = try BuildLock(url)
        try await body()
        withExtendedLifetime(lock) {}
    }

    func testADamagedStateFileCannotDeleteFilesOutsideATarget() throws {
        XCTAssertEqual(try project.build().exitCode, 0)
        try project.write("victim.txt", "keep me")
        try project.write("Output/a-countries/notes.txt", "mine")
        let stateURL = project.url("Output/.folio-state.json")
        var state = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: stateURL)) as? [String: Any])
        var targets = try XCTUnwrap(state["targets"] as? [String: Any])
        var record = try XCTUnwrap(targets["Output/a-countries"] as? [String: Any])
        var outputs = try XCTUnwrap(record["outputs"] as? [String: Any])
        let any = try XCTUnwrap(outputs.values.first)
        for path in ["victim.txt", "Output/a-countries/../../victim.txt", "Output/a.pdf"] { outputs[path] = any }
        record["outputs"] = outputs
        record["inputs"] = "stale"
        targets["Output/a-countries"] = record
        state["targets"] = targets
        try JSONSerialization.data(withJSONObject: state).write(to: stateURL)
        // Garbage in the state is not an error either: the build starts over.
        let summary = try project.build()
        XCTAssertEqual(summary.built.map(\.id), ["Output/a-countries"])
        XCTAssertTrue(project.exists("victim.txt"))
        XCTAssertTrue(project.exists("Output/a.pdf"))
        XCTAssertTrue(project.exists("Output/a-countries/notes.txt"), "a file Folio never wrote stays")
        try Data("{not json".utf8).write(to: stateURL)
        XCTAssertEqual(try project.build().built.count, 5)
    }

    func testForceAndDryRun() throws {
        let dry = try project.build(BuildOptions(dryRun: true))
        XCTAssertEqual(dry.wouldBuild.count, 5)
        XCTAssertFalse(project.exists("Output/a.pdf"), "a dry run writes nothing")
        XCTAssertEqual(try project.build().built.count, 5)
        XCTAssertEqual(try project.build(BuildOptions(dryRun: true)).wouldBuild, [])
        let forced = try project.build(BuildOptions(force: true, jobs: 2))
        XCTAssertEqual(forced.built.count, 5)
        XCTAssertEqual(forced.changedOutputs, [], "the same inputs render the same bytes, which are not rewritten")
    }
}
