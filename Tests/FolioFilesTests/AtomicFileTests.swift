@testable import FolioFiles
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class AtomicFileTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func kind(_ path: String) -> mode_t {
        var status = stat()
        XCTAssertEqual(lstat(path, &status), 0, "lstat \(path)")
        return status.st_mode & S_IFMT
    }

    func testReplacesARegularFile() throws {
        let file = folder.appendingPathComponent("out.pdf")
        try AtomicFile.write([1, 2, 3], to: file)
        try AtomicFile.write([4, 5], to: file)
        XCTAssertEqual(try Data(contentsOf: file), Data([4, 5]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["out.pdf"])
    }

    /// A link stays a link: what it names gets the new bytes, replaced in its own folder.
    func testSymbolicLinkIsFollowedNotReplaced() throws {
        let elsewhere = folder.appendingPathComponent("real", isDirectory: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let target = elsewhere.appendingPathComponent("report.pdf")
        try Data([0]).write(to: target)
        let link = folder.appendingPathComponent("latest.pdf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real/report.pdf")

        try AtomicFile.write([7, 8, 9], to: link)

        XCTAssertEqual(kind(link.path), S_IFLNK)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "real/report.pdf")
        XCTAssertEqual(try Data(contentsOf: target), Data([7, 8, 9]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), ["report.pdf"])
    }

    func testLinkToNothingIsRefused() throws {
        let link = folder.appendingPathComponent("dangling.pdf")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "missing/nothing.pdf")
        XCTAssertThrowsError(try AtomicFile.write([1], to: link)) { error in
            guard case .cannotCreate(_, let reason)? = error as? AtomicFile.Failure else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("symbolic link to nothing"), reason)
        }
        XCTAssertEqual(kind(link.path), S_IFLNK)
    }

    /// A FIFO gets the bytes written through to its reader and stays a FIFO.
    func testFIFOIsWrittenThrough() throws {
        let fifo = folder.appendingPathComponent("pipe")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let received = expectation(description: "reader got the bytes")
        let path = fifo.path
        nonisolated(unsafe) var bytes = Data()
        Thread {
            if let handle = FileHandle(forReadingAtPath: path) {
                bytes = handle.readDataToEndOfFile()
                try? handle.close()
            }
            received.fulfill()
        }.start()
        try AtomicFile.write([1, 2, 3, 4], to: fifo)
        wait(for: [received], timeout: 60)
        XCTAssertEqual(bytes, Data([1, 2, 3, 4]))
        XCTAssertEqual(kind(fifo.path), S_IFIFO)
    }

    /// A full device is an I/O error (exit 74), and the device stays a device.
    func testFullDeviceIsAnIOErrorAndStaysADevice() throws {
        XCTAssertThrowsError(try AtomicFile.write(Array(repeating: 1, count: 100), to: URL(fileURLWithPath: "/dev/full"))) { error in
            guard case .io? = error as? AtomicFile.Failure else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(kind("/dev/full"), S_IFCHR)
        try AtomicFile.write([1, 2], to: URL(fileURLWithPath: "/dev/null"))
        XCTAssertEqual(kind("/dev/null"), S_IFCHR)
    }

    func testFolderIsRefused() throws {
        XCTAssertThrowsError(try AtomicFile.write([1], to: folder)) { error in
            guard case .cannotCreate? = error as? AtomicFile.Failure else { return XCTFail("\(error)") }
        }
    }

    /// The mode follows the umask in force at each write (read without setting it).
    func testModeFollowsTheCurrentUmask() throws {
        let first = folder.appendingPathComponent("a.txt")
        try AtomicFile.write([1], to: first)
        let previous = umask(0o027)
        defer { umask(previous) }
        XCTAssertEqual(AtomicFile.currentUmask(), 0o027)
        let second = folder.appendingPathComponent("b.txt")
        try AtomicFile.write([1], to: second)
        let mode = (try FileManager.default.attributesOfItem(atPath: second.path)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o640)
    }
}
