@testable import FolioArchive
import Foundation
import XCTest

/// Hostile archives get a failure, never a trap: ZIPFoundation reading from memory would follow
/// offsets that point outside the bytes.
final class PackageArchiveTests: XCTestCase {
    let limits = PackageArchive.Limits(maxFileBytes: 1 << 20, maxEntries: 100, maxPartBytes: 1 << 20, maxTotalBytes: 1 << 20)

    func archive() throws -> [UInt8] {
        try ZipWriter.archive([ZipWriter.Entry(path: "a.xml", bytes: Array("<a/>".utf8), compressed: true),
                               ZipWriter.Entry(path: "b/c.xml", bytes: Array(repeating: 0x41, count: 300), compressed: true)],
                              date: Date(timeIntervalSince1970: 946_684_800))
    }

    func failure(_ bytes: [UInt8]) -> PackageArchive.Failure? {
        do { _ = try PackageArchive(bytes, limits: limits); return nil } catch { return error }
    }

    /// Offset of the end of central directory record.
    func endRecord(_ bytes: [UInt8]) -> Int {
        var end = bytes.count - 22
        while !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) { end -= 1 }
        return end
    }

    func put(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for k in 0..<4 { bytes[offset + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
    }

    func testASoundArchiveReads() throws {
        var package = try PackageArchive(try archive(), limits: limits)
        XCTAssertEqual(package.partNames, ["a.xml", "b/c.xml"])
        XCTAssertEqual(try package.bytes(of: "a.xml"), Array("<a/>".utf8))
    }

    /// The fuzzer's first find: a central directory said to start past the end of the data.
    func testADirectoryPastTheEndIsUnreadable() throws {
        var bytes = try archive()
        put(UInt32(bytes.count + 5000), at: endRecord(bytes) + 16, in: &bytes)
        XCTAssertEqual(failure(bytes), .unreadable)
    }

    func testALocalHeaderPastTheDirectoryIsUnreadable() throws {
        var bytes = try archive()
        let end = endRecord(bytes)
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
        put(UInt32(bytes.count - 10), at: directory + 42, in: &bytes)
        XCTAssertEqual(failure(bytes), .unreadable)
    }

    func testCompressedDataLongerThanTheFileIsUnreadable() throws {
        var bytes = try archive()
        let end = endRecord(bytes)
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
        put(UInt32(bytes.count), at: directory + 20, in: &bytes)
        XCTAssertEqual(failure(bytes), .unreadable)
    }

    /// The fuzzer's second find: a stored entry with a data descriptor, its size pointing past the end.
    func testADataDescriptorPastTheEndIsUnreadable() throws {
        var bytes = try ZipWriter.archive([ZipWriter.Entry(path: "a.xml", bytes: Array("<a/>".utf8), compressed: false)],
                                          date: Date(timeIntervalSince1970: 946_684_800))
        let end = endRecord(bytes)
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
        bytes[directory + 8] |= 0x08
        put(UInt32(bytes.count), at: directory + 24, in: &bytes)
        XCTAssertEqual(failure(bytes), .unreadable)
    }

    func testEveryTruncationFailsCleanly() throws {
        let bytes = try archive()
        for length in stride(from: 4, to: bytes.count, by: 3) {
            XCTAssertNotNil(failure(Array(bytes[0..<length])), "\(length) bytes")
        }
    }
}
