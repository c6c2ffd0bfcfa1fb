import FolioLanguage
import Foundation
import XCTest

final class CatalogueFileTests: XCTestCase {
    /// Files are parsed once per process while their bytes stay the same; a changed file is read
    /// afresh, so a service or a watch never draws with words the file no longer has.
    func testAChangedFileIsReadAgainAndAnUnchangedOneGivesTheSameCatalogue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("fr.yaml")
        try Data("language: fr\nmessages:\n  contents: Sommaire\n".utf8).write(to: file)

        let first = try CatalogueFile.read(file)
        XCTAssertEqual(first.messages["contents"], .text("Sommaire"))
        XCTAssertEqual(try CatalogueFile.read(file), first)

        // Same length, written within the same second: only the bytes tell them apart.
        try Data("language: fr\nmessages:\n  contents: Contenus\n".utf8).write(to: file)
        XCTAssertEqual(try CatalogueFile.read(file).messages["contents"], .text("Contenus"))

        try Data("language: fr\nmessages: [broken\n".utf8).write(to: file)
        XCTAssertThrowsError(try CatalogueFile.read(file)) { error in
            XCTAssertTrue("\(error)".contains("not YAML"), "\(error)")
        }
    }

    /// A library's content digest (what builds key their caches on) is the files' bytes, read once with the catalogue.
    func testLibraryDigestFollowsTheFileBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "language: fr\nmessages:\n  contents: Sommaire\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("fr.yaml"))
        let library = try CatalogueLibrary(folders: [folder])
        XCTAssertEqual(library.contentDigestInput, Array("fr\n\(text.utf8.count)\n\(text)".utf8))
    }
}
