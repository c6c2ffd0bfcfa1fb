/// Puts user text into messages safely: files can hold control characters or megabyte-long keys.
enum Quoting {
    static let maxShown = 60

    /// `"text"` with quotes, backslashes and control characters escaped, and long text cut.
    static func quoted(_ text: String) -> String {
        doubleQuoted(text, limit: maxShown) { scalar in
            guard scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) else { return nil }
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// `text` in double quotes with the backslash escapes messages, JSON and YAML share (`\"`, `\\`,
    /// `\n`, `\r`, `\t`); `escape` writes any other scalar its syntax escapes (nil: as it is).
    /// - Parameter limit: scalars shown before the text is cut with `…`.
    static func doubleQuoted(_ text: String, limit: Int = .max, escape: (Unicode.Scalar) -> String?) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if let escaped = escape(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Text shown bare (numbers, booleans), still cut to a readable length.
    static func bare(_ text: String) -> String {
        text.unicodeScalars.count > maxShown ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxShown))) + "…" : text
    }

    /// `value` in hexadecimal, zero-padded to at least `digits` digits: `U+00E9` in messages,
    /// `\u00e9` and `\x0B` in the strings the writers escape.
    static func hex(_ value: UInt32, digits: Int, uppercase: Bool = true) -> String {
        let text = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
