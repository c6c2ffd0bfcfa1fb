import FolioModel
import XCTest

final class LanguageTests: XCTestCase {
    func testLanguageDefaultsToEnglish() {
        XCTAssertEqual(check(validYAML).report?.language, "en")
    }

    func testLanguageTagIsKept() {
        XCTAssertEqual(check("language: fr-CA\n" + validYAML).report?.language, "fr-CA")
    }

    func testMalformedLanguageTagIsAnError() {
        assertDiagnostics(check("language: english please\n" + validYAML), [
            "test.yaml:1:11: language: expected a language tag such as \"en\" or \"fr-CA\", found \"english please\"",
        ])
    }

    /// Private-use tags were refused in reports while PDFs accepted them: one check now serves both.
    func testPrivateUseTagIsKept() {
        XCTAssertEqual(check("language: x-klingon\n" + validYAML).report?.language, "x-klingon")
    }

    /// The check reports, PDFs and decks share.
    func testLanguageTagRule() {
        for tag in ["en", "fr-CA", "zh-Hans-CN", "x-klingon", "i-navajo", "de-CH-1901", "sr-Latn-RS", "ABCDEFGH"] {
            XCTAssertTrue(LanguageTag.isValid(tag), tag)
        }
        // Decks accepted the first four (digits first, no length limit).
        for tag in ["123", "1-en", "e", "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd",
                    "", "en-", "-en", "en--US", "abcdefghi", "en_US", "en US", "fr-CA)", "é", "en-\u{0}"] {
            XCTAssertFalse(LanguageTag.isValid(tag), tag)
        }
    }

    /// RFC 4647 lookup: the wanted tag, then shorter and shorter prefixes of it, ignoring case.
    func testLanguageTagLookup() {
        XCTAssertEqual(LanguageTag.lookup("zh-Hant-TW", in: ["zh", "zh-Hant", "zh-Hans"]), "zh-Hant")
        XCTAssertEqual(LanguageTag.lookup("zh-Hant-TW", in: ["zh", "zh-Hans"]), "zh")
        XCTAssertNil(LanguageTag.lookup("zh-Hant", in: ["zh-Hans", "en"]))
        XCTAssertEqual(LanguageTag.lookup("FR-ca", in: ["fr"]), "fr")
        XCTAssertEqual(LanguageTag.lookup("fr", in: ["FR"]), "FR", "the tag is handed back as the data wrote it")
        XCTAssertNil(LanguageTag.lookup("fr", in: ["fr-CA"]), "a more specific text does not serve the general language")
        XCTAssertEqual(LanguageTag.lookup("de-x-formal", in: ["de", "de-x"]), "de", "a single-letter subtag never ends a candidate")
    }
}
