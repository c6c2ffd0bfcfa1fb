@testable import FolioBuild
import Foundation
import XCTest

/// Builds that must not overlap, and folders that must not lead out of the project (both found in
/// review).
final class LockAndLinkTests: XCTestCase {
    var project: BuildTestProject!

    override func setUpWithError() throws {
        project = try BuildTestProject()
        try project.write("data/a.yaml", BuildTestProject.report(title: "Report A"))
        try project.writeBuildFile("""
            sources:
              a: data/a.yaml
            targets:
              - briefing: a
                output: Output/briefings/{name}.pdf
              - briefing: a
                style: styles/small.yaml
                output: Output/small/{name}.pdf
            """)
    }

    override func tearDown() { project = nil }

    func testAWholeBuildAndAShardExcludeEachOtherButShardsShare() throws {
        try FileManager.default.createDirectory(at: project.url("Output"), withIntermediateDirectories: true)
        let wholeLock = project.url("Output/.folio-state.lock")
        let shard = Shard("1/2")!
        do {
            let running = try BuildLock(wholeLock)  // a whole build under way
            XCTAssertThrowsError(try project.build(BuildOptions(jobs: 1, shard: shard))) { error in
                guard case BuildError.busy = error else { return XCTFail("\(error)") }
            }
            withExtendedLifetime(running) {}
        }
        do {
            let otherShard = try BuildLock(wholeLock, shared: true)  // shard 2/2 under way
            XCTAssertEqual(try project.build(BuildOptions(jobs: 1, shard: shard)).exitCode, 0, "shards run side by side")
            XCTAssertThrowsError(try project.build(BuildOptions(jobs: 1)), "a whole build waits for the shards")
            withExtendedLifetime(otherShard) {}
        }
        XCTAssertEqual(try project.build(BuildOptions(jobs: 1)).exitCode, 0)
    }

    func testNoFolderIsCreatedThroughALinkOutOfTheProject() throws {
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("folio-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createDirectory(at: project.url("Output"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: project.url("Output/briefings"), withDestinationURL: elsewhere)
        try FileManager.default.createSymbolicLink(at: project.url("Output/small"),
                                                   withDestinationURL: elsewhere.appendingPathComponent("deeper"))
        let summary = try project.build(BuildOptions(jobs: 1))
        XCTAssertEqual(Set(summary.failed.map(\.id)), ["Output/briefings/a.pdf", "Output/small/a.pdf"])
        let messages = summary.failed.sorted { $0.id < $1.id }.map { $0.messages.joined() }
        XCTAssertTrue(messages[0].contains("leads outside the project"), messages[0])
        XCTAssertTrue(messages[1].contains("symbolic link to nothing"), messages[1])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [], "nothing made outside")
    }
}
