import FolioModel
import Foundation

/// File names made from free text (country names): plain lowercase ASCII, never empty, never a path.
public enum SafeFileName {
    /// "Côte d’Ivoire" → "cote-d-ivoire"; text with no Latin letters or digits gets a stable hash name.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" { out.removeLast() }
        if out.count > maxLength { out = String(out.prefix(maxLength)); while out.last == "-" { out.removeLast() } }
        return out.isEmpty ? "country-" + SHA256.hex(Array(text.utf8)).prefix(12) : out
    }

    /// Names for all `texts`, made unique by numbering repeats ("x", "x-2", …), in the same order.
    public static func unique(_ texts: [String]) -> [String] {
        var used = Set<String>()
        return texts.map { text in
            let base = make(text)
            var name = base, number = 2
            while !used.insert(name).inserted {
                name = "\(base)-\(number)"
                number += 1
            }
            return name
        }
    }
}
