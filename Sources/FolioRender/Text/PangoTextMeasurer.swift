import CCairo
import FolioLanguage
import FolioLayout

/// Measures and breaks text with Pango, exactly as the painter will shape it.
///
/// Text is always set with `pango_layout_set_text`, never as markup: a country called
/// `<b>X</b> & Y` is measured and drawn literally.
public final class PangoTextMeasurer: TextMeasurer {
    let fonts: FontLibrary
    let context: OpaquePointer
    let layout: OpaquePointer
    private var descriptions: [FontSpec: FontDescription] = [:]
    private var metricsCache: [FontSpec: FontMetrics] = [:]
    private var widthCache: [WidthKey: Double] = [:]

    private struct WidthKey: Hashable { var text: String; var font: FontSpec }

    public init(fonts: FontLibrary) {
        self.fonts = fonts
        context = fonts.makeContext()
        layout = pango_layout_new(context)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
    }

    func description(for font: FontSpec) -> FontDescription {
        if let cached = descriptions[font] { return cached }
        let made = FontDescription(font)
        descriptions[font] = made
        return made
    }

    private func prepare(_ text: String, font: FontSpec, width: Double?) {
        pango_layout_set_font_description(layout, description(for: font).pointer)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_width(layout, width.map { Int32(max(1, $0 * Double(PANGO_SCALE))) } ?? -1)
        pango_layout_set_text(layout, text, -1)
    }

    public func width(of text: String, font: FontSpec) -> Double {
        let key = WidthKey(text: text, font: font)
        if let cached = widthCache[key] { return cached }
        prepare(text, font: font, width: nil)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        let width = Double(logical.width) / Double(PANGO_SCALE)
        if widthCache.count > 50_000 { widthCache.removeAll(keepingCapacity: true) }
        widthCache[key] = width
        return width
    }

    /// Lines broken here, already shaped, so the painter can draw them without shaping again
    /// (shaping is most of the cost of a long PDF). Filled only while `keepsShapedLines` is set.
    private var shapedLines: [WidthKey: ShapedLine] = [:]
    var keepsShapedLines = false

    struct ShapedLine {
        let shape: BrokenText.Shape
        /// The part of the document it was measured for (`beginPart`).
        let part: Int
        /// Which of two shapes of the same text is drawn: the one measured last in document order
        /// (a line's shape may carry the space it broke at). Parts come in document order, the
        /// cover and contents (negative parts) after them, since they are set once the body is.
        let rank: Rank
        init(shape: BrokenText.Shape, part: Int, sequence: Int) {
            self.shape = shape
            self.part = part
            rank = Rank(part: part < 0 ? .max : part, sequence: sequence)
        }
        var line: UnsafeMutablePointer<PangoLayoutLine>? { pango_layout_get_line_readonly(shape.layout, shape.index) }
    }

    struct Rank: Comparable {
        var part: Int
        var sequence: Int
        static func < (a: Rank, b: Rank) -> Bool { (a.part, a.sequence) < (b.part, b.sequence) }
    }

    func shapedLine(_ text: String, font: FontSpec) -> ShapedLine? {
        shapedLines[WidthKey(text: text, font: font)]
    }

    /// Starts or ends a document: shaped lines are kept only for the document being drawn.
    func keepShapedLines(_ keep: Bool) {
        keepsShapedLines = keep
        shapedLines.removeAll()
        linesOfPart.removeAll()
    }

    private var part = 0
    private var sequence = 0
    /// Whether lines measured now are kept shaped: while shaped lines are kept, except for lines
    /// only counted.
    private var keepsShapesNow: Bool { keepsShapedLines && part != DocumentPart.countedOnly }
    /// The keys of the lines kept for each part, to let them go when it is drawn.
    private var linesOfPart: [Int: [WidthKey]] = [:]

    public func beginPart(_ part: Int) { self.part = part }

    public func endPart(_ part: Int) {
        guard let keys = linesOfPart.removeValue(forKey: part) else { return }
        for key in keys where shapedLines[key]?.part == part { shapedLines.removeValue(forKey: key) }
    }

