import FolioModel
import Foundation
import XCTest

final class SHA256Tests: XCTestCase {
    /// FIPS 180-4 examples, as the hand-written implementation was checked against.
    func testKnownDigests() {
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        XCTAssertEqual(SHA256.hex(long), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Callers pass arrays, `Data`, slices and UTF-8 views: every kind gives the same digest.
    func testEveryCollectionKindGivesTheSameDigest() {
        let text = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        let expected = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        XCTAssertEqual(SHA256.hex(Data(text.utf8)), expected)
        XCTAssertEqual(SHA256.hex(text.utf8), expected)
        XCTAssertEqual(SHA256.hex(Array(("xx" + text).utf8).dropFirst(2)), expected)
        XCTAssertEqual(SHA256.digest(Array(text.utf8)).count, 32)
    }

    /// A million "a": many blocks, the padding of a length with high bits set.
    func testMillionA() {
        XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
