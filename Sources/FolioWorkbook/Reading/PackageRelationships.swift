import FolioArchive
/// The relationships of one part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), targets
/// resolved to part names inside the archive.
struct PackageRelationships {
    struct Relationship {
        var id: String
        var type: String
        /// The part it points at, or the raw target when `isExternal`.
        var target: String
        var isExternal: Bool
    }

    var all: [Relationship]

    static let namespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let strictOfficeDocument = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
    static let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    static let sharedStrings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    static let styles = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    static let externalLink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink"
    static let connections = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/connections"

    /// The relationships part of `part` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels").
    static func partName(for part: String) -> String {
        let folder = directory(of: part), file = part.split(separator: "/").last.map(String.init) ?? ""
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    }

    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// Reads the relationships of `source` from `archive`; none when the part has no relationships part.
    static func read(for source: String, in archive: inout PackageArchive) throws(WorkbookReader.Failure) -> PackageRelationships {
        let name = partName(for: source)
        guard archive.contains(name) else { return PackageRelationships(all: []) }
        let collector = Collector()
        try StrictXML.parse(try archive.part(name), part: name, into: collector)
        var all: [Relationship] = []
        for raw in collector.found {
            guard let id = raw["Id"], let type = raw["Type"], let target = raw["Target"] else {
                throw .xml(part: name, line: 1, "a Relationship without Id, Type or Target")
            }
            if raw["TargetMode"]?.lowercased() == "external" {
                all.append(Relationship(id: id, type: type, target: target, isExternal: true))
            } else {
                all.append(Relationship(id: id, type: type, target: try resolve(target, from: source, rels: name), isExternal: false))
            }
        }
        return PackageRelationships(all: all)
    }

    /// A target relative to the source part's folder, or absolute from the archive's root (some
    /// writers use `/xl/worksheets/sheet1.xml`); one that climbs out of the archive is refused.
    static func resolve(_ target: String, from source: String, rels: String) throws(WorkbookReader.Failure) -> String {
        let path = target.split(separator: "#").first.map(String.init) ?? ""
        var segments: [Substring] = target.hasPrefix("/") ? [] : directory(of: source).split(separator: "/")
        for segment in path.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { throw .unsafePartName(target) }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        let resolved = segments.joined(separator: "/")
        guard PackageArchive.isSafe(resolved) else { throw .unsafePartName(target) }
        return resolved
    }

    func first(ofType type: String) -> Relationship? { all.first { $0.type == type } }

    private final class Collector: XMLPartHandler {
        var found: [[String: String]] = []
        func start(_ name: String, namespace: String, attributes: [String: String]) throws(WorkbookReader.Failure) {
            if name == "Relationship" { found.append(attributes) }
        }
        func end(_ name: String, namespace: String) {}
        func text(_ text: String) {}
    }
}

/// `[Content_Types].xml`: the media type of each part, by part name or by extension.
struct ContentTypes {
    var overrides: [String: String] = [:]
    var defaults: [String: String] = [:]

    static let part = "[Content_Types].xml"
    static let workbook = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    static let template = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
    /// Lowercase, as `overrides` holds them.
    static let sharedStrings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedstrings+xml"

    static func read(_ archive: inout PackageArchive) throws(WorkbookReader.Failure) -> ContentTypes {
        guard archive.contains(part) else {
            throw .notAWorkbook("it has no [Content_Types].xml, so it is not an Office document")
        }
        let collector = Collector()
        try StrictXML.parse(try archive.part(part), part: part, into: collector)
        return collector.types
    }

    /// The media type of a part (name without a leading `/`).
    func type(of partName: String) -> String? {
        if let type = overrides[partName.lowercased()] { return type }
        let ext = partName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return defaults[ext]
    }

    private final class Collector: XMLPartHandler {
        var types = ContentTypes()
        func start(_ name: String, namespace: String, attributes: [String: String]) throws(WorkbookReader.Failure) {
            if name == "Override", let partName = attributes["PartName"], let type = attributes["ContentType"] {
                var key = partName.lowercased()
                if key.hasPrefix("/") { key.removeFirst() }
                types.overrides[key] = type.lowercased()
            } else if name == "Default", let ext = attributes["Extension"], let type = attributes["ContentType"] {
                types.defaults[ext.lowercased()] = type.lowercased()
            }
        }
        func end(_ name: String, namespace: String) {}
        func text(_ text: String) {}
    }
}