    /// The lines of `text` at `width`; a text broken before at that width is not broken again.
    public func lines(of text: String, font: FontSpec, width: Double) -> [String] {
        guard !text.isEmpty else { return [""] }
        guard breaksInWindows else { return wholeLines(of: text, font: font, width: width).map(\.text) }
        let key = BrokenText.Key(text: text, font: font, width: width)
        if let known = brokenTexts[key], known.isShaped || !keepsShapesNow {
            for line in known.lines { keep(line, font: font) }
            return known.lines.map(\.text)
        }
        let lines = brokenLines(of: text, font: font, width: width)
        if brokenTextBytes > BrokenText.budget {
            brokenTexts.removeAll(keepingCapacity: true)
            brokenTextBytes = 0
        }
        brokenTexts[key] = BrokenText(lines: lines, isShaped: keepsShapesNow)
        brokenTextBytes += text.utf8.count
        return lines.map(\.text)
    }

    /// Paragraphs broken before, by text, font and width, with the layouts their lines were shaped
    /// in: a report repeats much of its text (units, table headings, boilerplate paragraphs, the
    /// same countries under several indicators), and breaking it again would shape it again.
    private var brokenTexts: [BrokenText.Key: BrokenText] = [:]
    /// The text bytes in `brokenTexts`: past `BrokenText.budget` it is emptied, which bounds the
    /// memory its layouts hold.
    private var brokenTextBytes = 0

    /// `text`'s lines as `lines(of:font:width:)` gives them, each kept shaped while shaped lines are kept.
    ///
    /// Pango breaks a paragraph line by line, shaping again, at each line, everything after the
    /// line's start: a paragraph of k lines costs about k²/2 lines of shaping. A long paragraph is
    /// therefore laid out a window at a time, each window a few lines long: breaking is greedy, so
    /// every line of a window but its last (which the window's end may have cut short) is the line
    /// the whole paragraph would have, and the next window starts where that last line starts.
    private func brokenLines(of text: String, font: FontSpec, width: Double) -> [BrokenText.Line] {
        let utf8 = Array(text.utf8)
        var result: [BrokenText.Line] = []
        var start = 0
        // About two and a half lines of this text, by its average character (half an em) and its
        // bytes per character; a window that holds fewer than two lines is widened.
        let bytesPerCharacter = Double(utf8.count) / Double(max(1, text.unicodeScalars.count))
        var window = max(64, Int(2.5 * width / max(0.01, font.size * 0.5) * bytesPerCharacter))
        if utf8.count > 2 * window, !text.unicodeScalars.contains(where: PangoTextMeasurer.separatesParagraphs) {
            let direction = utf8.withUnsafeBufferPointer { folio_paragraph_direction($0.baseAddress, Int32($0.count)) }
            while utf8.count - start > 2 * window {
                let end = PangoTextMeasurer.characterStart(in: utf8, atOrBefore: start + window)
                let piece = String(decoding: utf8[start..<end], as: UTF8.self)
                // A window that begins in other-direction text would be ordered differently.
                guard folio_paragraph_direction(piece, -1) == direction else { break }
                let layout = makeLayout(piece, font: font, width: width)
                defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
                let count = pango_layout_get_line_count(layout)
                guard count >= 2, let last = pango_layout_get_line_readonly(layout, count - 1) else {
                    window *= 2
                    continue
                }
                collect(lines: 0..<count - 1, of: layout, text: Array(piece.utf8), font: font, into: &result)
                start += Int(last.pointee.start_index)
                windowsLaidOut += 1
            }
        }
        return result + wholeLines(of: start == 0 ? text : String(decoding: utf8[start...], as: UTF8.self),
                                   font: font, width: width)
    }

    /// Off only in tests, which compare windows with whole paragraphs.
    var breaksInWindows = true
    /// Windows laid out so far: tests check that a paragraph was broken in windows.
    private(set) var windowsLaidOut = 0
    /// Layouts made to break text so far: tests check that text broken before is not broken again.
    private(set) var layoutsMade = 0

