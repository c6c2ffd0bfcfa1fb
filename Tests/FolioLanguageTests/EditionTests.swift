import FolioLanguage
import Foundation
import XCTest

final class EditionTests: XCTestCase {
    func library() throws -> CatalogueLibrary { try CatalogueLibrary.bundled() }

    func testFrenchFormatsComeFromCLDR() {
        let french = LocaleFormats(language: "fr")
        XCTAssertEqual(french.integer(1234), "1\u{202F}234")
        XCTAssertTrue(french.percent(wholePercent: 110).hasPrefix("110"))
        XCTAssertTrue(french.percent(wholePercent: 110).hasSuffix("%"))
        XCTAssertNotEqual(french.percent(wholePercent: 110), "110%")
        XCTAssertEqual(french.longDate(Date(timeIntervalSince1970: 1_796_515_200)), "6 décembre 2026")
        XCTAssertEqual(french.list(["A", "B", "C"]), "A, B et C")
        XCTAssertEqual(LocaleFormats(language: "es").longDate(Date(timeIntervalSince1970: 1_796_515_200)), "6 de diciembre de 2026")
        XCTAssertEqual(LocaleFormats(language: "en").integer(1234), "1,234")
    }

    func testArabicDigitsFollowTheNumberingSystem() {
        XCTAssertEqual(LocaleFormats(language: "ar", numbering: "latn").integer(12), "12")
        XCTAssertEqual(LocaleFormats(language: "ar", numbering: "arab").integer(12), "\u{0661}\u{0662}")
    }

    func testPluralCategoriesAreCLDRs() {
        let russian = PluralRules(language: "ru")
        XCTAssertEqual([1, 2, 5, 11, 21, 22].map(russian.category(of:)), ["one", "few", "many", "many", "one", "few"])
        XCTAssertEqual(PluralRules(language: "fr").category(of: 0), "one")
        XCTAssertEqual(PluralRules(language: "en").category(of: 0), "other")
        XCTAssertEqual(PluralRules(language: "zh").category(of: 1), "other")
    }

    func testPlaceholdersAreFilledOnceSoDataCannotInjectThem() {
        let english = Catalogue(language: "en", messages: ["greet": .text("Hello {name}, {other}")])
        let edition = Edition(language: "en", catalogue: english, english: english)
        XCTAssertEqual(edition.text("greet", ["name": "{other}", "other": "x"]), "Hello {other}, x")
    }

    func testRightToLeftEditionsIsolateEveryValue() {
        let arabic = Catalogue(language: "ar", direction: .rightToLeft, messages: ["h": .text("النتيجة {id}: {title}")])
        let edition = Edition(language: "ar", catalogue: arabic, english: arabic)
        XCTAssertEqual(edition.text("h", ["id": "4", "title": "Social security."]),
                       "النتيجة \u{2068}4\u{2069}: \u{2068}Social security.\u{2069}")
        let french = Catalogue(language: "fr", messages: ["h": .text("Résultat {id}")])
        XCTAssertEqual(Edition(language: "fr", catalogue: french, english: french).text("h", ["id": "4"]), "Résultat 4")
    }

    func testMissingKeysFallBackToEnglishWithAWarningNamingKeyAndLanguage() {
        let english = Catalogue(language: "en", messages: ["a": .text("A"), "b": .text("B")])
        let french = Catalogue(language: "fr", messages: ["a": .text("À")])
        let edition = Edition(language: "fr", catalogue: french, english: english)
        XCTAssertEqual(edition.text("a"), "À")
        XCTAssertEqual(edition.text("b"), "B")
        XCTAssertEqual(edition.warnings, ["catalogue fr: no \"b\"; using English"])
    }

    func testBundledEnglishCountsMemberStates() throws {
        let english = try library().edition("en")
        XCTAssertEqual(english.count("count.member_states", 1), "1 member State")
        XCTAssertEqual(english.count("count.member_states", 1200), "1,200 member States")
        XCTAssertEqual(english.warnings, [])
    }

    func testUnsafeLanguageTagsNeverReachTheFileSystem() throws {
        let edition = try library().edition("../../etc/passwd")
        XCTAssertFalse(edition.warnings.isEmpty)
    }
}

final class CatalogueCompletenessTests: XCTestCase {
    /// Every shipped catalogue has every English key, the same placeholders, and a form for each of
    /// its language's CLDR plural categories (Arabic's one and two may spell the number out).
    func testShippedCataloguesAreComplete() throws {
        let library = try CatalogueLibrary.bundled()
        XCTAssertEqual(library.languages(), ["ar", "en", "es", "fr", "ru", "zh"])
        let english = try XCTUnwrap(library.catalogues["en"])
        func placeholders(_ text: String) -> Set<String> {
            Set(text.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) })
        }
        for tag in library.languages() where tag != "en" {
            let edition = library.edition(tag)
            XCTAssertEqual(edition.warnings, [], tag)
            let catalogue = try XCTUnwrap(library.catalogues[tag])
            XCTAssertEqual(Set(catalogue.messages.keys), Set(english.messages.keys), tag)
            for (key, message) in english.messages {
                guard let translated = catalogue.messages[key] else { continue }
                switch (message, translated) {
                case (.text(let a), .text(let b)):
                    XCTAssertEqual(placeholders(a), placeholders(b), "\(tag): \(key)")
                case (.plural(let a), .plural(let forms)):
                    let expected = placeholders(a["other"]!)
                    for (category, form) in forms where !(tag == "ar" && (category == "one" || category == "two")) {
                        XCTAssertEqual(placeholders(form), expected, "\(tag): \(key).\(category)")
                    }
                    let rules = PluralRules(language: tag)
                    for count in [0, 1, 2, 3, 5, 11, 21, 100, 101] {
                        XCTAssertNotNil(forms[rules.category(of: count)], "\(tag): \(key) has no form for \(count)")
                    }
                default:
                    XCTFail("\(tag): \(key) is plural in one catalogue and not in the other")
                }
            }
        }
    }
}
