/// Finds the second occurrence of a duplicated YAML key, which Yams does not report.
///
/// It reads lines, not YAML: after the first key, the same mapping continues on lines whose
/// content starts at or right of the key's column (deeper lines belong to values), and ends at
/// the first line that starts further left. Flow mappings are looked at on the key's own line.
/// When nothing matches, the caller falls back to the first occurrence.
enum DuplicateKeyLocator {
    static func repeatPosition(of key: String, after first: SourcePosition, in text: String) -> SourcePosition? {
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            if lineNumber < first.line { continue }
            let scalars = Array(rawLine.unicodeScalars)
            if lineNumber == first.line {
                if let column = sameLineRepeat(of: key, in: scalars, after: first.column) {
                    return SourcePosition(file: first.file, line: lineNumber, column: column)
                }
                continue
            }
            guard let start = scalars.firstIndex(where: { $0 != " " }), scalars[start] != "#" else { continue }
            let column = start + 1
            if column < first.column { return nil }
            if column == first.column, startsWithKey(key, scalars[start...]) {
                return SourcePosition(file: first.file, line: lineNumber, column: column)
            }
        }
        return nil
    }

    /// `{a: 1, a: 2}`: a repeat right after a `,` or `{` on the first key's line.
    private static func sameLineRepeat(of key: String, in scalars: [Unicode.Scalar], after column: Int) -> Int? {
        var i = column
        while i < scalars.count {
            if scalars[i] == "," || scalars[i] == "{" {
                var j = i + 1
                while j < scalars.count, scalars[j] == " " { j += 1 }
                if j < scalars.count, startsWithKey(key, scalars[j...]) { return j + 1 }
            }
            i += 1
        }
        return nil
    }

    /// The key as written (plain, or in either kind of quotes), then optional spaces and a `:` that
    /// ends the key (followed by a blank, the line end, or a flow indicator).
    private static func startsWithKey(_ key: String, _ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let keyScalars = Array(key.unicodeScalars)
        for form in [keyScalars, ["\""] + keyScalars + ["\""], ["'"] + keyScalars + ["'"]] {
            guard rest.count >= form.count, zip(rest, form).allSatisfy({ $0 == $1 }) else { continue }
            var i = rest.startIndex + form.count
            while i < rest.endIndex, rest[i] == " " { i += 1 }
            guard i < rest.endIndex, rest[i] == ":" else { continue }
            let next = i + 1
            if next == rest.endIndex || [" ", "\t", ",", "}", "]"].contains(rest[next]) { return true }
        }
        return false
    }
}
