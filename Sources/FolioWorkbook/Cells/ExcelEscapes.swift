/// Excel's `_xHHHH_` escape: characters XML cannot carry (control characters) are written as
/// `_x0001_`, and a literal `_x` sequence that would look like one as `_x005F_x…`.
enum ExcelEscapes {
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
               scalars[(i + 2)..<(i + 6)].allSatisfy({ $0.properties.isASCIIHexDigit }),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                i += 7
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        scalars = []
        return String(out)
    }

    /// Excel reads `_xHHHH_` in a string as the character U+HHHH; a text that contains such a
    /// sequence literally has its underscore written as `_x005F_`, so it reads back unchanged.
    static func encode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x",
               scalars[index + 2...index + 5].allSatisfy({ $0.properties.isASCIIHexDigit }), scalars[index + 6] == "_" {
                out.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                out.append(scalars[index])
            }
            index += 1
        }
        return String(out)
    }
}
