import Foundation

/// The form names are compared in: no case, no diacritics, letters and digits only.
///
/// Data files spell the same place many ways ("Cote d'Ivoire", "Côte d’Ivoire", "COTE DIVOIRE",
/// "Viet Nam", "Vietnam"); none of those differences make another country, so none may make an
/// unknown one. `Scripts/make-country-table` folds the same way to refuse ambiguous spellings.
enum CountryNameKey {
    static func fold(_ name: String) -> String {
        // Most names are ASCII, where folding is lower-casing: no need for Foundation's Unicode tables.
        name.utf8.allSatisfy { $0 < 0x80 } ? foldASCII(name) : foldUnicode(name)
    }

    static func foldASCII(_ name: String) -> String {
        var key = [UInt8]()
        key.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): key.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte + 32)
            default: break
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    static func foldUnicode(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var key = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where CharacterSet.alphanumerics.contains(scalar) {
            key.append(scalar)
        }
        return String(key)
    }
}
