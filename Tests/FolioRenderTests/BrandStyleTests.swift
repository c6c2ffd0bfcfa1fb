import FolioFiles
import FolioLanguage
import FolioLayout
import FolioModel
import FolioRender
import Foundation
import XCTest

/// The organisation's look from a style sheet: logo, sections, header and footer, read back from
/// the PDF with poppler and qpdf.
final class BrandStyleTests: XCTestCase {
    var folder: URL!
    let brand = TestSupport.packageRoot.appendingPathComponent("Assets/samples/brand")
    let library = StyleLibrary(directory: TestSupport.packageRoot.appendingPathComponent("Styles"), fonts: TestSupport.renderer.fonts)

    override func setUpWithError() throws { folder = try TestSupport.temporaryFolder() }
    override func tearDownWithError() throws { if let folder { try? FileManager.default.removeItem(at: folder) } }

    /// A sheet in `folder` (with the sample's logos beside it) and the briefing it gives, written to a file.
    func render(_ sheet: String, context: BriefingLayout.Context = .init(), edition: Edition = .english,
                name: String = "brief") throws -> URL {
        for logo in ["logo.png", "logo.svg"] where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(logo).path) {
            try FileManager.default.copyItem(at: brand.appendingPathComponent(logo), to: folder.appendingPathComponent(logo))
        }
        let sheetURL = folder.appendingPathComponent(name + ".yaml")
        try sheet.write(to: sheetURL, atomically: true, encoding: .utf8)
        let style = try library.load(sheetURL.path).style
        let pdf = folder.appendingPathComponent(name + ".pdf")
        try AtomicFile.write(try TestSupport.renderer.briefing(try TestSupport.loadSample(), style: style, context: context,
                                                               edition: edition), to: pdf)
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        XCTAssertEqual(check.status, 0, check.stdout)
        return pdf
    }

    /// `pdfimages -list`: page and object number of every image (not of their soft masks).
    func images(_ pdf: URL) throws -> [(page: Int, object: Int)] {
        let run = try TestSupport.run("pdfimages", ["-list", pdf.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let columns = line.split(separator: " ")
            guard columns.count > 11, columns[2] == "image", let page = Int(columns[0]), let object = Int(columns[10]) else { return nil }
            return (page, object)
        }
    }

    func pageText(_ pdf: URL, _ page: Int) throws -> String {
        let run = try TestSupport.run("pdftotext", ["-raw", "-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// qpdf's page labels, one per page, as viewers show them.
    func pageLabels(_ pdf: URL) throws -> [String] {
        let run = try TestSupport.run("qpdf", ["--json=2", "--json-key=pagelabels", "--json-key=pages", pdf.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let pages = (json["pages"] as? [Any])?.count ?? 0
        let ranges = (json["pagelabels"] as? [[String: Any]] ?? []).compactMap { range -> (Int, String)? in
            guard let index = range["index"] as? Int, let label = range["label"] as? [String: Any] else { return nil }
            let prefix = (label["/P"] as? String).map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : $0 } ?? ""
            let numbered = label["/S"] as? String == "/D"
            let start = label["/St"] as? Int ?? 1
            return (index, numbered ? "\u{1}\(start)\u{1}\(prefix)" : prefix)
        }
        return (0..<pages).map { page in
            guard let (index, label) = ranges.last(where: { $0.0 <= page }) else { return String(page + 1) }
            guard label.hasPrefix("\u{1}") else { return label }
            let parts = label.split(separator: "\u{1}", omittingEmptySubsequences: false)
            return String(parts[2]) + String(Int(parts[1])! + page - index)
        }
    }

    /// Titles of the outline, depth first.
    func outline(_ pdf: URL) throws -> [String] {
        let run = try TestSupport.run("qpdf", ["--json=2", "--json-key=outlines", pdf.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        func titles(_ items: Any?) -> [String] {
            (items as? [[String: Any]] ?? []).flatMap { [($0["title"] as? String) ?? ""] + titles($0["kids"]) }
        }
        return titles(json["outlines"])
    }

    // MARK: - logo

    func testPNGLogoIsOnTheCoverAndInEveryHeaderAsOneEmbeddedImage() throws {
        let pdf = try render("extends: default\nlogo: {file: logo.png, width: 90, header_height: 16}\n")
        let found = try images(pdf)
        let pages = Int(try XCTUnwrap(TestSupport.pdfInfo(pdf)["Pages"]))!
        XCTAssertEqual(Set(found.map(\.page)), Set(1...pages), "the logo on the cover and on every other page: \(found)")
        XCTAssertEqual(found.count, pages, "one logo per page")
        // Cairo keeps one image object for the one decoded surface: the bitmap is embedded once.
        XCTAssertEqual(Set(found.map(\.object)).count, 1, "\(found)")
        let alternatives = try TestSupport.languageAndFigureAlternatives(pdf).alternatives
        XCTAssertEqual(alternatives.first, "Logo of International Labour Office")
    }

    func testSVGLogoIsDrawnAsVectorsInItsColours() throws {
        let pdf = try render("extends: default\nlogo: {file: logo.svg, width: 96, header_height: 18}\n")
        XCTAssertEqual(try images(pdf).count, 0, "an SVG logo is paths, not an embedded bitmap")
        // Recorded once and replayed: one form object for the cover and every header.
        let expanded = folder.appendingPathComponent("expanded.pdf")
        XCTAssertEqual(try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, expanded.path]).status, 0)
        let objects = String(decoding: try Data(contentsOf: expanded), as: UTF8.self)
        XCTAssertEqual(objects.components(separatedBy: "/Subtype /Form").count - 1, 1)
        let prefix = folder.appendingPathComponent("page")
        // 72 dpi: one pixel per point. Page 1 is the cover, page 3 a body page with a header.
        for page in [1, 3] {
            let run = try TestSupport.run("pdftoppm", ["-r", "72", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile",
                                                       pdf.path, prefix.path + "\(page)"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        func pixel(_ image: RasterImage, _ x: Int, _ y: Int) -> (Int, Int, Int) {
            let value = image.pixels[y * image.width + x]
            return (Int(value >> 16 & 0xFF), Int(value >> 8 & 0xFF), Int(value & 0xFF))
        }
        func assertColour(_ image: RasterImage, _ x: Int, _ y: Int, _ expected: (Int, Int, Int), _ what: String) {
            let (r, g, b) = pixel(image, x, y)
            XCTAssertTrue(abs(r - expected.0) < 12 && abs(g - expected.1) < 12 && abs(b - expected.2) < 12,
                          "\(what) at \(x),\(y): \(r),\(g),\(b)")
        }
        let cover = try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: URL(fileURLWithPath: prefix.path + "1.png")))))
        // The logo's box on the cover: x 56…152, y 56…152 (120 SVG units at 0.8 pt each).
        assertColour(cover, 62, 110, (0x0F, 0x6E, 0x5A), "teal square")
        assertColour(cover, 56 + Int(89 * 0.8), 56 + Int(21 * 0.8), (0xF2, 0xA5, 0x41), "amber sun")
        assertColour(cover, 56 + Int(89 * 0.8), 56 + Int(70 * 0.8), (0xFF, 0xFF, 0xFF), "white bar")
        assertColour(cover, 170, 110, (0xFF, 0xFF, 0xFF), "paper beside the logo")
        let body = try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: URL(fileURLWithPath: prefix.path + "3.png")))))
        // Header logo: 18 pt high, its foot on the header baseline (top margin 56 − 22 = 34).
        assertColour(body, 58, 25, (0x0F, 0x6E, 0x5A), "teal square in the header")
    }

    func testArabicEditionMirrorsAStartLogoAndKeepsAPinnedOne() throws {
        let start = try render("extends: default\nlogo: {file: logo.png, position: start}\n", edition: try CatalogueLibrary.bundled().edition("ar"), name: "start")
        let pinned = try render("extends: default\nlogo: {file: logo.png, position: left}\n", edition: try CatalogueLibrary.bundled().edition("ar"), name: "pinned")
        func imageX(_ pdf: URL) throws -> Double {
            // The cover's content stream places the image with a `cm` whose fifth number is x.
            let run = try TestSupport.run("pdftoppm", ["-r", "10", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path,
                                                       pdf.deletingPathExtension().path])
            XCTAssertEqual(run.status, 0, run.stderr)
            let image = try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: pdf.deletingPathExtension().appendingPathExtension("png")))))
            // Columns holding a teal pixel in the logo's band (the top fifth of the page, below the accent strip).
            var columns: [Int] = []
            for x in 0..<image.width {
                for y in (image.height / 12)..<(image.height / 5) {
                    let value = image.pixels[y * image.width + x]
                    if abs(Int(value >> 16 & 0xFF) - 0x0F) < 30, abs(Int(value >> 8 & 0xFF) - 0x6E) < 30 { columns.append(x); break }
                }
            }
            return Double(columns.reduce(0, +)) / Double(max(1, columns.count)) / Double(image.width)
        }
        XCTAssertGreaterThan(try imageX(start), 0.6, "start is on the right in Arabic")
        XCTAssertLessThan(try imageX(pinned), 0.4, "left stays on the left")
    }

    func testTheBrandSampleRendersWithItsCoverColoursInEnglishAndArabic() throws {
        let report = try TestSupport.loadSample()
        for sample in ["brand.yaml", "brand-png.yaml"] {
            let style = try library.load(brand.appendingPathComponent(sample).path).style
            for language in ["en", "ar"] {
                let pdf = folder.appendingPathComponent("\(sample)-\(language).pdf")
                try AtomicFile.write(try TestSupport.renderer.briefing(report, style: style,
                                                                       edition: try CatalogueLibrary.bundled().edition(language)), to: pdf)
                let check = try TestSupport.run("qpdf", ["--check", pdf.path])
                XCTAssertEqual(check.status, 0, "\(sample) \(language): \(check.stdout)")
                XCTAssertEqual(try TestSupport.languageAndFigureAlternatives(pdf).alternatives.first, language == "en"
                               ? "Logo of International Labour Office" : "شعار \u{2068}International Labour Office\u{2069}")
            }
        }
        let pdf = folder.appendingPathComponent("brand.yaml-en.pdf")
        let run = try TestSupport.run("pdftoppm", ["-r", "20", "-png", "-f", "1", "-l", "1", "-singlefile", pdf.path,
                                                   folder.appendingPathComponent("cover").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let cover = try XCTUnwrap(RasterImage(png: Array(try Data(contentsOf: folder.appendingPathComponent("cover.png")))))
        let corner = cover.pixels[(cover.height - 4) * cover.width + cover.width - 4]
        XCTAssertEqual(corner & 0xFF_FFFF, 0xEE_F5F2, "the cover's background")
    }

    // MARK: - sections

    func testHiddenSectionsAreGoneFromPagesContentsOutlineAndLabels() throws {
        let full = try render("extends: default\n", name: "full")
        let pdf = try render("""
            extends: default
            sections:
              briefing: [cover, contents, outcomes]
              outcome: [charts, results]
            """, name: "hidden")
        let text = try TestSupport.pdfText(pdf)
        for gone in ["Indicators at a glance", "Results by region", "Significant outputs", "How the strategy delivered support"] {
            XCTAssertTrue(try TestSupport.pdfText(full).contains(gone), "the full briefing has \(gone)")
            XCTAssertFalse(text.contains(gone), "\(gone) is hidden")
        }
        XCTAssertFalse(try pageText(pdf, 2).contains("Summary"), "not in the contents")
        XCTAssertTrue(try pageText(pdf, 2).contains("Contents"))
        let titles = try outline(pdf)
        XCTAssertFalse(titles.contains("Summary"), "\(titles)")
        XCTAssertTrue(try outline(full).contains("Summary"))
        XCTAssertTrue(titles.contains { $0.hasPrefix("Outcome 4") }, "\(titles)")
        XCTAssertFalse(titles.contains { $0.hasPrefix("How the strategy") }, "\(titles)")
        // Charts before results: the first chart's page comes before the results table's heading.
        let labels = try pageLabels(pdf)
        XCTAssertEqual(Array(labels.prefix(3)), ["i", "ii", "1"])
        XCTAssertEqual(labels.count, Int(try XCTUnwrap(TestSupport.pdfInfo(pdf)["Pages"])))
        XCTAssertEqual(Array(labels.dropFirst(2)), (1...(labels.count - 2)).map(String.init), "body pages numbered from 1, none for the summary")
        XCTAssertLessThan(labels.count, try pageLabels(full).count)

        let noContents = try render("extends: default\nsections: {briefing: [cover, summary, outcomes]}\n", name: "nocontents")
        XCTAssertFalse(try TestSupport.pdfText(noContents).contains("Contents"))
        XCTAssertEqual(Array(try pageLabels(noContents).prefix(2)), ["i", "1"])
        let noCover = try render("extends: default\nsections: {briefing: [summary, outcomes]}\n", name: "nocover")
        XCTAssertEqual(try pageLabels(noCover).first, "1")
        XCTAssertFalse(try pageText(noCover, 1).contains("2 indicators"), "no cover facts")
        XCTAssertEqual(try outline(noCover).first, "ILO programme implementation 2014–15")
    }

    // MARK: - header and footer

    func testHeaderAndFooterFieldsAreFilledAsPlainText() throws {
        let date = ISO8601DateFormatter().date(from: "2016-03-31T00:00:00Z")!
        let pdf = try render("""
            extends: default
            header: {left: "<b>{title}</b>", right: "{{{outcome}}}"}
            footer: {left: "As of {date}", right: "{page} / {pages}"}
            """, context: .init(dataDate: date))
        let pages = Int(try XCTUnwrap(TestSupport.pdfInfo(pdf)["Pages"]))!
        let body = try pageText(pdf, 3)
        XCTAssertTrue(body.contains("<b>ILO programme implementation 2014–15</b>"), body)
        XCTAssertTrue(body.contains("{Summary}"), body)
        XCTAssertTrue(body.contains("As of 31 March 2016"), body)
        XCTAssertTrue(body.contains("1 / \(pages - 2)"), body)
        XCTAssertFalse(body.contains("Page 1 of"), body)
        let contents = try pageText(pdf, 2)
        XCTAssertTrue(contents.contains("ii / \(pages - 2)"), contents)
        let last = try pageText(pdf, pages)
        XCTAssertTrue(last.contains("{Outcome 4"), last)
    }

    // MARK: - errors, each located

    func loadError(_ sheet: String, name: String = "bad") throws -> Diagnostic {
        for logo in ["logo.png", "logo.svg"] where !FileManager.default.fileExists(atPath: folder.appendingPathComponent(logo).path) {
            try FileManager.default.copyItem(at: brand.appendingPathComponent(logo), to: folder.appendingPathComponent(logo))
        }
        let url = folder.appendingPathComponent(name + ".yaml")
        try sheet.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try library.load(url.path)
        } catch let failure as StyleSheet.Failure {
            return try XCTUnwrap(failure.diagnostics.first)
        }
        XCTFail("\(sheet) loaded")
        return Diagnostic(severity: .error, file: "", line: 0, column: 0, path: "", message: "")
    }

    func testLogoErrorsNameTheFileAndTheKey() throws {
        var error = try loadError("extends: default\nlogo:\n  file: missing.png\n")
        XCTAssertEqual([error.file, "\(error.line):\(error.column)", error.path], ["bad.yaml", "3:9", "logo.file"])
        XCTAssertTrue(error.message.hasPrefix("missing.png: no such file"), error.message)

        // A PNG signature and header, then garbage: only decoding finds it.
        var corrupt: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        corrupt += [0, 0, 0, 40, 0, 0, 0, 40, 8, 6, 0, 0, 0] + Array(repeating: 0x5A, count: 64)
        try Data(corrupt).write(to: folder.appendingPathComponent("corrupt.png"))
        error = try loadError("extends: default\nlogo: {file: corrupt.png, width: 80}\n")
        XCTAssertEqual(["\(error.line):\(error.column)", error.path], ["2:14", "logo.file"])
        XCTAssertTrue(error.message.hasPrefix("corrupt.png: not a readable PNG image"), error.message)

        try Data("<svg xmlns='http://www.w3.org/2000/svg'><rect".utf8).write(to: folder.appendingPathComponent("broken.svg"))
        error = try loadError("logo: broken.svg\n")
        XCTAssertEqual(["\(error.line):\(error.column)", error.path], ["1:7", "logo"])
        XCTAssertTrue(error.message.hasPrefix("broken.svg: not a readable SVG image"), error.message)

        try Data("GIF89a".utf8).write(to: folder.appendingPathComponent("logo.gif"))
        error = try loadError("logo: logo.gif\n")
        XCTAssertTrue(error.message.contains("a logo is a PNG or SVG file"), error.message)
        try Data("GIF89a".utf8).write(to: folder.appendingPathComponent("fake.png"))
        error = try loadError("logo: fake.png\n")
        XCTAssertTrue(error.message.hasPrefix("fake.png: not a PNG file"), error.message)
    }

    func testLogoOutsideTheSheetsFolderIsRefused() throws {
        let outside = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.copyItem(at: brand.appendingPathComponent("logo.png"), to: outside.appendingPathComponent("secret.png"))
        let sheets = folder.appendingPathComponent("sheets")
        try FileManager.default.createDirectory(at: sheets, withIntermediateDirectories: true)
        let relative = "../../" + outside.lastPathComponent + "/secret.png"
        try FileManager.default.createSymbolicLink(atPath: sheets.appendingPathComponent("link.png").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.png").path)
        try FileManager.default.createSymbolicLink(atPath: sheets.appendingPathComponent("out").path, withDestinationPath: outside.path)
        for (file, column) in [(relative, 7), (outside.appendingPathComponent("secret.png").path, 7), ("link.png", 7), ("out/secret.png", 7)] {
            let url = sheets.appendingPathComponent("escape.yaml")
            try "logo: \(file)\n".write(to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try library.load(url.path), file) { error in
                let diagnostic = (error as? StyleSheet.Failure)?.diagnostics.first
                XCTAssertEqual(diagnostic.map { "\($0.file):\($0.line):\($0.column)" }, "escape.yaml:1:\(column)", file)
                XCTAssertTrue(diagnostic?.message.contains("outside the style sheet's folder") == true
                              || diagnostic?.message.contains("not an absolute path") == true, "\(file): \(String(describing: diagnostic))")
            }
        }
        // A link that stays inside is fine.
        try FileManager.default.copyItem(at: brand.appendingPathComponent("logo.png"), to: sheets.appendingPathComponent("real.png"))
        try FileManager.default.createSymbolicLink(atPath: sheets.appendingPathComponent("inside.png").path, withDestinationPath: "real.png")
        let url = sheets.appendingPathComponent("inside.yaml")
        try "logo: inside.png\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try library.load(url.path).style.logo?.image.naturalSize, Size(width: 240, height: 240))
    }

    func testUnknownSectionAndFieldAreLocatedWithASuggestion() throws {
        var error = try loadError("sections:\n  briefing: [cover, sumary, outcomes]\n")
        XCTAssertEqual(["\(error.line):\(error.column)", error.path], ["2:21", "sections.briefing[1]"])
        XCTAssertTrue(error.message.contains("unknown section \"sumary\"; did you mean \"summary\"?"), error.message)
        error = try loadError("sections:\n  outcome: [results, narative]\n")
        XCTAssertTrue(error.message.contains("did you mean \"narrative\"?"), error.message)
        error = try loadError("sections:\n  briefing: [summary, cover, outcomes]\n")
        XCTAssertEqual(error.path, "sections.briefing[1]")
        error = try loadError("footer:\n  right: \"{page} of {totl}\"\n")
        XCTAssertEqual(["\(error.line):\(error.column)", error.path], ["2:21", "footer.right"])
        XCTAssertTrue(error.message.contains("unknown field \"{totl}\""), error.message)
        error = try loadError("header: {left: {title}}\n")
        XCTAssertEqual(error.path, "header.left")
    }
}

/// The command line: a bad logo stops the render and leaves the old output alone.
final class BrandStyleCommandTests: FolioCommandTestCase {
    func testABrokenLogoWritesNothing() throws {
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: folder.appendingPathComponent("logo.png"))
        try "extends: default\nlogo:\n  file: logo.png\n".write(to: folder.appendingPathComponent("brand.yaml"), atomically: true, encoding: .utf8)
        try Data("old".utf8).write(to: folder.appendingPathComponent("out.pdf"))
        let run = try folio(["render", TestSupport.sample.path, "--style", "brand.yaml", "-o", "out.pdf"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("brand.yaml:3:9: logo.file: logo.png: not a PNG file"), run.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("out.pdf"), encoding: .utf8), "old")
    }
}
