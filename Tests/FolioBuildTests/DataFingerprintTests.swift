@testable import FolioBuild
import FolioModel
import Foundation
import XCTest

/// One fingerprint for every kind of source, the same in `folio render`, `folio build`'s snapshots
/// and its freshness check, and unambiguous for CSV folders.
final class DataFingerprintTests: XCTestCase {
    var project: BuildTestProject!

    override func setUpWithError() throws {
        project = try BuildTestProject()
        // Two folders whose files, concatenated in name order, are the same bytes: the last row of
        // a's indicators.csv (an outcome "#9" without indicators) is a comment at the top of b's
        // report.yaml. a has two outcomes, b one.
        let header = "outcome,outcome_title,indicator,description,unit,target,result\n1,Better data,1.1,Countries improving,,4,\n"
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(at: project.url("data/\(name)"), withIntermediateDirectories: true)
        }
        try project.write("data/a/indicators.csv", header + "#9,Extra outcome\n")
        try project.write("data/a/report.yaml", "title: T\n")
        try project.write("data/b/indicators.csv", header)
        try project.write("data/b/report.yaml", "#9,Extra outcome\ntitle: T\n")
        try project.write("data/c.yaml", BuildTestProject.report(title: "Report C"))
        try project.writeBuildFile("sources: {a: data/a, b: data/b, c: data/c.yaml}\ntargets:\n  - briefing: \"*\"\n")
    }

    override func tearDown() { project = nil }

    func files(_ folder: String) throws -> [String: Data] {
        try ReportLoader.readCSVFolder(project.url(folder), maxBytes: 1 << 20)
    }

    func testFoldersWhoseFilesConcatenateAlikeHaveDifferentFingerprints() throws {
        let a = try files("data/a"), b = try files("data/b")
        XCTAssertEqual(a.keys.sorted().reduce(Data()) { $0 + a[$1]! }, b.keys.sorted().reduce(Data()) { $0 + b[$1]! },
                       "the two folders are the ambiguous case")
        XCTAssertNotEqual(DataFingerprint.folder(a), DataFingerprint.folder(b))
        // Names are framed too: the same bytes under other names are other data.
        XCTAssertNotEqual(DataFingerprint.folder(["indicators.csv": Data("x".utf8)]),
                          DataFingerprint.folder(["Indicators.csv": Data("x".utf8)]))
        // Files the reader does not take as data do not count.
        XCTAssertEqual(DataFingerprint.folder(a), DataFingerprint.folder(a.merging(["notes.csv": Data()]) { $1 }))

        let summary = try project.build()
        XCTAssertEqual(summary.exitCode, 0, "\(summary.failed)")
        let snapshots = project.url("Output/.folio-snapshots")
        let snapshotA = try XCTUnwrap(DataSnapshot.read(source: "a", folder: snapshots))
        let snapshotB = try XCTUnwrap(DataSnapshot.read(source: "b", folder: snapshots))
        XCTAssertNotEqual(snapshotA.fingerprint, snapshotB.fingerprint, "two different reports, two fingerprints")
        XCTAssertEqual(snapshotA.fingerprint, DataFingerprint.folder(a))
        XCTAssertEqual(snapshotB.fingerprint, DataFingerprint.folder(b))
        for (name, fingerprint) in [("a", snapshotA.fingerprint), ("b", snapshotB.fingerprint)] {
            let pdf = String(decoding: try project.read("Output/\(name).pdf"), as: UTF8.self)
            XCTAssertTrue(pdf.contains("data SHA-256 " + fingerprint), "the PDF's keywords carry the fingerprint of \(name)")
        }
    }

    /// The freshness check hashes a source (from file hashes remembered by stamp) to the very
    /// fingerprint the loaded data gets, for a CSV folder as for a file.
    func testTheBuildsSourceHashIsTheDataFingerprint() throws {
        XCTAssertEqual(try project.build().exitCode, 0)
        let loaded = try project.project()
        let snapshots = project.url("Output/.folio-snapshots")
        for name in ["a", "b", "c"] {
            let fingerprints = InputFingerprints(project: loaded, hashes: ContentHashes(known: [:]), styleChains: [:])
            let source = try XCTUnwrap(loaded.source(named: name))
            let hash = try fingerprints.sourceHash(source).get()
            XCTAssertEqual(hash, DataSnapshot.read(source: name, folder: snapshots)?.fingerprint, name)
        }
        XCTAssertEqual(DataSnapshot.read(source: "c", folder: snapshots)?.fingerprint,
                       DataFingerprint.file(try project.read("data/c.yaml")), "a file's fingerprint is its SHA-256")
    }

    /// `folio render` of a CSV folder writes the same fingerprint into the PDF as the build.
    func testRenderWritesTheSameFingerprint() throws {
        try BuildTestProject.requireBinary()
        for name in ["a", "b"] {
            let run = try project.folio(["render", "data/\(name)", "-o", "\(name).pdf", "--date", "2016-03-01"])
            XCTAssertEqual(run.status, 0, run.stderr)
            let pdf = String(decoding: try project.read("\(name).pdf"), as: UTF8.self)
            XCTAssertTrue(pdf.contains("data SHA-256 " + DataFingerprint.folder(try files("data/\(name)"))), name)
        }
    }
}
