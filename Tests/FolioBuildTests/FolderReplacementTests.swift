@testable import FolioBuild
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A folder target's set replaced as a whole: what is kept, linked, carried over and removed.
final class FolderReplacementTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-replace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("set/sub"), withIntermediateDirectories: true)
        for (name, text) in [("a.png", "a1"), ("b.png", "b1"), ("gone.png", "g1"), ("README", "mine"), ("sub/notes", "mine too")] {
            try Data(text.utf8).write(to: root.appendingPathComponent("set/" + name))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func inode(_ path: String) -> UInt64? { FileStamp.of(root.appendingPathComponent(path).path)?.inode }

    func testTheNewSetReplacesTheOldOneAndTheRestIsCarriedOver() throws {
        let unchangedInode = inode("set/a.png")
        let modified = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("set/a.png").path)[.modificationDate]
        let replacement = FolderReplacement(folder: root.appendingPathComponent("set"), previous: ["a.png", "b.png", "gone.png"])
        let removed = try replacement.replace(with: [("a.png", .unchanged(Array("a1".utf8))), ("b.png", .bytes(Array("b2".utf8))),
                                                     ("c.png", .bytes(Array("c2".utf8)))])
        XCTAssertEqual(removed, ["gone.png"])
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("set").path).sorted()
        XCTAssertEqual(names, ["README", "a.png", "b.png", "c.png", "sub"])
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("set/b.png"), encoding: .utf8), "b2")
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("set/sub/notes"), encoding: .utf8), "mine too")
        XCTAssertEqual(inode("set/a.png"), unchangedInode, "an unchanged file is the same file, linked")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("set/a.png").path)[.modificationDate]
                       as? Date, modified as? Date)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["set"], "no staging folder left")
    }

    /// A link in the folder's place stays a link; the folder it leads to gets the new set.
    func testALinkToTheFolderStaysALink() throws {
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: root.appendingPathComponent("set"))
        let folder = root.appendingPathComponent("link").resolvingSymlinksInPath()
        _ = try FolderReplacement(folder: folder, previous: []).replace(with: [("new.png", .bytes([1]))])
        XCTAssertNotNil(try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("link").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("set/new.png").path))
    }

    /// A first set: the folder appears whole.
    func testAFirstSetMakesTheFolder() throws {
        let folder = root.appendingPathComponent("fresh")
        XCTAssertEqual(try FolderReplacement(folder: folder, previous: []).replace(with: [("x.svg", .bytes([60]))]), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["x.svg"])
    }
}
