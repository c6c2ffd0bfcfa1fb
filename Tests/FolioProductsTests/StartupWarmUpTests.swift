import FolioLanguage
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import Foundation
import XCTest

final class StartupWarmUpTests: XCTestCase {
    /// The warm-up fills caches a render reads at the same time (fonts, countries, catalogues,
    /// number formats): run under ThreadSanitizer (the name says "Concurrent"), and the bytes drawn
    /// while it runs are the bytes drawn without it.
    func testWarmUpsConcurrentWithARenderChangeNoByte() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assets/samples/outcome4.yaml")
        let data = try Data(contentsOf: sample)
        let renderer = try Renderer()
        func render() throws -> [UInt8] {
            let report = try XCTUnwrap(ReportLoader.check(data: data, fileName: "outcome4.yaml", format: .yaml).report)
            let edition = try CatalogueLibrary.bundled(languages: ["fr"]).edition("fr")
            return try renderer.chart(.targets, outcome: report.outcomes[0], report: report,
                                      options: ChartOptions(format: .png, width: 640, height: 360), edition: edition)
        }
        let alone = try render()
        let warmUps = (0..<3).map { _ in StartupWarmUp() }
        let beside = try render()
        warmUps.forEach { $0.wait() }
        XCTAssertEqual(beside, alone)
        XCTAssertEqual(try render(), alone)
    }
}
