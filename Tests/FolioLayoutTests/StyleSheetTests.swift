import FolioLayout
import FolioModel
import Foundation
import XCTest

final class StyleSheetTests: XCTestCase {
    static let styles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Styles")
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("folio-styles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func resolve(_ name: String) -> URL? {
        for base in [folder!, Self.styles] {
            let url = base.appendingPathComponent(name + ".yaml")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    func load(_ name: String, families: Set<String>? = nil) throws -> StyleSheet.Loaded {
        try StyleSheet.load(try XCTUnwrap(resolve(name)), resolve: resolve, availableFamilies: families)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent(name + ".yaml"), atomically: true, encoding: .utf8)
    }

    func errors(_ name: String) -> [String] {
        do {
            _ = try load(name)
            return []
        } catch let failure as StyleSheet.Failure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    var shipped: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: Self.styles.path))?.filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(5)) }.sorted() ?? []
    }

    func testShippedStylesLoad() throws {
        XCTAssertTrue(Set(shipped).isSuperset(of: ["default", "letter", "print-mono", "slides"]), "\(shipped)")
        for name in shipped {
            let loaded = try load(name, families: ["Noto Sans", "Noto Sans Arabic"])
            XCTAssertEqual(loaded.warnings, [], name)
            XCTAssertFalse(loaded.style.summary.isEmpty, name)
            XCTAssertEqual(loaded.style.name, name)
        }
    }

    func testDefaultSheetIsTheBuiltInStyle() throws {
        var style = try load("default").style
        style.name = Style.standard.name
        XCTAssertEqual(style, Style.standard, "Styles/default.yaml and Style.standard must not drift apart")
    }

    func testInheritanceOverridesOnlyWhatItNames() throws {
        let slides = try load("slides").style
        XCTAssertEqual(slides.chartWidth, 1920)
        XCTAssertEqual(slides.chartHeight, 1080)
        XCTAssertGreaterThan(slides.chartTypeScale, 1)
        XCTAssertEqual(slides.regionPalette, Style.standard.regionPalette)
        let transparent = try load("slides-transparent").style
        XCTAssertNil(transparent.chartBackground)
        XCTAssertEqual(transparent.chartWidth, 1920, "inherited from slides")
        let letter = try load("letter").style
        XCTAssertEqual(letter.pageSize, Size(width: 612, height: 792))
        XCTAssertTrue(try load("print-mono").style.barPatterns)
    }

    func testUnknownKeyBadColourAndWrongTypeNameFileLineAndKey() throws {
        try write("broken", """
            extends: default
            colors:
              acent: "#123456"
              text: "#12345G"
            type:
              body: big
            """)
        XCTAssertEqual(errors("broken"), [
            "broken.yaml:3:3: colors.acent: unknown key \"acent\"; did you mean \"accent\"?",
            "broken.yaml:4:9: colors.text: expected a colour like \"#1D4E89\", found \"#12345G\"",
            "broken.yaml:6:9: type.body: expected a number, found \"big\"",
        ])
    }

    func testExtendsMustNameAStyleAndMustNotLoop() throws {
        try write("orphan", "extends: nowhere\n")
        XCTAssertEqual(errors("orphan").first?.hasPrefix("orphan.yaml:1:10: extends: extends names no style"), true, "\(errors("orphan"))")
        try write("a", "extends: b\n")
        try write("b", "extends: a\n")
        XCTAssertTrue(errors("a").first?.contains("extends itself") ?? false, "\(errors("a"))")
    }

    func testMissingFontFallsBackWithAWarning() throws {
        try write("fancy", "extends: default\nfonts:\n  family: Comic Serif\n")
        let loaded = try load("fancy", families: ["Noto Sans", "Noto Sans Arabic"])
        XCTAssertEqual(loaded.style.fontFamily, "Noto Sans")
        XCTAssertEqual(loaded.warnings.map(\.description),
                       ["fancy.yaml:3:11: warning: fonts.family: font \"Comic Serif\" is not in Assets/fonts; using \"Noto Sans\""])
    }

    func testEmptyAndBinarySheetsAreErrorsNotCrashes() throws {
        try write("empty", "")
        XCTAssertEqual(errors("empty"), ["empty.yaml:1:1: file is empty"])
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: folder.appendingPathComponent("binary.yaml"))
        XCTAssertFalse(errors("binary").isEmpty)
    }

    /// WCAG AA for every label drawn on a bar, in every shipped style.
    func testLabelsOnBarsReachContrastAA() throws {
        for name in shipped {
            let style = try load(name).style
            let fills = style.regionPalette + [style.targetColor, style.resultMetColor, style.resultShortColor]
            for fill in fills {
                let ratio = ChartLook.labelColor(on: fill).contrastRatio(with: fill)
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(name): label on \(fill) has contrast \(ratio)")
            }
        }
    }
}
