@testable import FolioBuild
import FolioModel
import Foundation
import XCTest

/// changes.md / changes.json, and `--shard K/N`.
final class ChangesAndShardTests: XCTestCase {
    var project: BuildTestProject!

    override func setUpWithError() throws {
        project = try BuildTestProject()
    }

    override func tearDown() { project = nil }

    func testChangesListAnEditedResultAndAnAddedCountry() throws {
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A", result: 5))
        try project.writeBuildFile("sources:\n  a: data/a.yaml\ntargets:\n  - briefing: a\n")
        XCTAssertEqual(try project.build().exitCode, 0)
        let first = try String(contentsOf: project.url("Output/changes.md"), encoding: .utf8)
        XCTAssertTrue(first.contains("First build of this source: 2 indicators"), first)

        try project.write("data/a.yaml", BuildTestProject.report(
            title: "Report A", result: 6, countries: ["Africa": ["Ghana", "Kenya", "Togo"], "Americas": []]))
        let summary = try project.build()
        XCTAssertEqual(summary.changes.count, 1)
        let markdown = try String(contentsOf: project.url("Output/changes.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("### Indicator 1.1 (outcome 1)"), markdown)
        XCTAssertTrue(markdown.contains("- Result: 5 → 6"), markdown)
        XCTAssertTrue(markdown.contains("- Countries added: Kenya (Africa)"), markdown)
        XCTAssertTrue(markdown.contains("- Countries removed: Peru (Americas)"), markdown)
        XCTAssertFalse(markdown.contains("Target:"), "the target did not change: \(markdown)")
        XCTAssertFalse(markdown.contains("Indicator 1.2"), "1.2 did not change: \(markdown)")
        XCTAssertTrue(markdown.contains("- written: `Output/a.pdf`"), markdown)

        struct Body: Decodable { var changes: [DataChanges] }
        let json = try JSONDecoder().decode(Body.self, from: project.read("Output/changes.json"))
        let change = try XCTUnwrap(json.changes.first?.changed.first)
        XCTAssertEqual(change.result, DataChanges.NumberChange(old: 5, new: 6))
        XCTAssertEqual(change.countriesAdded, [DataChanges.CountryInRegion(region: "Africa", country: "Kenya")])

        // The briefing carries the data fingerprint in its metadata.
        let pdf = String(decoding: try project.read("Output/a.pdf"), as: UTF8.self)
        XCTAssertTrue(pdf.contains(SHA256.hex(try project.read("data/a.yaml"))), "fingerprint in the PDF keywords")

        // A no-op build leaves the report of the last update in place.
        XCTAssertEqual(try project.build().built.count, 0)
        XCTAssertEqual(try String(contentsOf: project.url("Output/changes.md"), encoding: .utf8), markdown)
    }

    func testTheChangesPageFollowsTheDataNotTheStyle() throws {
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A", result: 5))
        try project.writeBuildFile("""
            sources:
              a: data/a.yaml
            targets:
              - briefing: a
                style: styles/small.yaml
                changes_page: true
            """)
        XCTAssertEqual(try project.build().exitCode, 0)
        XCTAssertTrue(try pdfText("Output/a.pdf").contains("Changes in this version This is the first version of this data: 2 indicators."))
        XCTAssertEqual(try project.build().built.count, 0, "fresh after a first build with a changes page")

        try project.write("data/a.yaml", BuildTestProject.report(
            title: "Report A", result: 6, countries: ["Africa": ["Ghana", "Kenya", "Togo"], "Americas": []]))
        XCTAssertEqual(try project.build().built.count, 1)
        let expected = "Indicator 1.1 (outcome 1): result 5 → 6; added Kenya (Africa); removed Peru (Americas)."
        let text = try pdfText("Output/a.pdf")
        XCTAssertTrue(text.contains(expected), text)
        XCTAssertEqual(try project.build().built.count, 0, "fresh: the page's base is recorded")

        // A style change renders the briefing again; the page still shows the last data change.
        try project.write("styles/small.yaml", "extends: default\ncharts:\n  width: 330\n  height: 180\n")
        XCTAssertEqual(try project.build().built.count, 1)
        XCTAssertTrue(try pdfText("Output/a.pdf").contains(expected))
        XCTAssertEqual(try project.build().built.count, 0)
    }

    /// The PDF's text in reading order, whitespace collapsed (poppler's pdftotext).
    func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext", "-raw", project.url(path).path, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func testAnIndicatorAddedAndRemovedIsListed() {
        let old = DataSnapshot(report: Report(title: "T", outcomes: [Outcome(id: "1", title: "O", indicators: [
            Indicator(id: "1.1", description: "a", target: 3, result: 2), Indicator(id: "1.2", description: "b", target: 1),
        ])]), fingerprint: "old")
        let new = DataSnapshot(report: Report(title: "T", outcomes: [Outcome(id: "1", title: "O", indicators: [
            Indicator(id: "1.3", description: "c", target: 1), Indicator(id: "1.1", description: "a", target: 4, result: nil),
        ])]), fingerprint: "new")
        let changes = DataChanges(source: "s", path: "s.yaml", previous: old, current: new)
        XCTAssertEqual(changes.added.map(\.id), ["1.3"])
        XCTAssertEqual(changes.removed.map(\.id), ["1.2"])
        XCTAssertEqual(changes.changed.map(\.id), ["1.1"], "reordering is no change; 1.1's figures are")
        XCTAssertEqual(changes.changed.first?.target, DataChanges.NumberChange(old: 3, new: 4))
        XCTAssertEqual(changes.changed.first?.result, DataChanges.NumberChange(old: 2, new: nil))
        let markdown = ChangeReport(changes: [changes], built: [], failed: []).markdown()
        XCTAssertTrue(markdown.contains("- Result: 2 → none"), markdown)
        XCTAssertTrue(markdown.contains("### Indicators removed\n\n- 1.2 (outcome 1)"), markdown)
    }

    func testAChangeInAnEarlierPeriodIsListedWithThePeriod() {
        func report(earlierResult: Int, countries: [String: [CountryEntry]]) -> Report {
            Report(title: "T", outcomes: [Outcome(id: "1", title: "O", indicators: [
                Indicator(id: "1.1", description: "a", baseline: Baseline(year: 2017, value: 1), periods: [
                    IndicatorPeriod(label: "2018–19", target: 3, result: earlierResult),
                    IndicatorPeriod(label: "2020–21", target: 4, result: 1, countries: countries),
                ]),
            ])])
        }
        let old = DataSnapshot(report: report(earlierResult: 2, countries: [:]), fingerprint: "old")
        let new = DataSnapshot(report: report(earlierResult: 3, countries: ["Africa": [CountryEntry(name: "Kenya")]]), fingerprint: "new")
        XCTAssertEqual(old.indicators.map(\.period), ["2018–19", "2020–21"], "one set of figures per period")
        let changes = DataChanges(source: "s", path: "s.yaml", previous: old, current: new)
        XCTAssertEqual(changes.changed.map(\.period), ["2018–19", "2020–21"])
        XCTAssertEqual(changes.changed.first?.result, DataChanges.NumberChange(old: 2, new: 3))
        XCTAssertEqual(changes.pageLines(.english).first, "Indicator 1.1, 2018–19 (outcome 1): result 2 → 3.")
        XCTAssertTrue(ChangeReport(changes: [changes], built: [], failed: []).markdown().contains("### Indicator 1.1, 2020–21 (outcome 1)"))
    }

    func testShardsCoverEveryTargetExactlyOnce() throws {
        var sources = "sources:\n"
        for index in 1...7 {
            try project.write("data/s\(index).yaml", BuildTestProject.report(title: "Report \(index)", result: index))
            sources += "  s\(index): data/s\(index).yaml\n"
        }
        try project.writeBuildFile(sources + "targets:\n  - briefing: \"*\"\n  - countries: [s1, s2]\n")
        let all = try project.project().targets.map(\.id)
        XCTAssertEqual(all.count, 9)
        for count in 1...4 {
            var seen: [String] = []
            for index in 1...count {
                seen += try project.build(BuildOptions(dryRun: true, shard: Shard(index: index, count: count))).wouldBuild
            }
            XCTAssertEqual(seen.sorted(), all.sorted(), "\(count) shards")
        }
        // Shards build into one folder, each with its own state; a whole build then finds everything fresh.
        for index in 1...3 {
            let summary = try project.build(BuildOptions(jobs: 2, shard: Shard(index: index, count: 3)))
            XCTAssertEqual(summary.exitCode, 0)
            XCTAssertEqual(summary.built.count, 3)
            XCTAssertTrue(project.exists("Output/changes.\(index)-of-3.md"))
        }
        XCTAssertEqual(try project.build().built.map(\.id), [])
        XCTAssertFalse(project.exists("Output/.folio-state.1-of-3.json"), "the whole build took in the shards' states")
        XCTAssertEqual(try project.build().built.map(\.id), [])
        for index in 1...3 {
            XCTAssertEqual(try project.build(BuildOptions(shard: Shard(index: index, count: 3))).built.count, 0,
                           "a shard starts from the whole build's state")
        }
        XCTAssertNil(Shard("0/3"))
        XCTAssertNil(Shard("4/3"))
        XCTAssertNil(Shard("1/0"))
        XCTAssertEqual(Shard("2/3"), Shard(index: 2, count: 3))
    }
}
