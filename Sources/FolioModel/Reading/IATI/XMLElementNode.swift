/// One element of an XML file as a plain tree with positions, the XML counterpart of `SourceNode`:
/// IATI activities are read from it, and every problem found is placed at its element or attribute.
struct XMLElementNode: Sendable {
    struct Attribute: Sendable {
        var value: String
        /// Where the value starts (after its opening quote).
        var position: SourcePosition
    }

    /// The qualified name as written (`iati-activity`, `narrative`).
    var name: String
    /// By qualified name: `xml:lang` keeps its prefix.
    var attributes: [String: Attribute]
    var children: [XMLElementNode]
    /// The element's own character data (CDATA included), outside its children.
    var text: String
    /// The `<` of the start tag.
    var position: SourcePosition

    func attribute(_ name: String) -> Attribute? {
        attributes[name]
    }

    func children(named name: String) -> [XMLElementNode] {
        children.filter { $0.name == name }
    }

    func child(named name: String) -> XMLElementNode? {
        children.first { $0.name == name }
    }
}
