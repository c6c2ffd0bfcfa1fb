/// Measures and breaks text for the layout stage.
///
/// Layout decides where every line goes, so it must know how text wraps before anything is drawn.
/// The renderer supplies a Pango-backed measurer; tests use `FixedAdvanceMeasurer` so that
/// page-break rules can be checked without Cairo and without font files.
public protocol TextMeasurer {
    /// Width of a single line of text.
    func width(of text: String, font: FontSpec) -> Double
    /// Breaks text into lines no wider than `width` (a word longer than the width is broken inside).
    /// Hard line breaks in the text are kept. Lines carry no trailing spaces.
    func lines(of text: String, font: FontSpec, width: Double) -> [String]
    func metrics(of font: FontSpec) -> FontMetrics
}

extension TextMeasurer {
    /// Like `lines(of:font:width:)`, but at most `maxLines`, the last one ending in "…" when text was cut.
    public func lines(of text: String, font: FontSpec, width: Double, maxLines: Int) -> [String] {
        guard maxLines > 0 else { return [] }
        // Break only a prefix long enough for one line more than needed: labels cut to a line or two
        // would otherwise shape their whole text. No character is narrower than a quarter em here,
        // so the prefix always overfills; lines break greedily, so the first lines are the same.
        let perLine = Int(width / max(0.01, font.size * 0.25)) + 1
        let budget = perLine * (maxLines + 1)
        var all: [String]
        if text.count > budget {
            all = lines(of: String(text.prefix(budget)), font: font, width: width)
            if all.count <= maxLines { all = lines(of: text, font: font, width: width) }
        } else {
            all = lines(of: text, font: font, width: width)
        }
        guard all.count > maxLines else { return all }
        all.removeLast(all.count - maxLines)
        var last = Substring(all[maxLines - 1])
        while !last.isEmpty && self.width(of: last + "…", font: font) > width {
            if let space = last.lastIndex(of: " ") {
                last = last[..<space]
            } else {
                last = last.dropLast()
            }
        }
        while last.last == " " || last.last == "," || last.last == ";" { last = last.dropLast() }
        all[maxLines - 1] = last + "…"
        return all
    }
}

/// A measurer where every character advances by `advance × size`: predictable line breaks for tests.
public struct FixedAdvanceMeasurer: TextMeasurer, Sendable {
    public var advance: Double
    public var ascent: Double
    public var descent: Double

    public init(advance: Double = 0.5, ascent: Double = 0.8, descent: Double = 0.2) {
        self.advance = advance; self.ascent = ascent; self.descent = descent
    }

    public func width(of text: String, font: FontSpec) -> Double {
        Double(text.count) * advance * font.size
    }

    public func metrics(of font: FontSpec) -> FontMetrics {
        FontMetrics(ascent: ascent * font.size, descent: descent * font.size)
    }

    public func lines(of text: String, font: FontSpec, width: Double) -> [String] {
        let perLine = max(1, Int((width / (advance * font.size)).rounded(.down)))
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                if !line.isEmpty && line.count + 1 + word.count <= perLine {
                    line += " " + word
                    continue
                }
                if !line.isEmpty { result.append(line); line = "" }
                while word.count > perLine {
                    result.append(String(word.prefix(perLine)))
                    word = word.dropFirst(perLine)
                }
                line = String(word)
            }
            result.append(line)
        }
        return result
    }
}
