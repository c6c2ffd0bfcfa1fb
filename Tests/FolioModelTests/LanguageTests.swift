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
}
