@testable import FolioLanguage
import Foundation
import XCTest

/// The country table (Assets/countries). The sample's names are checked through the validator in
/// FolioRenderTests/CountryValidationTests.
final class CountriesTests: XCTestCase {
    func table() throws -> CountryTable { try XCTUnwrap(CountryTable.bundled, "Assets/countries/countries.tsv not found") }

    func testTheSpellingsOfReportsAreKnown() throws {
        let table = try table()
        XCTAssertEqual(table.country(named: "Lao People’s Democratic Republic")?.alpha3, "LAO")
        XCTAssertEqual(table.country(named: "Occupied Palestinian Territory")?.alpha3, "PSE")
        XCTAssertEqual(table.country(named: "Czech Republic")?.alpha3, "CZE")
        XCTAssertEqual(table.country(named: "Bolivia (Plurinational State of)")?.alpha3, "BOL")
        XCTAssertEqual(table.country(named: "United Republic of Tanzania")?.alpha3, "TZA")
    }

    func testNamesMatchWithoutCaseDiacriticsOrPunctuation() throws {
        let table = try table()
        for spelling in ["Viet Nam", "Vietnam", "VIET NAM", "viet-nam"] {
            XCTAssertEqual(table.country(named: spelling)?.alpha3, "VNM", spelling)
        }
        XCTAssertEqual(table.country(named: "Cote d'Ivoire")?.alpha3, "CIV")
        XCTAssertEqual(table.country(named: "Côte d’Ivoire")?.alpha3, "CIV")
        XCTAssertEqual(table.country(named: "Turkey")?.alpha3, "TUR")
        XCTAssertEqual(table.country(named: "the Gambia")?.alpha3, "GMB")
        XCTAssertEqual(table.country(named: "Bolivia")?.alpha3, "BOL")
        XCTAssertNil(table.country(named: "Atlantis"))
        XCTAssertNil(table.country(named: ""))
    }

    func testTheASCIIFoldIsTheUnicodeFoldOnASCII() throws {
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        var samples = [every, "Cote d'Ivoire", "VIET-NAM", "Guinea_Bissau 2", "\t[ST. KITTS]\n"]
        let spellings = try String(contentsOf: try XCTUnwrap(BundledAssets.path("countries/countries.tsv")), encoding: .utf8)
        samples += spellings.split(whereSeparator: { $0 == "\t" || $0 == "\n" }).map(String.init).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        XCTAssertGreaterThan(samples.count, 500)
        for sample in samples {
            XCTAssertEqual(CountryNameKey.foldASCII(sample), CountryNameKey.foldUnicode(sample), sample)
        }
    }

    func testCodesKeepAllThreeForms() throws {
        let table = try table()
        let vietNam = try XCTUnwrap(table.country(code: "VNM"))
        XCTAssertEqual(vietNam.alpha2, "VN")
        XCTAssertEqual(vietNam.numeric, "704")
        XCTAssertEqual(vietNam.name, "Viet Nam")
        XCTAssertEqual(table.country(code: "vn"), vietNam)
        XCTAssertEqual(table.country(code: "704"), vietNam)
        XCTAssertEqual(table.country(code: "XKX")?.name, "Kosovo")
        XCTAssertNil(table.country(code: "XYZ"))
        XCTAssertGreaterThanOrEqual(table.countries.count, 249)
    }

    func testEnglishNamesAreTheUNShortNames() throws {
        let table = try table()
        XCTAssertEqual(table.name(code: "BOL", language: "en"), "Bolivia (Plurinational State of)")
        XCTAssertEqual(table.name(code: "TUR", language: "en"), "Türkiye")
        XCTAssertEqual(table.name(code: "MDA", language: "en"), "Republic of Moldova")
        XCTAssertEqual(table.name(code: "TZA", language: "en-GB"), "United Republic of Tanzania")
        XCTAssertNil(table.name(code: "XYZ", language: "en"))
    }

