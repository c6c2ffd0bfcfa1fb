import FolioModel
import FolioRender
import Foundation
import XCTest

/// The folio command as a user runs it: exit codes, messages, and files left behind.
final class CommandLineTests: FolioCommandTestCase {
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testRenderAndChartsOfTheSample() throws {
        let sample = TestSupport.sample.path
        let render = try folio(["render", sample, "-o", "b.pdf"], environment: ["SOURCE_DATE_EPOCH": "1456790400"])
        XCTAssertEqual(render.status, 0, render.stderr)
        let again = try folio(["render", sample, "-o", "c.pdf"], environment: ["SOURCE_DATE_EPOCH": "1456790400"])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("b.pdf")),
                       try Data(contentsOf: folder.appendingPathComponent("c.pdf")), "renders must be byte-identical")

        let png = try folio(["chart", sample, "--kind", "targets", "--width", "800", "--height", "450", "--scale", "2", "-o", "t.png"])
        XCTAssertEqual(png.status, 0, png.stderr)
        let info = try TestSupport.run("file", [folder.appendingPathComponent("t.png").path]).stdout
        XCTAssertTrue(info.contains("1600 x 900"), info)
        for format in ["svg", "pdf"] {
            let run = try folio(["chart", sample, "--kind", "regions", "-o", "r.\(format)"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let svg = try String(contentsOf: folder.appendingPathComponent("r.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("<svg") && svg.contains("width=\"1600pt\"") || svg.contains("width=\"1600\""), String(svg.prefix(300)))
        let pdfInfo = try TestSupport.run("pdfinfo", [folder.appendingPathComponent("r.pdf").path]).stdout
        XCTAssertTrue(pdfInfo.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") }, pdfInfo)
    }

    func testFastPNGCompressionKeepsThePixels() throws {
        let sample = TestSupport.sample.path
        for compression in ["small", "fast"] {
            let run = try folio(["chart", sample, "--kind", "regions", "--png-compression", compression, "-o", compression + ".png"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let small = try Data(contentsOf: folder.appendingPathComponent("small.png"))
        let fast = try Data(contentsOf: folder.appendingPathComponent("fast.png"))
        XCTAssertNotEqual(small, fast, "a different deflate stream")
        XCTAssertEqual(try XCTUnwrap(RasterImage(png: Array(fast))).pixels, try XCTUnwrap(RasterImage(png: Array(small))).pixels)
        let bad = try folio(["charts", sample, "--png-compression", "tiny", "-o", "x"])
        XCTAssertEqual(bad.status, 64)
    }

    /// `folio --help` lists every exit code of the README's table.
    func testHelpListsEveryExitCodeOfTheReadme() throws {
        let readme = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.components(separatedBy: "### Exit codes").dropFirst().first ?? ""
        let codes = table.split(separator: "\n").prefix { !$0.hasPrefix("#") }.compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return cells.first.flatMap { Int($0) }.map(String.init)
        }
        XCTAssertEqual(codes, ["0", "64", "65", "66", "70", "73", "74", "75"], "the README's table as this test reads it")
        let help = try folio(["--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        let listed = help.stdout.components(separatedBy: "Exit codes:").dropFirst().first ?? ""
        for code in codes {
            XCTAssertTrue(listed.range(of: "\\b\(code)\\s", options: .regularExpression) != nil, "--help lacks exit code \(code): \(listed)")
        }
    }

    /// `folio bench` times each phase, start-up's shared caches included, and reports sizes.
    func testBenchReportsStartUpAndEachArtefact() throws {
        let run = try folio(["bench", TestSupport.sample.path, "--iterations", "1", "--only", "targets PNG"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.range(of: #"start-up: shared caches [0-9.]+ ms .*first renderer [0-9.]+ ms"#,
                                       options: .regularExpression) != nil, run.stdout)
        XCTAssertTrue(run.stdout.range(of: #"targets PNG 1600×900 +[0-9.]+ +[0-9.]+ +[0-9]{5,}"#,
                                       options: .regularExpression) != nil, run.stdout)
    }

    func testCheckSummarisesTheSample() throws {
        let run = try folio(["check", TestSupport.sample.path, "--strict"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("1 outcome, 3 indicators, 53 entries (2 territories)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Europe-Central Asia: 5"), run.stdout)
    }

    func testInvalidDataExits65WithPositionAndWritesNothing() throws {
        let data = try write("bad.yaml", """
            title: T
            outcomes:
              - id: "4"
                title: Social security
                indicators:
                  - id: "4.1"
                    description: D
                    target: ten
            """)
        let run = try folio(["render", data, "-o", "out.pdf"])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.contains("bad.yaml:8:17: outcomes[0].indicators[0].target"), run.stderr)
        XCTAssertFalse(run.stderr.contains("Fatal error"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.pdf").path))
    }

    func testAGoodOutputSurvivesAFailedRender() throws {
        let good = try folio(["render", TestSupport.sample.path, "-o", "keep.pdf"])
        XCTAssertEqual(good.status, 0, good.stderr)
        let before = try Data(contentsOf: folder.appendingPathComponent("keep.pdf"))
        let broken = try write("broken.yaml", "title: [unclosed\n")
        XCTAssertEqual(try folio(["render", broken, "-o", "keep.pdf"]).status, 65)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("keep.pdf")), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    func testExitCodesForBadUse() throws {
        let sample = TestSupport.sample.path
        let cases: [([String], Int32, String)] = [
            (["render", "missing.yaml"], 66, "missing.yaml"),
            (["render", sample, "-o", "no/such/folder/x.pdf"], 73, "does not exist"),
            (["chart", sample, "--kind", "targets", "--width", "0", "-o", "x.png"], 64, "--width"),
            (["chart", sample, "--kind", "targets", "--width", "100000", "-o", "x.png"], 64, "--width"),
            (["chart", sample, "--kind", "targets", "--width", "20000", "--height", "20000", "-o", "x.png"], 64, "megapixels"),
            (["chart", sample, "--kind", "pie", "-o", "x.png"], 64, "pie"),
            (["chart", sample, "--kind", "targets", "--outcome", "9", "-o", "x.png"], 64, "no outcome \"9\""),
            (["render", "-"], 64, "--input-format"),
        ]
        for (arguments, status, message) in cases {
            let run = try folio(arguments)
            XCTAssertEqual(run.status, status, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("Fatal error") || run.stderr.contains("Stack dump"), run.stderr)
        }
    }

    func testReadsStandardInput() throws {
        let json = #"{"title": "T", "outcomes": [{"id": "1", "title": "O", "indicators": [{"id": "1.1", "description": "D", "target": 2, "result": 1, "countries": {"Africa": ["Ghana"]}}]}]}"#
        let run = try folio(["render", "-", "--input-format", "json", "-o", "stdin.pdf"], stdin: Data(json.utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try TestSupport.pdfText(folder.appendingPathComponent("stdin.pdf")).contains("Ghana"))
    }
}

extension CommandLineTests {
    func testPerCountryBriefingsOnePerCountry() throws {
        let sample = TestSupport.sample.path
        let run = try folio(["render", sample, "--per-country", "-o", "countries"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("countries").path).sorted()
        let report = try TestSupport.loadSample()
        let countries = Set(report.outcomes.flatMap(\.indicators).flatMap { $0.countries.values.joined().map(\.name) })
        XCTAssertEqual(files.count, countries.count, "one file per distinct country")
        XCTAssertTrue(files.contains("occupied-palestinian-territory.pdf"))
        XCTAssertTrue(files.contains("lao-people-s-democratic-republic.pdf"))
        XCTAssertTrue(files.allSatisfy { $0.hasSuffix(".pdf") && !$0.hasPrefix(".") })
        let peru = try TestSupport.pdfText(folder.appendingPathComponent("countries/peru.pdf"))
        XCTAssertTrue(peru.contains("Country briefing: Peru"))
        XCTAssertTrue(peru.contains("Indicator 4.1") && peru.contains("Indicator 4.2"))
        XCTAssertFalse(peru.contains("Indicator 4.3"), "Peru is not listed under 4.3")
        XCTAssertTrue(peru.contains("Bolivia, Colombia, Dominican Republic"), "other countries of the Americas on 4.1")
        XCTAssertEqual(run.stdout.split(separator: "\n").filter { $0.hasPrefix("wrote ") }.count, countries.count,
                       "one line per file when not on a terminal")

        let one = try folio(["render", sample, "--per-country", "--country", "viet nam", "-o", "one"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("one").path), ["viet-nam.pdf"])
        let unknown = try folio(["render", sample, "--per-country", "--country", "Atlantis", "-o", "none"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("no country \"Atlantis\""), unknown.stderr)
    }

    func testPageLimitGivesADataError() throws {
        let run = try folio(["render", TestSupport.sample.path, "--max-pages", "3", "-o", "x.pdf"])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(run.stderr.contains("past the limit of 3 pages"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.pdf").path))
    }
}

extension CommandLineTests {
    func testChartsExportWithManifest() throws {
        let run = try folio(["charts", TestSupport.sample.path, "-o", "charts", "--formats", "png,svg", "--scale", "1,2"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let folder = self.folder.appendingPathComponent("charts")
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("charts.json")))
                                     as? [String: Any])
        let charts = try XCTUnwrap(manifest["charts"] as? [[String: Any]])
        // targets, regions and the overview; each as PNG @1x, PNG @2x and SVG.
        XCTAssertEqual(charts.count, 9)
        XCTAssertEqual(Set(charts.compactMap { $0["kind"] as? String }), ["targets", "regions", "overview"])
        for chart in charts {
            let file = try XCTUnwrap(chart["file"] as? String)
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            XCTAssertEqual(chart["sha256"] as? String, SHA256.hex(bytes), file)
            XCTAssertFalse((chart["alt"] as? String ?? "").isEmpty, file)
            if chart["format"] as? String == "png" {
                let scale = try XCTUnwrap(chart["scale"] as? Double)
                let image = try XCTUnwrap(RasterImage(png: Array(bytes)))
                XCTAssertEqual(image.width, Int(1600 * scale), file)
                XCTAssertEqual(image.height, Int(900 * scale), file)
                XCTAssertEqual(chart["width"] as? Int, image.width)
                XCTAssertEqual(PNGChunks.pixelsPerMetre(Array(bytes)), Int((96 * scale / 0.0254).rounded()), "\(file): pHYs")
                XCTAssertTrue(PNGChunks.names(Array(bytes)).contains("sRGB"), "\(file): sRGB")
            } else {
                XCTAssertEqual(try TestSupport.run("xmllint", ["--noout", folder.appendingPathComponent(file).path]).status, 0)
            }
        }
        let targets = try XCTUnwrap(charts.first { $0["kind"] as? String == "targets" })
        XCTAssertEqual(targets["outcome"] as? String, "4")
        XCTAssertTrue((targets["alt"] as? String ?? "").contains("indicator 4.2, target 12 member States, result 25, 208% of target"))
    }
}

/// Reads PNG chunk headers, to check what slide programs rely on (pHYs, sRGB).
enum PNGChunks {
    static func chunks(_ png: [UInt8]) -> [(name: String, data: ArraySlice<UInt8>)] {
        var result: [(String, ArraySlice<UInt8>)] = []
        var offset = 8
        while offset + 8 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let name = String(decoding: png[offset + 4..<offset + 8], as: UTF8.self)
            guard offset + 12 + length <= png.count else { break }
            result.append((name, png[offset + 8..<offset + 8 + length]))
            offset += 12 + length
        }
        return result
    }

    static func names(_ png: [UInt8]) -> [String] { chunks(png).map(\.name) }

    /// Horizontal pixels per metre from pHYs, nil without one.
    static func pixelsPerMetre(_ png: [UInt8]) -> Int? {
        guard let data = chunks(png).first(where: { $0.name == "pHYs" })?.data, data.count == 9 else { return nil }
        return data.prefix(4).reduce(0) { $0 << 8 | Int($1) }
    }
}

extension CommandLineTests {
    /// `-o -` puts the file itself on standard output, the same bytes as `-o FILE`, and says what it
    /// wrote on standard error, so a pipe receives nothing but the file.
    func testOutputDashWritesTheFileToStandardOutput() throws {
        let sample = TestSupport.sample.path
        let piped = try folio(["chart", sample, "--kind", "targets", "--format", "svg", "-o", "-"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertTrue(piped.stdout.hasPrefix("<?xml"), String(piped.stdout.prefix(80)))
        XCTAssertTrue(piped.stderr.contains("wrote standard output"), piped.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
        let written = try folio(["chart", sample, "--kind", "targets", "--format", "svg", "-o", "chart.svg"])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(piped.stdout, try String(contentsOf: folder.appendingPathComponent("chart.svg"), encoding: .utf8))
    }
}
