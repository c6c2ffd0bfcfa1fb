import FolioLanguage
import Foundation
import Synchronization
import XCTest

/// Hyphenation with Debian's libhyphen dictionaries (hyphen-en-us, hyphen-fr, hyphen-es, hyphen-ru).
final class HyphenationTests: XCTestCase {
    func hyphenator(_ language: String) throws -> Hyphenator {
        try XCTUnwrap(Hyphenator.forLanguage(language), "no hyphenation dictionary for \(language) in \(Hyphenator.folder.path)")
    }

    /// The pieces a hyphenated word breaks into.
    func pieces(_ text: String) -> [String] { text.components(separatedBy: "\u{AD}") }

    func testWordsBreakAtTheDictionarysPoints() throws {
        XCTAssertEqual(pieces(try hyphenator("en").hyphenated("hyphenation")), ["hy", "phen", "ation"])
        XCTAssertEqual(try hyphenator("fr").hyphenated("gouvernement"), "gou\u{AD}ver\u{AD}ne\u{AD}ment")
        XCTAssertEqual(try hyphenator("es").hyphenated("seguridad"), "se\u{AD}gu\u{AD}ri\u{AD}dad")
    }

    /// Russian's dictionary is KOI8-R: words are encoded to it and the points mapped back.
    func testRussianIsHyphenatedThroughItsEightBitDictionary() throws {
        let hyphenated = try hyphenator("ru").hyphenated("социального обеспечения")
        XCTAssertTrue(hyphenated.contains("\u{AD}"), hyphenated)
        XCTAssertEqual(hyphenated.replacingOccurrences(of: "\u{AD}", with: ""), "социального обеспечения")
        for piece in pieces(hyphenated) { XCTAssertGreaterThanOrEqual(piece.count, 2, hyphenated) }
    }

    /// No break leaves fewer than two letters on either side, in any language, capitalised or not.
    func testNoBreakLeavesFewerThanTwoLetters() throws {
        let samples = ["en": "Occupied Palestinian Territory, Democratic Republic of the Congo, Anphaphaanisation",
                       "fr": "Organisation internationale du Travail, États Membres, Éthiopie",
                       "es": "Organización Internacional del Trabajo, Estados Miembros",
                       "ru": "Международная организация труда, государства-члены"]
        for (language, text) in samples {
            let hyphenated = try hyphenator(language).hyphenated(text)
            XCTAssertNotEqual(hyphenated, text, language)
            XCTAssertEqual(hyphenated.replacingOccurrences(of: "\u{AD}", with: ""), text, language)
            for word in hyphenated.split(whereSeparator: { !$0.isLetter && $0 != "\u{AD}" }) {
                for piece in pieces(String(word)) {
                    XCTAssertGreaterThanOrEqual(piece.count, 2, "\(language): \(word)")
                }
            }
        }
        XCTAssertEqual(try hyphenator("en").hyphenated("Iraq, Oman, Peru"), "Iraq, Oman, Peru")
    }

    func testAuthorsSoftHyphensAreKept() throws {
        XCTAssertEqual(try hyphenator("en").hyphenated("hyphen\u{AD}ation"), "hyphen\u{AD}ation")
    }

    func testRegionalTagsFindTheLanguagesDictionary() throws {
        XCTAssertEqual(try hyphenator("fr-CA").hyphenated("gouvernement"), "gou\u{AD}ver\u{AD}ne\u{AD}ment")
        XCTAssertNotNil(Hyphenator.forLanguage("es-MX"))
        XCTAssertNotNil(Hyphenator.forLanguage("ru"))
        XCTAssertNil(Hyphenator.forLanguage("zh"))
        XCTAssertNil(Hyphenator.forLanguage("../../etc/passwd"))
    }

    func testAnEditionWithoutADictionaryLeavesTextAlone() throws {
        let library = try CatalogueLibrary.bundled()
        let english = try library.edition("en")
        XCTAssertEqual(english.hyphenated("hyphenation"), "hy\u{AD}phen\u{AD}ation")
        let chinese = Edition(language: "zh", catalogue: english.catalogue, english: english.catalogue)
        XCTAssertEqual(chinese.hyphenated("社会保障 hyphenation"), "社会保障 hyphenation")
    }

    /// Dictionaries load once and serve every thread: the same answers on 8 threads at once.
    func testHyphenationIsTheSameOnManyThreads() throws {
        let text = "Organisation internationale du Travail, gouvernement, sécurité sociale"
        let expected = try hyphenator("fr").hyphenated(text)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<100 {
                let language = ["fr", "es", "en", "ru"].randomElement()!
                let made = Hyphenator.forLanguage("fr")!.hyphenated(text)
                _ = Hyphenator.forLanguage(language)?.hyphenated(text)
                results.record(made == expected)
            }
        }
        XCTAssertEqual(results.mismatches, 0)
    }
}

private final class Results: Sendable {
    private let count = Atomic<Int>(0)
    func record(_ same: Bool) { if !same { count.add(1, ordering: .relaxed) } }
    var mismatches: Int { count.load(ordering: .relaxed) }
}
