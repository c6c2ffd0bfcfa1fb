import FolioLanguage

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
    /// Lines measured from now on belong to part `part` of the document being laid out (an outcome):
    /// a measurer that keeps shaped text for the painter keeps it by part.
    func beginPart(_ part: Int)
    /// Part `part` is drawn, or dropped to be laid out again when it is: what was kept to draw its
    /// lines can go. Keeps a long document's memory to the parts not yet drawn.
    func endPart(_ part: Int)
}

extension TextMeasurer {
    public func beginPart(_ part: Int) {}
    public func endPart(_ part: Int) {}
}

/// Part numbers with a meaning of their own (`TextMeasurer.beginPart`).
public enum DocumentPart {
    /// The cover and contents, set after the body and drawn before it.
    public static let frontMatter = -1
    /// Lines measured only to count pages: they will be measured again to be drawn, so nothing
    /// need be kept for drawing them.
    public static let countedOnly = Int.min
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

    /// Soft hyphens (U+00AD) take no width: they show only where a line breaks at one.
    public func width(of text: String, font: FontSpec) -> Double {
        Double(Self.visibleCount(text)) * advance * font.size
    }

    public func metrics(of font: FontSpec) -> FontMetrics {
        FontMetrics(ascent: ascent * font.size, descent: descent * font.size)
    }

    /// Breaks at spaces; a word too long for what is left of a line breaks at its last soft hyphen
    /// that still fits with its "-", as Pango does, and only a word with no such point is cut
    /// between characters.
    public func lines(of text: String, font: FontSpec, width: Double) -> [String] {
        let perLine = max(1, Int((width / (advance * font.size)).rounded(.down)))
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                let length = Self.visibleCount(word)
                if !line.isEmpty && line.count + 1 + length <= perLine {
                    line += " " + SoftHyphens.removed(from: String(word))
                    continue
                }
                if !line.isEmpty, let (head, rest) = Self.hyphenatedHead(of: word, fitting: perLine - line.count - 1) {
                    result.append(line + " " + head)
                    line = ""
                    word = rest
                }
                if !line.isEmpty { result.append(line); line = "" }
                while Self.visibleCount(word) > perLine {
                    if let (head, rest) = Self.hyphenatedHead(of: word, fitting: perLine) {
                        result.append(head)
                        word = rest
                        continue
                    }
                    let cut = Self.index(afterVisible: perLine, in: word)
                    result.append(SoftHyphens.removed(from: String(word[..<cut])))
                    word = word[cut...]
                }
                line = SoftHyphens.removed(from: String(word))
            }
            result.append(line)
        }
        return result
    }

    private static func visibleCount<S: StringProtocol>(_ text: S) -> Int {
        var count = 0
        for character in text where character != "\u{AD}" { count += 1 }
        return count
    }

    /// The longest start of `word` ending at a soft hyphen that fits in `room` characters with its
    /// "-", drawn as it shows, and the rest of the word after that soft hyphen.
    private static func hyphenatedHead(of word: Substring, fitting room: Int) -> (String, Substring)? {
        var best: String.Index?
        var count = 0
        for index in word.indices {
            if word[index] == "\u{AD}" {
                if count + 1 > room { break }
                best = index
            } else {
                count += 1
            }
        }
        guard let best, best > word.startIndex else { return nil }
        let rest = word[word.index(after: best)...]
        guard !rest.isEmpty else { return nil }
        return (SoftHyphens.removed(from: String(word[..<best])) + SoftHyphens.visibleHyphen, rest)
    }

    /// The index after `count` visible characters of `text`.
    private static func index(afterVisible count: Int, in text: Substring) -> String.Index {
        var seen = 0
        var index = text.startIndex
        while index < text.endIndex, seen < count {
            if text[index] != "\u{AD}" { seen += 1 }
            index = text.index(after: index)
        }
        return index
    }
}
