import FolioModel
import Foundation
import XCTest

/// Style sheets and build files take the reports' reading path, so their problems read alike.
final class YAMLTreeTests: XCTestCase {
    func messages(_ data: Data, options: LoadOptions = LoadOptions()) -> [String] {
        YAMLTree.parse(data: data, fileName: "style.yaml", options: options).diagnostics.map(\.description)
    }

    func testAValidFileIsATree() throws {
        let parsed = YAMLTree.parse(data: Data("page:\n  size: a4\n".utf8), fileName: "style.yaml")
        XCTAssertEqual(parsed.diagnostics, [])
        guard case .mapping(let entries) = try XCTUnwrap(parsed.tree).value else { return XCTFail("not a mapping") }
        XCTAssertEqual(entries.map(\.key), ["page"])
        XCTAssertEqual(entries.first.map { [$0.keyLine, $0.keyColumn] }, [1, 1])
    }

    func testEncodingProblemsAreWordedAsForReports() {
        XCTAssertEqual(messages(Data([0xFF, 0xFE]) + Data("a: 1\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })), [
            "style.yaml:1:1: file is not UTF-8 (it starts with a UTF-16 byte order mark); save it as UTF-8",
        ])
        XCTAssertEqual(messages(Data("page:\n  x\u{e9}: 1\n".utf8.map { $0 == 0xC3 ? 0xFF : $0 })), [
            "style.yaml:2:4: file is not valid UTF-8 (byte 0xFF at byte offset 9)",
        ])
    }

    func testLimitsAndEmptinessAreWordedAsForReports() {
        XCTAssertEqual(messages(Data(String(repeating: "# x\n", count: 300).utf8), options: LoadOptions(maxBytes: 1024)), [
            "style.yaml:1:1: file is larger than the limit of 1 KiB",
        ])
        XCTAssertEqual(messages(Data("# only a comment\n".utf8)), ["style.yaml:1:1: file is empty"])
        XCTAssertEqual(messages(Data("---\n".utf8)), ["style.yaml:1:1: file is empty"])
    }
}
