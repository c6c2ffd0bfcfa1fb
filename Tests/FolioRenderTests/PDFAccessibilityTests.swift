import FolioRender
import Foundation
import XCTest

/// `PDFAccessibility` checked by qpdf (which decodes the strings itself) and poppler.
///
/// `Fixtures/cairo-tagged.pdf` is real Cairo 1.16 output, byte-identical between runs, made by
/// `gcc tagged.c $(pkg-config --cflags --libs cairo)` from this program (300×200 pt, DejaVu Sans 12):
///
///     cairo_tag_begin(cr, "Document", "");
///     cairo_tag_begin(cr, "P", "");  show_text("Page one text");  cairo_tag_end(cr, "P");
///     cairo_tag_begin(cr, "Figure", "");  rectangle + fill;  cairo_tag_end(cr, "Figure");
///     cairo_tag_begin(cr, "P", "");  cairo_tag_begin(cr, CAIRO_TAG_LINK, "dest='d1'");
///         show_text("Go to page two");  cairo_tag_end(cr, CAIRO_TAG_LINK);  cairo_tag_end(cr, "P");
///     cairo_show_page(cr);
///     cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='d1'");
///         cairo_tag_begin(cr, "P", "");  show_text("Page two text");  cairo_tag_end(cr, "P");
///     cairo_tag_end(cr, CAIRO_TAG_DEST);
///     cairo_tag_begin(cr, "Figure", "");  rectangle + fill;  cairo_tag_end(cr, "Figure");
///     cairo_show_page(cr);
///     cairo_tag_end(cr, "Document");
///
/// with title "Folio accessibility fixture" and both metadata dates 2024-01-01T00:00:00Z.
final class PDFAccessibilityTests: XCTestCase {
    static let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/FolioRenderTests/Fixtures/cairo-tagged.pdf")
    static let alternatives = [
        "Bar chart: indicator 4.2 – “target” (12) vs. 9) \\ it’s (",
        "柱状图：各区域的目标 🌍\nsecond line",
    ]

    var folder: URL!
    var original: [UInt8]!

