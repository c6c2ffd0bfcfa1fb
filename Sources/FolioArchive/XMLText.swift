/// Turns user text into XML character data. Nothing user-provided ever becomes markup: every
/// string that reaches a part goes through `XMLText.content` or `XMLText.attribute`.
public enum XMLText {
    /// Keeps what XML 1.0 allows and a reader shows: drops C0 controls other than tab, line feed and
    /// carriage return, DEL and the C1 controls, and the non-characters U+FFFE and U+FFFF.
    /// Line ends come out as "\n" only.
    public static func cleaned(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0D {
                scalars.append("\n")
                afterReturn = true
                continue
            }
            defer { afterReturn = false }
            if value == 0x0A {
                if !afterReturn { scalars.append("\n") }
                continue
            }
            if value == 0x09 { scalars.append(scalar); continue }
            if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Character data of an element: cleaned, with & < > " ' escaped.
    public static func content(_ text: String) -> String {
        escape(cleaned(text), breaksAsReferences: false)
    }

    /// An attribute value (for double quotes): cleaned and escaped, tabs and line ends as character
    /// references so that attribute-value normalisation keeps them.
    public static func attribute(_ text: String) -> String {
        escape(cleaned(text), breaksAsReferences: true)
    }

    private static func escape(_ text: String, breaksAsReferences: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t" where breaksAsReferences: out += "&#9;"
            case "\n" where breaksAsReferences: out += "&#10;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