    /// The lines of `text` from one layout of all of it.
    private func wholeLines(of text: String, font: FontSpec, width: Double) -> [BrokenText.Line] {
        let layout = makeLayout(text, font: font, width: width)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var result: [BrokenText.Line] = []
        collect(lines: 0..<pango_layout_get_line_count(layout), of: layout, text: Array(text.utf8), font: font, into: &result)
        return result
    }

    /// A layout of its own for `text`: its lines may be kept for drawing (`keepShapedLines`).
    private func makeLayout(_ text: String, font: FontSpec, width: Double) -> OpaquePointer {
        layoutsMade += 1
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, description(for: font).pointer)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_width(layout, Int32(max(1, width * Double(PANGO_SCALE))))
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    /// The text of lines `range` of `layout`, without trailing spaces, with where each was shaped;
    /// each line kept shaped when `keepsShapedLines` is set.
    private func collect(lines range: Range<Int32>, of layout: OpaquePointer, text utf8: [UInt8], font: FontSpec,
                         into result: inout [BrokenText.Line]) {
        for index in range {
            guard let line = pango_layout_get_line_readonly(layout, index) else { continue }
            let start = Int(line.pointee.start_index)
            let end = min(utf8.count, start + Int(line.pointee.length))
            guard start <= end else { continue }
            var piece = String(decoding: utf8[start..<end], as: UTF8.self)
            while let last = piece.last, last == " " || last == "\n" || last == "\r" || last == "\t" {
                piece.removeLast()
            }
            // Soft hyphens: Pango broke the line at one (and counted the hyphen it shows there
            // in the width) or kept them invisible inside it. The line handed back says what is
            // seen: a "-" at a break, nothing elsewhere. Its shaped form is not kept, so the
            // painter shapes that visible text and a PDF copies out "-" rather than U+00AD.
            if piece.unicodeScalars.contains(SoftHyphens.character) {
                result.append(BrokenText.Line(text: SoftHyphens.visible(piece)))
                continue
            }
            let broken = BrokenText.Line(text: piece, shape: keepsShapesNow ? BrokenText.Shape(layout: layout, index: index) : nil)
            keep(broken, font: font)
            result.append(broken)
        }
    }

    /// Keeps `line`'s shape for the painter, for the part being measured (see `ShapedLine.rank`).
    private func keep(_ line: BrokenText.Line, font: FontSpec) {
        guard keepsShapesNow, let shape = line.shape else { return }
        let key = WidthKey(text: line.text, font: font)
        sequence += 1
        let shaped = ShapedLine(shape: shape, part: part, sequence: sequence)
        if let kept = shapedLines[key], kept.rank > shaped.rank { return }
        shapedLines[key] = shaped
        linesOfPart[part, default: []].append(key)
    }

    /// Characters that end a paragraph or force a line break for Pango: text with them is laid out whole.
    private static func separatesParagraphs(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }

    /// The start of the UTF-8 character at or before `offset`.
    private static func characterStart(in utf8: [UInt8], atOrBefore offset: Int) -> Int {
        var index = offset
        while index > 0 && utf8[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }

    /// How many characters of `text` no font can draw (they would show as boxes): with the bundled
    /// fonts in front and the system's behind, Chinese needs Droid Sans Fallback installed.
    public func missingGlyphs(in text: String, font: FontSpec) -> Int {
        prepare(text, font: font, width: nil)
        return Int(pango_layout_get_unknown_glyphs_count(layout))
    }

    public func metrics(of font: FontSpec) -> FontMetrics {
        if let cached = metricsCache[font] { return cached }
        let metrics = pango_context_get_metrics(context, description(for: font).pointer, nil)
        defer { pango_font_metrics_unref(metrics) }
        let value = FontMetrics(ascent: Double(pango_font_metrics_get_ascent(metrics)) / Double(PANGO_SCALE),
                                descent: Double(pango_font_metrics_get_descent(metrics)) / Double(PANGO_SCALE))
        metricsCache[font] = value
        return value
    }
}
