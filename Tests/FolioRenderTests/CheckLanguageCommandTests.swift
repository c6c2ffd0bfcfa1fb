import Foundation
import XCTest

/// `folio check --language`: the texts an edition would take from the data's own language.
final class CheckLanguageCommandTests: FolioCommandTestCase {
    func testFallbacksAreWarningsAndStrictFailsOnThem() throws {
        let data = folder.appendingPathComponent("data.yaml")
        try """
            title: {en: Social security, fr: Sécurité sociale}
            outcomes:
              - id: "4"
                title: {en: Access, fr: Accès}
                indicators:
                  - id: "4.1"
                    description: Member States that improve
                    target: 1

            """.write(to: data, atomically: true, encoding: .utf8)
        let warning = "data.yaml:7:22: warning: outcomes[0].indicators[0].description: no \"fr\" text; using \"en\"\n"

        let plain = try folio(["check", "data.yaml", "--language", "fr"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertEqual(plain.stderr, warning)
        XCTAssertTrue(plain.stdout.hasSuffix("1 warning\n"), plain.stdout)

        let strict = try folio(["check", "data.yaml", "--language", "fr", "--strict"])
        XCTAssertEqual(strict.status, 65)
        XCTAssertEqual(strict.stderr, warning + "folio: data.yaml is not valid: 0 errors, 1 warning (--strict, --language fr)\n")

        // The data's own language, and a language the data has every text in, pass --strict.
        XCTAssertEqual(try folio(["check", "data.yaml", "--language", "en", "--strict"]).status, 0)
        try String(contentsOf: data, encoding: .utf8)
            .replacingOccurrences(of: "description: Member States that improve", with: "description: {en: Members, fr: Membres}")
            .write(to: data, atomically: true, encoding: .utf8)
        let complete = try folio(["check", "data.yaml", "--language", "fr-CA", "--strict"])
        XCTAssertEqual(complete.status, 0, complete.stderr)
        XCTAssertEqual(complete.stderr, "")
    }

    func testTheSampleHasEveryTextInFrenchAndSpanish() throws {
        for language in ["fr", "es"] {
            let run = try folio(["check", TestSupport.sample.path, "--language", language, "--strict"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(run.stderr, "", language)
        }
        // Arabic is not in the data: one warning, not one per text.
        let arabic = try folio(["check", TestSupport.sample.path, "--language", "ar"])
        XCTAssertEqual(arabic.status, 0, arabic.stderr)
        XCTAssertEqual(arabic.stderr, "outcome4.yaml:4:3: warning: no \"ar\" text in the data; every text stays in \"en\"\n")
    }

    func testALanguageMustBeATag() throws {
        let run = try folio(["check", TestSupport.sample.path, "--language", "fr_FR"])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("--language expects a language tag such as fr or es-419, found \"fr_FR\""), run.stderr)
    }
}
