/// The one check of a BCP 47 language tag that reports, PDFs (/Lang) and decks (`lang=`) share.
///
/// A tag is hyphen-separated subtags of 1 to 8 ASCII letters or digits, the first of letters
/// only, at most 35 characters: "en", "fr-CA", "zh-Hans-CN", and the private-use and
/// grandfathered forms "x-klingon" and "i-navajo" (a one-letter first subtag needs another).
/// Registry membership is not checked (readers ignore unknown tags), but nothing that passes can
/// break out of the PDF string or XML attribute it is written into.
public enum LanguageTag {
    /// The longest tag accepted (RFC 5646 §4.4.1 recommends supporting at least 35 characters).
    public static let maxLength = 35

    public static func isValid(_ tag: String) -> Bool {
        let utf8 = tag.utf8
        guard !utf8.isEmpty, utf8.count <= maxLength else { return false }
        let subtags = utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let first = subtags.first, first.allSatisfy(isLetter), first.count >= 2 || subtags.count > 1 else { return false }
        return subtags.allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { isLetter($0) || isDigit($0) } }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
