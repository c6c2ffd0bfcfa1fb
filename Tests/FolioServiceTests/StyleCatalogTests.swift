import FolioRender
@testable import FolioService
import Foundation
import XCTest

/// The styles the service offers, and the digest that goes into every ETag.
final class StyleCatalogTests: XCTestCase {
    func testALogoChangeChangesTheDigest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let brand = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assets/samples/brand")
        try FileManager.default.copyItem(at: brand.appendingPathComponent("logo.svg"), to: folder.appendingPathComponent("logo.svg"))
        try "description: with a logo\nlogo: logo.svg\n".write(to: folder.appendingPathComponent("default.yaml"), atomically: true, encoding: .utf8)
        let first = StyleCatalog.load(directory: folder, logger: ServiceTestSupport.quietLogger)
        XCTAssertNotNil(first.entries["default"]?.style.logo, "the sheet loads with its logo")
        let svg = try String(contentsOf: folder.appendingPathComponent("logo.svg"), encoding: .utf8)
        try svg.replacingOccurrences(of: "#F2A541", with: "#D55E00").write(to: folder.appendingPathComponent("logo.svg"),
                                                                              atomically: true, encoding: .utf8)
        let second = StyleCatalog.load(directory: folder, logger: ServiceTestSupport.quietLogger)
        XCTAssertNotEqual(first.digest, second.digest)
    }
}
