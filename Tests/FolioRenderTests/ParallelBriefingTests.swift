import FolioLanguage
import FolioLayout
import FolioModel
@testable import FolioRender
import Foundation
import XCTest

/// A briefing laid out on several threads, or written into a file as it is drawn, is the same file
/// byte for byte as one laid out on one thread and returned whole; in a right-to-left edition too.
final class ParallelBriefingTests: XCTestCase {
    let report = SyntheticReport.make(outcomes: 6)
    let date = PDFOptions(date: Date(timeIntervalSince1970: 1_733_443_200))

    func briefing(threads: Int, edition: Edition = .english, file: PDFFile? = nil, retainedPages: Int = 300) throws -> [UInt8] {
        let renderer = try Renderer()
        renderer.layoutThreads = threads
        renderer.retainedPages = retainedPages
        return try renderer.briefing(report, options: date, edition: edition, into: file)
    }

    func testThreadsDoNotChangeAByte() throws {
        let arabic = try CatalogueLibrary.bundled().edition("ar")
        for edition in [Edition.english, arabic] {
            let one = try briefing(threads: 1, edition: edition)
            XCTAssertEqual(try briefing(threads: 2, edition: edition), one, edition.language)
            XCTAssertEqual(try briefing(threads: 3, edition: edition), one, edition.language)
        }
    }

    /// A long body (here: longer than 3 pages) is laid out again as it is drawn, by a thread ahead
    /// or by the drawing thread: the same bytes either way, and as many pages as a short one, which
    /// poppler draws alike but for the odd line: a short body draws a line from the shape the
    /// layout kept (which may end in the space it broke at), a long one shapes it again.
    func testALongBodyIsTheSameFileOnAnyNumberOfThreads() throws {
        let long = try briefing(threads: 1, retainedPages: 3)
        XCTAssertEqual(try briefing(threads: 2, retainedPages: 3), long)
        let pictures = { (pdf: [UInt8]) throws -> [Data] in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pages-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try Data(pdf).write(to: folder.appendingPathComponent("briefing.pdf"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
            process.arguments = ["-r", "40", "-png", folder.appendingPathComponent("briefing.pdf").path,
                                 folder.appendingPathComponent("page").path]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("page") }.sorted()
            return try pages.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        }
        let longPages = try pictures(long), shortPages = try pictures(try briefing(threads: 2))
        XCTAssertGreaterThan(longPages.count, 20)
        XCTAssertEqual(longPages.count, shortPages.count)
        let same = zip(longPages, shortPages).filter { $0 == $1 }.count
        XCTAssertGreaterThan(same, longPages.count * 3 / 4, "only \(same) of \(longPages.count) pages drawn alike")
    }

    func testAPDFWrittenAsItIsDrawnIsTheSameFile() throws {
        let whole = try briefing(threads: 2)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString).pdf").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor); unlink(path) }
        XCTAssertEqual(try briefing(threads: 2, file: PDFFile(descriptor: descriptor)), [])
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), whole)
    }

    /// A write error (a descriptor that cannot be written) is an error, not a short file called done.
    func testAFileThatCannotBeWrittenIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("read-only-\(UUID().uuidString).pdf").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor); unlink(path) }
        XCTAssertThrowsError(try briefing(threads: 1, file: PDFFile(descriptor: descriptor))) {
            guard case RenderError.output = $0 else { return XCTFail("\($0)") }
        }
    }
}
