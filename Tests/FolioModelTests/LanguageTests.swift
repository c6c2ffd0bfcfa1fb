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
}
