import FolioBuild
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A disk that fills up in the middle of a build, on a real full file system: a small tmpfs
/// mounted over the project's `Output/` (the tests run as root; where mounting is not permitted
/// they fail and say why, they do not skip).
final class DiskFullTests: XCTestCase {
    var project: BuildTestProject!
    var mounted = false

    override func setUpWithError() throws {
        try BuildTestProject.requireBinary()
        project = try BuildTestProject()
        try FileManager.default.createDirectory(at: project.url("Output"), withIntermediateDirectories: true)
        let mount = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m,mode=0755", "folio-disk-full-test", project.url("Output").path])
        guard mount.status == 0 else {
            XCTFail("these tests need a small tmpfs, and mounting one failed (run them as root, or in a container with "
                    + "CAP_SYS_ADMIN): mount said \"\(mount.output.trimmingCharacters(in: .whitespacesAndNewlines))\"")
            throw XCTSkip("no tmpfs")
        }
        mounted = true
    }

    override func tearDownWithError() throws {
        if mounted { _ = try run("/bin/umount", ["-l", project.url("Output").path]) }
        project = nil
    }

    /// The chart set is replaced as a whole or not at all: with room for only part of the new set,
    /// every previous chart and `charts.json` stay as they were (not some new, some old), nothing
    /// half-made is left beside them, and the build exits 74 (an I/O error) saying so. With room
    /// again, the next build replaces the whole set.
    func testAFullDiskKeepsTheWholePreviousChartSet() throws {
        try synthesize(outcomes: 2)
        try writeBuildFile(targets: "")
        let first = try project.folio(["build", "--jobs", "2"])
        XCTAssertEqual(first.status, 0, first.stderr)
        let old = try charts()
        let oldSize = old.values.reduce(0) { $0 + $1.count }
        XCTAssertGreaterThan(old.count, 8)

        // Twice the outcomes: the new set holds twice the charts, and there is room for a quarter
        // of what it adds.
        try synthesize(outcomes: 4)
        try fill(leaving: oldSize / 4)
        let full = try project.folio(["build", "--jobs", "2"])
        XCTAssertEqual(full.status, 74, "a full disk is an I/O error: " + full.stderr)
        XCTAssertTrue(full.stderr.contains("No space left on device"), full.stderr)
        XCTAssertTrue(full.stderr.contains("Output/big-charts not built; its previous output is kept"), full.stderr)
        let after = try charts()
        XCTAssertEqual(after.keys.sorted(), old.keys.sorted(), "the same files as before the build")
        for (path, bytes) in old where after[path] != bytes { XCTFail("\(path) changed: the set is mixed") }
        XCTAssertEqual(try leftovers(), [], "no half-made set is left")

        try FileManager.default.removeItem(at: project.url("Output/filler"))
        let again = try project.folio(["build", "--jobs", "2"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let new = try charts()
        XCTAssertGreaterThan(new.count, old.count)
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: try XCTUnwrap(new["big-charts/charts.json"])) as? [String: Any])
        let listed = Set(((manifest["charts"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        XCTAssertEqual(listed, Set(new.keys.filter { !$0.hasSuffix(".json") }.map { String($0.dropFirst("big-charts/".count)) }),
                       "charts.json lists exactly the charts in the folder")
        XCTAssertEqual(try leftovers(), [])
    }

    /// A first build on a disk that is full: no folder of orphan charts, no briefing, exit 74.
    func testAFullDiskOnAFirstBuildLeavesNoOrphans() throws {
        try synthesize(outcomes: 2)
        try writeBuildFile(targets: "  - briefing: big\n")
        try fill(leaving: 48 << 10)
        let full = try project.folio(["build", "--jobs", "2"])
        XCTAssertEqual(full.status, 74, full.stderr)
        XCTAssertTrue(full.stderr.contains("No space left on device"), full.stderr)
        XCTAssertFalse(project.exists("Output/big-charts"), "no half-made chart folder")
        XCTAssertFalse(project.exists("Output/big.pdf"))
        XCTAssertEqual(try leftovers(), [])
    }

    // MARK: Helpers

    /// The chart set's files (the change report beside it is rewritten by every build).
    private func charts() throws -> [String: Data] {
        try project.outputs().filter { $0.key.hasPrefix("big-charts/") }
    }

    /// A chart set of the synthesized report, after `targets`.
    private func writeBuildFile(targets: String) throws {
        try project.writeBuildFile("sources: {big: data/big.json}\ntargets:\n" + targets
                                   + "  - charts: big\n    style: styles/small.yaml\n    formats: [png, svg]\n")
    }

    private func synthesize(outcomes: Int) throws {
        let made = try project.folio(["synthesize", "--outcomes", "\(outcomes)", "--countries", "20", "-o", "data/big.json"])
        XCTAssertEqual(made.status, 0, made.stderr)
        try project.age("data/big.json", by: 60)
    }

    /// Fills `Output/` up to `bytes` of free space with a file named `filler`.
    private func fill(leaving bytes: Int) throws {
        var info = statvfs()
        XCTAssertEqual(statvfs(project.url("Output").path, &info), 0)
        let free = Int(info.f_bavail) * Int(info.f_frsize)
        XCTAssertGreaterThan(free, bytes, "the tmpfs is too small for this test")
        try Data(count: free - bytes).write(to: project.url("Output/filler"))
    }

    /// Hidden names in `Output/` other than Folio's state: temporary files and staging folders.
    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.url("Output").path).filter {
            $0.hasPrefix(".") && ![".folio-state.json", ".folio-state.lock", ".folio-snapshots"].contains($0)
        }.sorted()
    }

    private func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
