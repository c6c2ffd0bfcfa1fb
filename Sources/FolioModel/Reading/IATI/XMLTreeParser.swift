import FolioArchive
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an XML file into `XMLElementNode`s with Foundation's `XMLParser` (libxml2), placing every
/// element and attribute at its line and column.
///
/// Nothing outside the file is ever read: external entities are not resolved, and a DOCTYPE is
/// refused before parsing, since IATI files have none and it is the only place entities (and the
/// "billion laughs" that expand them) can be declared.
///
/// `XMLParser` reports where a start tag *ends*; the tag's `<` and its attribute values are found
/// by reading the tag's bytes back from there, so an error points at the value a reader must fix.
final class XMLTreeParser: NSObject, XMLParserDelegate {
    /// Deeper documents are refused: the readers walk the tree recursively.
    static let maxDepth = 200

    private let bytes: [UInt8]
    private let file: Int
    private let maxNodes: Int
    private let columns: ColumnIndex
    private var stack: [XMLElementNode] = []
    private var root: XMLElementNode?
    private var nodeCount = 0
    private var failure: ParseFailure?
    private weak var parser: XMLParser?

    private init(bytes: [UInt8], file: Int, maxNodes: Int) {
        self.bytes = bytes
        self.file = file
        self.maxNodes = maxNodes
        columns = ColumnIndex(bytes)
    }

    /// The root element of `bytes`, which must be valid UTF-8 (`SourceDocument` checks it first).
    static func parse(_ bytes: [UInt8], file: Int, maxNodes: Int) throws(ParseFailure) -> XMLElementNode {
        if let doctype = XMLProlog.doctypeOffset(bytes) {
            var position = ColumnIndex(bytes).position(ofOffset: doctype)
            position.file = file
            throw ParseFailure(position: position, message: "a DOCTYPE is not accepted: IATI files have none, and entities "
                               + "declared in one are never expanded")
        }
        let builder = XMLTreeParser(bytes: bytes, file: file, maxNodes: maxNodes)
        // Given as a stream, the file is parsed in chunks: given whole, libxml2 stops at 10 MB
        // ("huge input lookup"), below Folio's own size limit.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        builder.parser = parser
        let parsed = parser.parse()
        if let failure = builder.failure { throw failure }
        guard parsed, let root = builder.root else {
            throw ParseFailure(position: SourcePosition(file: file, line: 1, column: 1), message: "malformed XML: no root element")
        }
        return root
    }

    // MARK: - XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        let (start, attributePositions) = tagPositions(line: parser.lineNumber, column: parser.columnNumber)
        nodeCount += 1
        if nodeCount > maxNodes {
            stop(ParseFailure(position: start, message: "document has more than \(maxNodes) elements"))
            return
        }
        if stack.count >= Self.maxDepth {
            stop(.tooDeep(at: start, limit: Self.maxDepth))
            return
        }
        var placed: [String: XMLElementNode.Attribute] = [:]
        for (name, value) in attributes {
            placed[name] = XMLElementNode.Attribute(value: value, position: attributePositions[name] ?? start)
        }
        stack.append(XMLElementNode(name: qualifiedName ?? elementName, attributes: placed, children: [], text: "", position: start))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil, let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil, !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        // The first error is the one to report; libxml2 may add a "premature end" after it.
        guard failure == nil else { return }
        var position = SourcePosition(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
        // libxml2 stands after a mismatched end tag; the reader wants its start.
        if (parseError as NSError).code == 76, let end = columns.offset(line: position.line, column: position.column) {
            var open = min(end, bytes.count - 1)
            while open > 0, bytes[open] != UInt8(ascii: "<") { open -= 1 }
            position = columns.position(ofOffset: open)
            position.file = file
        }
        failure = ParseFailure(position: position, message: Self.message(for: parseError))
    }

    private func stop(_ failure: ParseFailure) {
        self.failure = failure
        parser?.abortParsing()
    }

    // MARK: - Positions

    /// The `<` of the start tag `XMLParser` has just read (it stands on the tag's `>` or `/>`),
    /// and where each attribute's value starts.
    private func tagPositions(line: Int, column: Int) -> (SourcePosition, [String: SourcePosition]) {
        let fallback = SourcePosition(file: file, line: max(1, line), column: max(1, column))
        guard let end = columns.offset(line: line, column: column) else { return (fallback, [:]) }
        var open = min(end, bytes.count - 1)
        while open > 0, bytes[open] != UInt8(ascii: "<") { open -= 1 }
        guard bytes[open] == UInt8(ascii: "<") else { return (fallback, [:]) }
        var start = columns.position(ofOffset: open, before: end, anchor: fallback)
        start.file = file
        var placed: [String: SourcePosition] = [:]
        for (name, offset) in Self.attributeValueOffsets(bytes, from: open, to: end) {
            var position = columns.position(ofOffset: offset, after: open, anchor: start)
            position.file = file
            placed[name] = position
        }
        return (start, placed)
    }

    /// Offsets of attribute values in the start tag `bytes[open...end]`, by attribute name.
    static func attributeValueOffsets(_ bytes: [UInt8], from open: Int, to end: Int) -> [(String, Int)] {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var i = open + 1
        while i <= end, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
        var found: [(String, Int)] = []
        while i <= end {
            while i <= end, isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i <= end, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
            guard i > nameStart else { break }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            while i <= end, isSpace(bytes[i]) { i += 1 }
            guard i <= end, bytes[i] == UInt8(ascii: "=") else { break }
            i += 1
            while i <= end, isSpace(bytes[i]) { i += 1 }
            guard i <= end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { break }
            let quote = bytes[i]
            i += 1
            found.append((name, i))
            while i <= end, bytes[i] != quote { i += 1 }
            i += 1
        }
        return found
    }

    /// libxml2's errors in words a user can act on; the position says where. `XMLParser` passes
    /// libxml2's own codes (`xmlParserErrors` in libxml/xmlerror.h), which are matched here.
    private static func message(for error: any Error) -> String {
        let code = (error as NSError).code
        let words: String
        switch code {
        case 1: words = "the XML reader stopped at one of its limits (a text, comment or attribute above 10 MB?)"
        case 4: words = "the file holds no XML document"
        case 5: words = "the file ends before the document does"
        case 9: words = "character not allowed in XML"
        case 23: words = "\"&\" must start an entity reference such as &amp;"
        case 26: words = "undeclared entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)"
        case 38...41, 43, 44: words = "malformed attribute (a value must be quoted, without \"<\")"
        case 42: words = "attribute given twice"
        case 68, 72: words = "expected an element"
        case 73, 77: words = "tag is not closed with \">\""
        case 76: words = "end tag does not match the element it closes"
        case 85, 86: words = "content after the root element"
        default: words = "not well-formed"
        }
        return "malformed XML: \(words) (libxml2 error \(code))"
    }
}
