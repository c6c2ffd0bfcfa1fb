import FolioArchive
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Receives the elements of an XML part, matched by namespace and local name (writers differ in
/// prefixes). Throwing stops the parse with that failure.
protocol XMLPartHandler: AnyObject {
    func start(_ name: String, namespace: String, attributes: [String: String]) throws(WorkbookReader.Failure)
    func end(_ name: String, namespace: String) throws(WorkbookReader.Failure)
    func text(_ text: String)
}

/// Parses one XML part of a workbook with Foundation's `XMLParser` (libxml2), strictly: UTF-8 only,
/// no DOCTYPE (the only place entities, and the "billion laughs" that expand them, can be declared),
/// external entities never resolved.
final class StrictXML: NSObject, XMLParserDelegate {
    private let part: String
    private let handler: XMLPartHandler
    private var failure: WorkbookReader.Failure?
    private weak var parser: XMLParser?

    private init(part: String, handler: XMLPartHandler) {
        self.part = part
        self.handler = handler
    }

    static func parse(_ bytes: [UInt8], part: String, into handler: XMLPartHandler) throws(WorkbookReader.Failure) {
        // UTF-16 (with or without a byte order mark) has a zero byte in its first two.
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || (bytes.count > 1 && (bytes[0] == 0 || bytes[1] == 0)) {
            throw .xml(part: part, line: 1, "the part is not UTF-8 (Excel writes UTF-8)")
        }
        if let line = XMLProlog.doctypeLine(bytes) {
            throw .xml(part: part, line: line, "a DOCTYPE is not accepted: workbook parts have none, and entities declared in one are never expanded")
        }
        let delegate = StrictXML(part: part, handler: handler)
        // As a stream, libxml2 reads in chunks: given whole, it stops at 10 MB ("huge input lookup").
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = delegate
        delegate.parser = parser
        let parsed = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard parsed else { throw .xml(part: part, line: max(1, parser.lineNumber), "malformed XML") }
    }

    private func stop(_ failure: WorkbookReader.Failure) {
        guard self.failure == nil else { return }
        self.failure = failure
        parser?.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        do throws(WorkbookReader.Failure) {
            try handler.start(elementName, namespace: namespaceURI ?? "", attributes: attributes)
        } catch { stop(error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        do throws(WorkbookReader.Failure) {
            try handler.end(elementName, namespace: namespaceURI ?? "")
        } catch { stop(error) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        handler.text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil else { return }
        handler.text(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        stop(.xml(part: part, line: max(1, parser.lineNumber), "entity declarations are not accepted"))
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        stop(.xml(part: part, line: max(1, parser.lineNumber), "entity declarations are not accepted"))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        // The first error is the one to report; libxml2 may add a "premature end" after it.
        stop(.xml(part: part, line: max(1, parser.lineNumber), "malformed XML (\((parseError as NSError).localizedDescription))"))
    }
}

/// An attribute in a namespace: `r:id` arrives under its qualified name, whatever the prefix.
func attribute(_ attributes: [String: String], local name: String) -> String? {
    if let value = attributes[name] { return value }
    return attributes.first { $0.key.hasSuffix(":" + name) }?.value
}