    override func setUpWithError() throws {
        folder = try TestSupport.temporaryFolder()
        original = try Array(Data(contentsOf: Self.fixture))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: - Helpers

    func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    func assertQpdfFindsNoFault(_ pdf: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let check = try TestSupport.run("qpdf", ["--check", pdf.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr, file: file, line: line)
        XCTAssertTrue(check.stdout.contains("No syntax or stream encoding errors"), check.stdout, file: file, line: line)
        XCTAssertFalse((check.stdout + check.stderr).uppercased().contains("WARNING"), check.stdout + check.stderr,
                       file: file, line: line)
    }

    /// The file as qpdf reads it (JSON v2): "obj:N G R" and "trailer" → value.
    func qpdfObjects(_ pdf: URL) throws -> [String: Any] { try TestSupport.qpdfObjects(pdf) }

    func languageAndFigureAlternatives(_ pdf: URL) throws -> (language: String?, alternatives: [String?]) {
        try TestSupport.languageAndFigureAlternatives(pdf)
    }

    func update(_ pdf: [UInt8], language: String = "en", _ alternatives: [String] = alternatives) throws -> [UInt8] {
        try PDFAccessibility.addLanguageAndAlternativeTexts(to: pdf, language: language, figureAlternatives: alternatives)
    }

    func assertFails(_ pdf: [UInt8], language: String = "en", _ alternatives: [String] = alternatives,
                     mentioning words: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try update(pdf, language: language, alternatives), file: file, line: line) { error in
            guard let failure = error as? PDFAccessibility.Failure else {
                return XCTFail("unexpected error \(error)", file: file, line: line)
            }
            XCTAssertTrue(failure.message.contains(words), "“\(failure.message)” does not mention “\(words)”",
                          file: file, line: line)
        }
    }

    /// A PDF assembled from object bodies with a correct cross-reference table, for layouts Cairo
    /// does not write. Objects must be numbered 1…n.
    func handMadePDF(_ objects: [String]) -> [UInt8] {
        var bytes = Array("%PDF-1.5\n".utf8)
        var xref = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for (index, body) in objects.enumerated() {
            xref += String(format: "%010d 00000 n \n", bytes.count)
            bytes += Array("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let start = bytes.count
        bytes += Array("\(xref)trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(start)\n%%EOF\n".utf8)
        return bytes
    }

    // MARK: - Tests

    func testFixtureIsCairosTaggedOutputWithoutLanguageOrAlternatives() throws {
        let text = String(decoding: original, as: UTF8.self)
        XCTAssertTrue(text.contains("/Producer (cairo 1.16.0"))
        XCTAssertTrue(text.contains("/StructTreeRoot"))
        let before = try languageAndFigureAlternatives(Self.fixture)
        XCTAssertNil(before.language)
        XCTAssertEqual(before.alternatives, [nil, nil])
    }

    func testUpdatedFilePassesQpdfCheck() throws {
        try assertQpdfFindsNoFault(write(try update(original), "updated.pdf"))
    }

    func testQpdfReadsLanguageAndAlternativesInDrawingOrder() throws {
        let found = try languageAndFigureAlternatives(write(try update(original), "updated.pdf"))
        XCTAssertEqual(found.language, "en")
        XCTAssertEqual(found.alternatives, Self.alternatives)
    }

    func testPopplerStillReadsTextPagesAndStructure() throws {
        let before = Self.fixture
        let after = try write(try update(original), "updated.pdf")
        XCTAssertEqual(try TestSupport.pdfText(after), "Page one text Go to page two Page two text")
        XCTAssertEqual(try TestSupport.pdfInfo(after)["Pages"], "2")
        XCTAssertEqual(try TestSupport.pdfInfo(after)["Title"], "Folio accessibility fixture")
        let structure = try TestSupport.run("pdfinfo", ["-struct-text", after.path])
        XCTAssertEqual(structure.status, 0, structure.stderr)
        XCTAssertEqual(structure.stdout, try TestSupport.run("pdfinfo", ["-struct-text", before.path]).stdout)
        XCTAssertEqual(structure.stdout.components(separatedBy: "Figure").count - 1, 2)
    }

    func testCairosBytesAreKeptAndOutputIsDeterministic() throws {
        let first = try update(original)
        XCTAssertEqual(Array(first.prefix(original.count)), original, "an incremental update only appends")
        XCTAssertEqual(try update(original), first)
        let appended = String(decoding: first.dropFirst(original.count), as: UTF8.self)
        let lines = appended.split(separator: "\n")
        XCTAssertEqual(lines.suffix(3).first, "startxref")
        let xref = try XCTUnwrap(Int(lines[lines.count - 2]))
        XCTAssertGreaterThan(xref, original.count)
        XCTAssertEqual(String(decoding: first[xref..<xref + 5], as: UTF8.self), "xref\n", "startxref points at the new table")
        XCTAssertTrue(appended.contains("/Prev 7940\n"), "chained to Cairo's table at 7940: \(appended)")
        XCTAssertFalse(appended.contains("–"), "user text must not be written raw")
    }

    func testUpdatingAnUpdatedFileReplacesLanguageAndAlternatives() throws {
        let once = try update(original)
        let twice = try update(once, language: "ar-EG", ["رسم بياني للمؤشر ٤٫٢", "Second (replaced)"])
        let url = try write(twice, "twice.pdf")
        try assertQpdfFindsNoFault(url)
        let found = try languageAndFigureAlternatives(url)
        XCTAssertEqual(found.language, "ar-EG")
        XCTAssertEqual(found.alternatives, ["رسم بياني للمؤشر ٤٫٢", "Second (replaced)"])
        let secondUpdate = String(decoding: twice.dropFirst(once.count), as: UTF8.self)
        XCTAssertEqual(secondUpdate.components(separatedBy: "/Lang").count - 1, 1)
        XCTAssertEqual(secondUpdate.components(separatedBy: "/Alt").count - 1, 2)
    }

    func testFiguresFollowTheTreeNotObjectNumbers() throws {
        // Tree: [figure 8, section 5 [figure 4]]; figure 6 is not in the tree. Comments, /MCR and
        // /OBJR kids, an old /Alt and an old /Lang, as a reader must accept them.
        let pdf = handMadePDF([
            "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 3 0 R /Lang (de) >>",
            "<< /Type /Pages /Kids [ 7 0 R ] /Count 1 >>",
            "<< /Type /StructTreeRoot /K [ 8 0 R 5 0 R ] >>",
            "<< /Type /StructElem /S /Figure /P 5 0 R /Alt (old \\) text) /K << /Type /MCR /Pg 7 0 R /MCID 1 >> >>",
            "<< /Type /StructElem /S /Sect % a comment\n /P 3 0 R /Pg 7 0 R /K [ 4 0 R 2 << /Type /OBJR /Obj 7 0 R >> ] >>",
            "<< /Type /StructElem /S /Figure /P 3 0 R >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 200 200 ] >>",
            "<</Type/StructElem/S/Figure/P 3 0 R/Pg 7 0 R/K 0>>",
        ])
        try assertQpdfFindsNoFault(write(pdf, "hand-made.pdf"))
        let url = try write(try update(pdf, language: "fr", ["first in tree", "second in tree"]), "updated.pdf")
        try assertQpdfFindsNoFault(url)
        let found = try languageAndFigureAlternatives(url)
        XCTAssertEqual(found.language, "fr")
        XCTAssertEqual(found.alternatives, ["first in tree", "second in tree"])
        let objects = try qpdfObjects(url)
        XCTAssertNil((objects["obj:6 0 R"] as? [String: Any])?["/Alt"], "figure outside the tree untouched")
        XCTAssertEqual((objects["obj:5 0 R"] as? [String: Any])?["/S"] as? String, "/Sect")
    }

    func testATreeThatMeetsAnElementTwiceOrOutsideTheTableThrows() {
        func tree(_ kids: String) -> [UInt8] {
            handMadePDF([
                "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 3 0 R >>",
                "<< /Type /Pages /Kids [ ] /Count 0 >>",
                "<< /Type /StructTreeRoot /K [ \(kids) ] >>",
                "<< /Type /StructElem /S /Sect /P 3 0 R /K [ 5 0 R ] >>",
                "<< /Type /StructElem /S /Figure /P 4 0 R >>",
            ])
        }
        XCTAssertNoThrow(try update(tree("4 0 R"), ["one figure"]))
        assertFails(tree("4 0 R 5 0 R"), ["a", "b"], mentioning: "object 5 0 R appears twice in the structure tree")
        assertFails(tree("4 0 R 4 0 R"), ["a", "b"], mentioning: "object 4 0 R appears twice in the structure tree")
        assertFails(tree("4 0 R 6 0 R"), ["a"], mentioning: "object 6 0 R is not in the cross-reference table")
        assertFails(tree("0 0 R"), [], mentioning: "object 0 0 R is not in the cross-reference table")  // the freed head
        assertFails(tree("4 1 R"), [], mentioning: "object 4 1 R is not in the cross-reference table")
    }

    func testUntaggedFileGetsLanguageOnly() throws {
        let pdf = handMadePDF([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 200 200 ] >>",
        ])
        let url = try write(try update(pdf, language: "zh-Hans", []), "untagged.pdf")
        try assertQpdfFindsNoFault(url)
        XCTAssertEqual(try languageAndFigureAlternatives(url).language, "zh-Hans")
        assertFails(pdf, ["a figure"], mentioning: "0 /Figure element(s) but 1 alternative")
    }

    func testFigureCountMismatchThrows() {
        assertFails(original, ["only one"], mentioning: "2 /Figure element(s) but 1 alternative")
        assertFails(original, ["a", "b", "c"], mentioning: "2 /Figure element(s) but 3 alternative")
        assertFails(original, [], mentioning: "2 /Figure element(s) but 0 alternative")
    }

    func testInvalidLanguageThrows() throws {
        for language in ["", "e", "en_GB", "en GB", "en-", "-en", "en--GB", "(en)", "en)", "fr<", "1en", "français",
                         "en-abcdefghi", String(repeating: "ab-", count: 12) + "ab"] {
            assertFails(original, language: language, mentioning: "is not a language tag")
        }
        for language in ["en", "fr-CA", "zh-Hans-CN", "ar", "x-folio", "de-CH-1996"] {
            XCTAssertNoThrow(try update(original, language: language), language)
        }
    }

    func testCrossReferenceStreamIsRefused() throws {
        let converted = folder.appendingPathComponent("object-streams.pdf")
        let run = try TestSupport.run("qpdf", ["--object-streams=generate", Self.fixture.path, converted.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        assertFails(try Array(Data(contentsOf: converted)), mentioning: "cross-reference stream instead of a table")
    }

    func testNonPDFThrows() {
        assertFails([], mentioning: "not a PDF")
        assertFails(Array("hello, world\n".utf8), mentioning: "not a PDF")
        assertFails(Array("%PDF-1.5\n%%EOF\n".utf8), mentioning: "no startxref")
        assertFails(Array(original.prefix(original.count / 2)), mentioning: "no startxref")
        assertFails(Array("%PDF-1.5\nstartxref\n99999999999999999999999\n%%EOF".utf8), mentioning: "expected a number")
    }

    /// Truncated and corrupted copies must give a Failure or a result, never a crash or another error.
    func testDamagedInputNeverCrashes() throws {
        func attempt(_ bytes: [UInt8]) {
            do { _ = try update(bytes) } catch is PDFAccessibility.Failure {} catch { XCTFail("unexpected error \(error)") }
        }
        for length in stride(from: 0, to: original.count, by: 13) { attempt(Array(original.prefix(length))) }
        var numbers = SeededNumbers(state: 42)
        func random(_ bound: Int) -> Int { Int(numbers.next()) % bound }
        let replacements = Array("0123456789 \n<>()[]/R%#-.".utf8) + [0, 0xFF]
        let tail = 1600  // structure elements, catalog, cross-reference table and trailer
        var failures = 0
        for _ in 0..<2000 {
            var damaged = original!
            for _ in 0...random(3) {
                damaged[original.count - 1 - random(tail)] = replacements[random(replacements.count)]
            }
            do { _ = try update(damaged) } catch is PDFAccessibility.Failure { failures += 1 } catch {
                XCTFail("unexpected error \(error)")
            }
        }
        XCTAssertGreaterThan(failures, 100, "damage in the parsed part is noticed")
    }
}
