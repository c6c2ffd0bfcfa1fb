import Foundation
import XCTest
import FolioModel

final class SyntaxAndEncodingTests: XCTestCase {
    func testSyntaxErrorGivesTheParsersPosition() {
        let result = check("""
            title: [unclosed
            outcomes: []
            """)
        XCTAssertNil(result.report)
        XCTAssertTrue(result.isUnreadable)
        assertDiagnostics(result, [
            "test.yaml:2:9: syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 8)",
        ])
    }

    func testBadIndentationIsASyntaxError() {
        assertDiagnostics(check("title: a\n  b: c\n"), ["test.yaml:2:4: syntax error: mapping values are not allowed in this context"])
    }

    func testUnreadableOnlyWhenTheValidatorNeverRan() {
        XCTAssertTrue(check("").isUnreadable)
        XCTAssertTrue(check("a: [\n").isUnreadable)
        XCTAssertFalse(check("title: T\n").isUnreadable, "parsed; a missing field is the validator's error")
        XCTAssertFalse(check("just a scalar").isUnreadable)
        let valid = check("title: T\noutcomes: []\n")
        XCTAssertFalse(valid.isUnreadable)
    }

    func testEmptyFile() {
        assertDiagnostics(check(""), ["test.yaml:1:1: file is empty"])
        assertDiagnostics(check("  \n\n\t\n"), ["test.yaml:1:1: file is empty"])
    }

    func testFileWithOnlyCommentsIsEmpty() {
        assertDiagnostics(check("# nothing yet\n\n# still nothing\n"), ["test.yaml:1:1: file is empty"])
        assertDiagnostics(check("---\n"), ["test.yaml:1:1: file is empty"])
        assertDiagnostics(check("\t# tab-indented comment\n\t\n"), ["test.yaml:1:1: file is empty"])
    }

    func testInvalidUTF8NamesTheByteAndItsPosition() {
        var data = Data("title: ok\nsubtitle: caf".utf8)
        data.append(0xE9) // Latin-1 "é"
        data.append(contentsOf: Array("\noutcomes: []\n".utf8))
        let result = check(data: data)
        XCTAssertNil(result.report)
        assertDiagnostics(result, ["test.yaml:2:14: file is not valid UTF-8 (byte 0xE9 at byte offset 23)"])
    }

    func testColumnsCountCharactersNotBytes() {
        var data = Data("title: “é”".utf8)
        data.append(0xFF)
        assertDiagnostics(check(data: data), ["test.yaml:1:11: file is not valid UTF-8 (byte 0xFF at byte offset 15)"])
    }

    func testUTF16IsRefusedByName() {
        var data = Data([0xFF, 0xFE])
        data.append("title: x\n".data(using: .utf16LittleEndian)!)
        assertDiagnostics(check(data: data), [
            "test.yaml:1:1: file is not UTF-8 (it starts with a UTF-16 byte order mark); save it as UTF-8",
        ])
    }

    func testUTF8ByteOrderMarkIsAccepted() {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(validYAML.utf8))
        assertDiagnostics(check(data: data), [])
        XCTAssertNotNil(check(data: data).report)
        var broken = Data([0xEF, 0xBB, 0xBF])
        broken.append(Data("title: [x\noutcomes: []\n".utf8))
        assertDiagnostics(check(data: broken), [
            "test.yaml:2:9: syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 8)",
        ])
    }

    func testControlCharacterIsRefused() {
        assertDiagnostics(check("title: a\u{0}b\n"), ["test.yaml:1:9: invalid character U+0000: control characters are not allowed"])
    }

    func testTopLevelMustBeAMapping() {
        assertDiagnostics(check("- title: x\n- outcomes: []\n"), ["test.yaml:1:1: expected a mapping at the top level, found a list"])
        assertDiagnostics(check("just some words\n"), ["test.yaml:1:1: expected a mapping at the top level, found \"just some words\""])
    }

    func testSecondDocumentIsRefused() {
        assertDiagnostics(check("title: a\n---\ntitle: b\n"), ["test.yaml:2:1: the file holds more than one YAML document"])
    }

    func testUndefinedAliasIsASyntaxError() {
        assertDiagnostics(check("title: *nowhere\n"), ["test.yaml:1:8: syntax error: found undefined alias"])
    }
}
