import CCairo
import FolioLayout
@testable import FolioRender
import XCTest

/// Folio's own fontconfig set-up (`Assets/fontconfig/fonts.conf`): bundled fonts first, two
/// system fallback families behind them and nothing else, the two synthetic-face rules kept, made
/// once and made current.
final class FontConfigurationTests: XCTestCase {
    /// The file fontconfig picks for a family, weight and slant, and whether it slants it itself.
    func match(_ family: String, weight: Int32 = FC_WEIGHT_REGULAR, slant: Int32 = FC_SLANT_ROMAN,
               character: Unicode.Scalar? = nil, in fonts: FontLibrary) throws -> (file: String, synthetic: Bool) {
        let pattern = try XCTUnwrap(FcPatternCreate())
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, FC_FAMILY, family)
        FcPatternAddInteger(pattern, FC_WEIGHT, weight)
        FcPatternAddInteger(pattern, FC_SLANT, slant)
        if let character {
            let set = FcCharSetCreate()
            FcCharSetAddChar(set, character.value)
            FcPatternAddCharSet(pattern, FC_CHARSET, set)
            FcCharSetDestroy(set)
        }
        FcConfigSubstitute(fonts.config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        let found = try XCTUnwrap(FcFontMatch(fonts.config, pattern, &result))
        defer { FcPatternDestroy(found) }
        var file: UnsafeMutablePointer<FcChar8>?
        XCTAssertEqual(FcPatternGetString(found, FC_FILE, 0, &file), FcResultMatch)
        var matrix: UnsafeMutablePointer<FcMatrix>?
        var embolden: FcBool = FcFalse
        _ = FcPatternGetBool(found, FC_EMBOLDEN, 0, &embolden)
        let slanted = FcPatternGetMatrix(found, FC_MATRIX, 0, &matrix) == FcResultMatch && matrix?.pointee.xy != 0
        return (String(cString: try XCTUnwrap(file)), slanted || embolden == FcTrue)
    }

    func testBundledFontsComeFirstEvenWhenTheSystemHasTheSameFamily() throws {
        let fonts = try FontLibrary()
        for weight in [FC_WEIGHT_REGULAR, FC_WEIGHT_BOLD] {
            let found = try match("Noto Sans", weight: weight, in: fonts)
            XCTAssertTrue(found.file.hasPrefix(fonts.directory.path + "/"), "Noto Sans came from \(found.file)")
        }
        XCTAssertEqual(fonts.bundledFamilies, ["Noto Sans", "Noto Sans Arabic"])
    }

    /// Output must not depend on what else a machine has installed (this one has 268 Noto fonts).
    func testOnlyTheBundledFontsAndTheTwoFallbackFamiliesAreSeen() throws {
        let fonts = try FontLibrary()
        let pattern = try XCTUnwrap(FcPatternCreate())
        defer { FcPatternDestroy(pattern) }
        let objects = try XCTUnwrap(FcObjectSetCreate())
        defer { FcObjectSetDestroy(objects) }
        FcObjectSetAdd(objects, FC_FILE)
        let list = try XCTUnwrap(FcFontList(fonts.config, pattern, objects))
        defer { FcFontSetDestroy(list) }
        var files: [String] = []
        for index in 0..<Int(list.pointee.nfont) {
            var file: UnsafeMutablePointer<FcChar8>?
            XCTAssertEqual(FcPatternGetString(list.pointee.fonts[index], FC_FILE, 0, &file), FcResultMatch)
            files.append(String(cString: try XCTUnwrap(file)))
        }
        let allowed = [fonts.directory.path + "/", "/usr/share/fonts/truetype/droid/", "/usr/share/fonts/truetype/dejavu/"]
        XCTAssertEqual(files.filter { file in !allowed.contains { file.hasPrefix($0) } }, [])
        XCTAssertEqual(files.filter { $0.hasPrefix(fonts.directory.path + "/") }.count, 6, "\(files)")
        XCTAssertTrue(files.contains("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), "\(files)")
    }

    func testFaceswithoutItalicOrBoldAreMadeByFontconfig() throws {
        let fonts = try FontLibrary()
        let italicArabic = try match("Noto Sans Arabic", slant: FC_SLANT_ITALIC, in: fonts)
        XCTAssertTrue(italicArabic.synthetic, "no slanted face for italic Arabic: \(italicArabic.file)")
        XCTAssertFalse(try match("Noto Sans", slant: FC_SLANT_ITALIC, in: fonts).synthetic, "Noto Sans has a true italic")
        // Chinese comes from the system (fonts-droid-fallback, installed by Scripts/setup.sh), bold made by emboldening.
        let chinese = try match("Noto Sans", weight: FC_WEIGHT_BOLD, character: "中", in: fonts)
        XCTAssertFalse(chinese.file.hasPrefix(fonts.directory.path + "/"), chinese.file)
        XCTAssertTrue(chinese.synthetic, "no emboldened face for bold Chinese in \(chinese.file)")
    }

    func testOneConfigurationServesEveryLibraryAndIsCurrent() throws {
        let first = try FontLibrary(), second = try FontLibrary()
        XCTAssertEqual(first.config, second.config)
        XCTAssertNotEqual(UnsafeRawPointer(first.fontMap), UnsafeRawPointer(second.fontMap), "font maps are per thread")
        XCTAssertEqual(FcConfigGetCurrent(), first.config, "Cairo would load the system's configuration a second time")
    }
}
