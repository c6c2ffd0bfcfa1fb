import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The start tags of an XML part in document order, each with its qualified name, attributes and
/// the qualified names of the elements around it: what reading a template needs (relationships,
/// placeholders and their frames), without building a tree.
///
/// External entities are never resolved, and a part with a DOCTYPE is refused (it is the only
/// place entities, and the "billion laughs" that expand them, can be declared).
struct PackageXML {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Qualified names of the enclosing elements, outermost first.
        var ancestors: [String]
    }

    var elements: [Element] = []

    init?(_ bytes: [UInt8]) {
        if String(decoding: bytes, as: UTF8.self).contains("<!DOCTYPE") { return nil }
        let delegate = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        elements = delegate.elements
    }

    /// Elements named `name` (qualified, as written: "p:ph").
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var stack: [String] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: elementName, attributes: attributes, ancestors: stack))
            stack.append(elementName)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }
}
