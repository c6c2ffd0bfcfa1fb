import Foundation

/// The form names are compared in: no case, no diacritics, letters and digits only.
///
/// Data files spell the same place many ways ("Cote d'Ivoire", "Côte d’Ivoire", "COTE DIVOIRE",
/// "Viet Nam", "Vietnam"); none of those differences make another country, so none may make an
/// unknown one. `Scripts/make-country-table` folds the same way to refuse ambiguous spellings.
enum CountryNameKey {
    static func fold(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var key = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where CharacterSet.alphanumerics.contains(scalar) {
            key.append(scalar)
        }
        return String(key)
    }
}
