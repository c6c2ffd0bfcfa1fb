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

    func briefing(threads: Int, edition: Edition = .english, file: PDFFile? = nil) throws -> [UInt8] {
        let renderer = try Renderer()
        renderer.layoutThreads = threads
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

    func testAPDFWrittenAsItIsDrawnIsTheSameFile() throws {
        let whole = try briefing(threads: 2)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString).pdf").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor); unlink(path) }
        XCTAssertEqual(try briefing(threads: 2, file: PDFFile(descriptor: descriptor, path: path)), [])
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), whole)
    }

    /// A write error (a descriptor that cannot be written) is an error, not a short file called done.
    func testAFileThatCannotBeWrittenIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("read-only-\(UUID().uuidString).pdf").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor); unlink(path) }
        XCTAssertThrowsError(try briefing(threads: 1, file: PDFFile(descriptor: descriptor, path: path))) {
            guard case RenderError.output = $0 else { return XCTFail("\($0)") }
        }
    }
}
