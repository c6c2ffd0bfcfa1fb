import FolioFiles
import FolioLayout
import FolioModel
import FolioRender
import Foundation
import XCTest

/// Every shipped style renders the sample: the briefing, both charts as PNG and SVG.
final class StyleRenderTests: XCTestCase {
    func testEveryShippedStyleRendersTheSample() throws {
        let report = try TestSupport.loadSample()
        let library = StyleLibrary(directory: TestSupport.packageRoot.appendingPathComponent("Styles"),
                                   fonts: TestSupport.renderer.fonts)
        let styles = library.list()
        XCTAssertGreaterThanOrEqual(styles.count, 4)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, _) in styles {
            let style = try library.load(name).style
            let pdf = folder.appendingPathComponent("\(name).pdf")
            try AtomicFile.write(try TestSupport.renderer.briefing(report, style: style), to: pdf)
            let check = try TestSupport.run("qpdf", ["--check", pdf.path])
            XCTAssertEqual(check.status, 0, "\(name): \(check.stdout)")
            let size = try XCTUnwrap(TestSupport.pdfInfo(pdf)["Page size"])
            XCTAssertTrue(size.hasPrefix(String(format: "%g x %g", style.pageSize.width, style.pageSize.height)), "\(name): \(size)")
            for kind in ChartKind.allCases {
                let options = ChartOptions(format: .png, width: style.chartWidth, height: style.chartHeight, scale: 1)
                let png = try XCTUnwrap(RasterImage(png: try TestSupport.renderer.chart(kind, outcome: report.outcomes[0],
                                                                                        report: report, style: style, options: options)))
                XCTAssertEqual(png.width, Int(style.chartWidth), name)
                XCTAssertEqual(png.height, Int(style.chartHeight), name)
                if style.chartBackground == nil {
                    XCTAssertEqual(png.pixels[0] >> 24, 0, "\(name): transparent corner")
                } else {
                    XCTAssertEqual(png.pixels[0], 0xFFFF_FFFF, "\(name): white corner")
                }
                let svg = folder.appendingPathComponent("\(name)-\(kind.rawValue).svg")
                try AtomicFile.write(try TestSupport.renderer.chart(kind, outcome: report.outcomes[0], report: report, style: style,
                                                                    options: ChartOptions(format: .svg)), to: svg)
                let lint = try TestSupport.run("xmllint", ["--noout", svg.path])
                XCTAssertEqual(lint.status, 0, "\(name): \(lint.stderr)")
            }
        }
    }

    func testPrintMonoUsesNoColourAndHatchesBars() throws {
        let report = try TestSupport.loadSample()
        let library = StyleLibrary(directory: TestSupport.packageRoot.appendingPathComponent("Styles"))
        let style = try library.load("print-mono").style
        let frame = ChartKind.regions.layout(outcome: report.outcomes[0], report: report, size: Size(width: 800, height: 450),
                                             style: style, measurer: TestSupport.renderer.measurer)
        var hatchLines = 0
        for item in frame.items {
            switch item {
            case .rect(_, let fill?, _):
                XCTAssertEqual(fill.red, fill.green, accuracy: 0.001, "grey only")
                XCTAssertEqual(fill.green, fill.blue, accuracy: 0.001, "grey only")
            case .line:
                hatchLines += 1
            default: break
            }
        }
        XCTAssertGreaterThan(hatchLines, 100, "regions are hatched")
    }

    /// Cairo numbers SVG surfaces per process; the root group is renamed so the same chart drawn
    /// twice gives the same bytes (the service's strong ETags and chart-set ZIPs rely on it).
    func testTheSameSVGChartGivesTheSameBytesEachTime() throws {
        let report = try TestSupport.loadSample()
        let options = ChartOptions(format: .svg, width: 640, height: 360)
        let first = try TestSupport.renderer.chart(.targets, outcome: report.outcomes[0], report: report, options: options)
        _ = try TestSupport.renderer.chart(.regions, outcome: report.outcomes[0], report: report, options: options)
        let again = try TestSupport.renderer.chart(.targets, outcome: report.outcomes[0], report: report, options: options)
        XCTAssertEqual(first, again)
        let text = String(decoding: first, as: UTF8.self)
        XCTAssertTrue(text.contains("<g id=\"surface1\""), String(text.prefix(400)))
    }
}
