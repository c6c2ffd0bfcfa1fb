/// What a line holding soft hyphens (U+00AD) shows: a hyphen where the line breaks at one,
/// nothing where one stays inside. Shared by every text measurer so lines read the same whichever
/// measured them.
public enum SoftHyphens {
    public static let character: Unicode.Scalar = "\u{AD}"
    /// The visible hyphen at a break. Hyphen-minus rather than U+2010: every font has it, and a
    /// PDF reader copies it out as the hyphen people type.
    public static let visibleHyphen = "-"

    /// The text of a line as drawn: a trailing soft hyphen becomes "-", the others vanish.
    public static func visible(_ line: String) -> String {
        guard line.unicodeScalars.contains(character) else { return line }
        let breaksHere = line.unicodeScalars.last == character
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: line.unicodeScalars.lazy.filter { $0 != character })
        return String(kept) + (breaksHere ? visibleHyphen : "")
    }

    /// The text with every soft hyphen removed, as it shows on one unbroken line.
    public static func removed(from text: String) -> String {
        guard text.unicodeScalars.contains(character) else { return text }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: text.unicodeScalars.lazy.filter { $0 != character })
        return String(kept)
    }
}
