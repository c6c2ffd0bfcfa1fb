import FolioModel

/// Document language and figure alternative texts for the tagged PDFs Cairo 1.16 writes.
///
/// Cairo 1.16 writes the structure tree (`/StructTreeRoot`, `/MarkInfo`, `/ParentTree`) but no
/// `/Lang` on the catalog and no `/Alt` on figures: attributes given to `cairo_tag_begin` are
/// ignored. Both are needed by screen readers (and PDF/UA), so they are added afterwards.
///
/// They are added as an *incremental update*: new versions of the catalog and of the `/Figure`
/// structure elements, then a cross-reference section for just those objects and a trailer whose
/// `/Prev` points to Cairo's table, all appended after Cairo's `%%EOF`. Cairo's bytes stay untouched,
/// so every offset in its cross-reference table stays valid and nothing else (content streams,
/// fonts, images) has to be understood. Rewriting the file instead would need a full PDF reader and
/// writer. The cost is a few hundred bytes, and the original version stays in the file.
public enum PDFAccessibility {
    /// The input is not a PDF this code can update (not a PDF, damaged, or a layout Cairo 1.16
    /// does not write), or an argument is invalid.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var message: String

        public init(_ message: String) { self.message = message }

        public var description: String { "cannot add accessibility information to the PDF: \(message)" }
    }

    /// Appends an incremental update that sets the catalog's /Lang and gives the n-th /Figure structure
    /// element (in the order they appear in the structure tree = drawing order) the n-th alternative text as /Alt.
    /// Throws PDFAccessibility.Failure with a clear message if the PDF is not what Cairo 1.16 writes
    /// (e.g. no catalog found, xref stream instead of a table, figure count differs from alternatives.count).
    ///
    /// An existing /Lang or /Alt is replaced, so the function can be applied to its own output.
    /// The result depends only on the arguments: same input, same bytes.
    /// - Parameter rightToLeft: also tell viewers to lay facing pages out right to left (`/Direction /R2L`).
    public static func addLanguageAndAlternativeTexts(to pdf: [UInt8], language: String,
                                                      figureAlternatives: [String], rightToLeft: Bool = false) throws -> [UInt8] {
        pdf + (try pdf.withUnsafeBytes {
            try update(for: $0, language: language, figureAlternatives: figureAlternatives, rightToLeft: rightToLeft)
        })
    }

    /// The incremental update `addLanguageAndAlternativeTexts` appends, alone: for a PDF written
    /// to a file and read back mapped, so a long document is never copied into memory.
    ///
    /// - Parameter release: Called now and then while the structure tree is walked, for a caller
    ///   that maps the file to let go of the pages read so far.
    public static func update(for pdf: UnsafeRawBufferPointer, language: String,
                              figureAlternatives: [String], rightToLeft: Bool = false,
                              release: (() -> Void)? = nil) throws -> [UInt8] {
        try validateLanguage(language)
        let file = try PDFSyntax.File(pdf)
        guard let root = file.trailer["Root"]?.reference else { throw Failure("trailer has no /Root") }
        guard file.trailer["Size"]?.integer != nil else { throw Failure("trailer has no /Size") }
        let catalog = try file.object(root)
        guard let catalogEntries = catalog.value.dictionary, catalogEntries["Type"]?.name == "Catalog" else {
            throw Failure("/Root \(root) is not a catalog")
        }

        let figures = try figureElements(of: catalogEntries, in: file, release: release)
        guard figures.count == figureAlternatives.count else {
            throw Failure("the structure tree has \(figures.count) /Figure element(s) but \(figureAlternatives.count) alternative text(s) were given")
        }

        // Language tags are validated ASCII, so a literal string needs no escaping and reads
        // as plain text in every reader, as in the PDF specification's own examples.
        // DisplayDocTitle: viewers show the title, not the file name, in their title bar.
        // MarkInfo: Cairo 1.16 leaves it out once the catalog also holds outlines and page labels,
        // and without it readers treat the file as untagged.
        var updates = [rewrite(catalog, setting: [("Lang", Array("(\(language))".utf8)),
                                                  ("MarkInfo", Array("<< /Marked true >>".utf8)),
                                                  ("ViewerPreferences", Array((rightToLeft
                                                      ? "<< /DisplayDocTitle true /Direction /R2L >>"
                                                      : "<< /DisplayDocTitle true >>").utf8))])]
        for (figure, alternative) in zip(figures, figureAlternatives) {
            updates.append(rewrite(figure, setting: [("Alt", textString(alternative))]))
        }
        return appendUpdate(to: file, objects: updates)
    }

    // MARK: - Arguments

    /// A BCP 47 tag as `LanguageTag` accepts it: nothing that could break out of the PDF string it is written into.
    static func validateLanguage(_ tag: String) throws {
        guard LanguageTag.isValid(tag) else {
            throw Failure("“\(tag)” is not a language tag such as “en”, “fr-CA” or “zh-Hans”")
        }
    }

    /// Any text as a PDF text string: UTF-16BE with a byte order mark, in hexadecimal, so
    /// parentheses, backslashes, line breaks and characters beyond ASCII need no escaping.
    /// Broken into lines of 32 code units (whitespace inside a hexadecimal string is ignored) to keep
    /// lines short.
    static func textString(_ text: String) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        var result = Array("<FEFF".utf8)
        for (index, unit) in text.utf16.enumerated() {
            if index > 0, index % 32 == 0 { result.append(10) }
            for shift in [12, 8, 4, 0] { result.append(digits[Int(unit >> UInt16(shift)) & 0xF]) }
        }
        result.append(UInt8(ascii: ">"))
        return result
    }

    // MARK: - Structure tree

    /// The `/Figure` structure elements in depth-first order of the tree, which is the order
    /// Cairo's `cairo_tag_begin` calls made them: drawing order.
    ///
    /// Kids (`/K`) are references to structure elements, marked-content ids (integers),
    /// `/MCR` and `/OBJR` dictionaries; only references are followed. Cairo writes every structure
    /// element as its own indirect object, so each figure can be replaced on its own.
    static func figureElements(of catalog: PDFSyntax.Dict, in file: PDFSyntax.File,
                               release: (() -> Void)? = nil) throws -> [PDFSyntax.IndirectObject] {
        guard let treeValue = catalog["StructTreeRoot"] else {
            // An untagged file has no figures to describe, but may still get a language.
            return []
        }
        guard let treeReference = treeValue.reference,
              let tree = try file.object(treeReference).value.dictionary, tree["Type"]?.name == "StructTreeRoot"
        else { throw Failure("/StructTreeRoot is not a structure tree root") }

        func kids(_ value: PDFSyntax.Value?) -> [PDFSyntax.Value] {
            switch value {
            case nil: return []
            case .array(let items)?: return items.reversed()  // reversed: popped from a stack
            case let single?: return [single]
            }
        }
        var figures: [PDFSyntax.IndirectObject] = []
        // One bit per object number: a long briefing's tree has hundreds of thousands of elements.
        var seen = [UInt64](repeating: 0, count: (file.objectNumberLimit + 63) / 64)
        var read = 0
        var stack = kids(tree["K"])
        while let kid = stack.popLast() {
            switch kid {
            case .reference(let reference):
                let object = try file.object(reference)  // throws for a number outside the table
                let (word, bit) = (reference.number / 64, UInt64(1) << (reference.number % 64))
                guard seen[word] & bit == 0 else {
                    throw Failure("object \(reference) appears twice in the structure tree")
                }
                seen[word] |= bit
                read += 1
                if read % 16_384 == 0 { release?() }
                switch object.value {
                case .dictionary(let element) where element["S"] != nil:
                    if element["S"]?.name == "Figure" { figures.append(object) }
                    stack += kids(element["K"])
                case .array:
                    stack += kids(object.value)
                default:
                    continue  // an indirect /MCR or /OBJR dictionary
                }
            case .dictionary(let element) where element["S"]?.name == "Figure":
                throw Failure("a /Figure structure element is a direct object (not written by Cairo 1.16)")
            default:
                continue  // marked-content id, /MCR or /OBJR
            }
        }
        return figures
    }

    // MARK: - Writing

    /// A new version of a dictionary object: the same entries, copied byte for byte, except `key`,
    /// which is (re)placed at the end with `value`. Laid out like Cairo's own objects.
    static func rewrite(_ object: PDFSyntax.IndirectObject, setting values: [(key: String, value: [UInt8])])
        -> (reference: PDFSyntax.Reference, bytes: [UInt8])
    {
        let reference = object.reference
        let replaced = Set(values.map(\.key))
        var bytes = Array("\(reference.number) \(reference.generation) obj\n<<".utf8)
        for entry in object.value.dictionary?.entries ?? [] where !replaced.contains(entry.key) {
            bytes += Array(" ".utf8) + entry.bytes + Array("\n  ".utf8)
        }
        for (key, value) in values {
            bytes += Array(" /\(key) ".utf8) + value + Array("\n ".utf8)
        }
        bytes += Array(">>\nendobj\n".utf8)
        return (reference, bytes)
    }

    /// The bytes to append: the objects, a cross-reference section with one subsection per run of consecutive
    /// object numbers, and a trailer chained to Cairo's by `/Prev`.
    static func appendUpdate(to file: PDFSyntax.File, objects: [(reference: PDFSyntax.Reference, bytes: [UInt8])]) -> [UInt8] {
        var output: [UInt8] = []
        if let last = file.bytes.last, last != 10, last != 13 { output.append(10) }

        var offsets: [(reference: PDFSyntax.Reference, offset: Int)] = []
        for object in objects.sorted(by: { $0.reference < $1.reference }) {
            offsets.append((object.reference, file.bytes.count + output.count))
            output += object.bytes
        }

        let xrefOffset = file.bytes.count + output.count
        var xref = "xref\n"
        var index = 0
        while index < offsets.count {
            var end = index + 1
            while end < offsets.count, offsets[end].reference.number == offsets[end - 1].reference.number + 1 { end += 1 }
            xref += "\(offsets[index].reference.number) \(end - index)\n"
            for (reference, offset) in offsets[index..<end] {
                // Exactly 20 bytes per entry, ending in space + newline as Cairo's do.
                xref += "\(padded(offset, 10)) \(padded(reference.generation, 5)) n \n"
            }
            index = end
        }
        output += Array(xref.utf8)

        // No new object numbers, so /Size stays; it, /Root, /Info and /ID are carried over as they were.
        var trailer = Array("trailer\n<<".utf8)
        for entry in file.trailer.entries where ["Size", "Root", "Info", "ID"].contains(entry.key) {
            trailer += Array(" ".utf8) + entry.bytes + Array("\n  ".utf8)
        }
        trailer += Array(" /Prev \(file.startXref)\n>>\nstartxref\n\(xrefOffset)\n%%EOF\n".utf8)
        output += trailer
        return output
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