    func testOtherLanguagesTakeCLDRNames() throws {
        let table = try table()
        XCTAssertEqual(table.name(code: "ETH", language: "fr"), "Éthiopie")
        XCTAssertEqual(table.name(code: "ETH", language: "es"), "Etiopía")
        XCTAssertEqual(table.name(code: "DEU", language: "ru"), "Германия")
        XCTAssertEqual(table.name(code: "KHM", language: "zh"), "柬埔寨")
        XCTAssertEqual(table.name(code: "MNG", language: "fr"), "Mongolie")
        XCTAssertNotEqual(table.name(code: "JOR", language: "ar"), "Jordan")
        // A French file may list French names.
        XCTAssertEqual(table.country(named: "Éthiopie", language: "fr")?.alpha3, "ETH")
        XCTAssertNil(table.country(named: "Éthiopie"))
    }

    /// CLDR's everyday names are not what UN documents print ("Chine continentale", "Laos").
    func testTheUNNamesReplaceCLDRsWhereTheyDiffer() throws {
        let table = try table()
        XCTAssertEqual(table.name(code: "CHN", language: "fr"), "Chine")
        XCTAssertEqual(table.name(code: "CHN", language: "zh"), "中国")
        XCTAssertEqual(table.name(code: "PSE", language: "fr"), "Territoire palestinien occupé")
        XCTAssertEqual(table.name(code: "PSE", language: "es"), "Territorio Palestino Ocupado")
        XCTAssertEqual(table.name(code: "LAO", language: "es"), "República Democrática Popular Lao")
        XCTAssertEqual(table.name(code: "VNM", language: "fr-CA"), "Viet Nam")
        // Both spellings are recognised in a French file.
        XCTAssertEqual(table.country(named: "Laos", language: "fr")?.alpha3, "LAO")
        XCTAssertEqual(table.country(named: "République démocratique populaire lao", language: "fr")?.alpha3, "LAO")
        XCTAssertThrowsError(try CountryTable(tsv: "h\nVN\tVNM\t704\tViet Nam\t\n", translatedTSV: "alpha_3\tfr\nXYZ\tX\n"))
    }

    func testADataFilesNamesAreTranslatedByCodeOrName() throws {
        let table = try table()
        XCTAssertEqual(table.translatedName(of: "Viet Nam", dataLanguage: "en", to: "es"), "Viet Nam")
        XCTAssertEqual(table.translatedName(of: "Ethiopia", dataLanguage: "en", to: "fr"), "Éthiopie")
        XCTAssertEqual(table.translatedName(of: "Éthiopie", dataLanguage: "fr", to: "en"), "Ethiopia")
        XCTAssertEqual(table.translatedName(of: "Somewhere", code: "PSE", dataLanguage: "en", to: "fr"), "Territoire palestinien occupé")
        XCTAssertNil(table.translatedName(of: "Zanzibar", dataLanguage: "en", to: "fr"))
    }

    func testAMisspeltNameGetsTheClosestKnownOne() throws {
        let table = try table()
        XCTAssertNil(table.country(named: "Ethiopa"))
        XCTAssertEqual(table.suggestion(for: "Ethiopa"), "Ethiopia")
        XCTAssertEqual(table.suggestion(for: "Kazakstan"), "Kazakhstan")
        XCTAssertEqual(table.suggestion(for: "Veit Nam"), "Viet Nam")
        XCTAssertEqual(table.suggestion(for: "Ethiopei", language: "fr"), "Éthiopie")
        XCTAssertNil(table.suggestion(for: "Middle Earth"))
    }

    func testABrokenTableNamesItsLine() {
        XCTAssertThrowsError(try CountryTable(tsv: "alpha_2\talpha_3\tnumeric\tname\taliases\nVN\tVNM\t704\n")) { error in
            XCTAssertEqual("\(error)", "countries.tsv:2: expected alpha_2, alpha_3, numeric, name and aliases separated by tabs")
        }
        let twice = "h\nVN\tVNM\t704\tViet Nam\t\nVX\tVNX\t\tVietnam\t\n"
        XCTAssertThrowsError(try CountryTable(tsv: twice)) { error in
            XCTAssertEqual("\(error)", "countries.tsv:3: \"Vietnam\" also names Viet Nam")
        }
    }
}
