@testable import FolioLayout
import FolioLanguage
import XCTest

/// Soft hyphens go only into words that cannot fit their width, so lines never split a word that
/// would have fit on the next line.
final class LongWordsTests: XCTestCase {
    let measurer = FixedAdvanceMeasurer(advance: 0.5)
    let font = FontSpec(family: "Noto Sans", size: 10)  // 5 points a character

    func testWordsThatFitAreLeftAlone() {
        let text = "Share of target"
        XCTAssertEqual(Edition.english.breakingLongWords(text, font: font, width: 40, measurer: measurer), text)
    }

    func testAPartBetweenHyphensThatFitsIsLeftAlone() {
        // "Central" (35 pt) fits in 40 pt; the line breaks after "Europe-" as before.
        let text = "Europe-Central Asia"
        XCTAssertEqual(Edition.english.breakingLongWords(text, font: font, width: 40, measurer: measurer), text)
    }

    func testATooWideWordBreaksAtItsHyphenationPointsOnly() {
        let result = Edition.english.breakingLongWords("information base", font: font, width: 40, measurer: measurer)
        XCTAssertTrue(result.contains("\u{00AD}"), result)
        XCTAssertTrue(result.hasSuffix(" base"), "the short word stays whole")
        XCTAssertEqual(result.replacingOccurrences(of: "\u{00AD}", with: ""), "information base")
        let lines = measurer.lines(of: result, font: font, width: 40)
        XCTAssertTrue(lines.allSatisfy { measurer.width(of: $0, font: font) <= 40 }, "\(lines)")
        XCTAssertTrue(lines.first?.hasSuffix("-") == true, "\(lines)")
        XCTAssertFalse(lines.contains { $0.count < 3 }, "no line of a lone letter: \(lines)")
    }

    func testHyphenPartsKeepTheirHyphens() {
        XCTAssertEqual(Edition.hyphenParts("Europe-Central-Asia"), ["Europe-", "Central-", "Asia"])
        XCTAssertEqual(Edition.hyphenParts("word"), ["word"])
        XCTAssertEqual(Edition.hyphenParts("-"), ["-"])
    }
}
