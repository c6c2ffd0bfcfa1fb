import FolioArchive
/// Reads the sheets of an `.xlsx` workbook (Office Open XML SpreadsheetML, as Excel, LibreOffice,
/// Google Sheets and openpyxl write it), strictly, because the bytes may come from anyone:
///
/// - the archive under `Limits` (file size, entries, inflated sizes and compression ratio, checked
///   on the headers and again on the inflated bytes), part names that stay inside it;
/// - XML parts in UTF-8 without DOCTYPE or entities;
/// - nothing outside the file is ever fetched. Refused: links to other workbooks (`externalLink`
///   parts), data connections (`connections`), any relationship of the workbook with
///   `TargetMode="External"`, macro-enabled workbooks and VBA projects. Ignored, since only the
///   workbook, shared strings, styles and worksheets are read: everything the sheets themselves
///   point at (hyperlinks, drawings, embedded OLE objects, query tables).
/// - Strict Open XML (ISO 29500 Strict namespaces) is refused with a message to save as .xlsx.
///
/// Values are what the cells show when last saved (formulas' stored results); see `WorksheetParser`.
public struct WorkbookReader: Sendable {
    public var limits: Limits

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let strictNamespace = "http://purl.oclc.org/ooxml/spreadsheetml/main"

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Whether `bytes` look like an `.xlsx`: a ZIP archive whose entries include `xl/workbook.xml`
    /// (found in the first local headers, without opening the archive).
    public static func isWorkbook(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return false }
        let head = Array(bytes.prefix(1 << 20))
        let needle = Array("xl/workbook.xml".utf8)
        guard head.count >= needle.count else { return false }
        for start in 0...(head.count - needle.count) where head[start] == needle[0] {
            if head[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Every sheet of the workbook in its order; the cells of those `sheets` accepts (all by default).
    public func read(_ bytes: [UInt8], sheets wanted: (String) -> Bool = { _ in true }) throws(Failure) -> [ReadSheet] {
        var archive: PackageArchive
        do { archive = try PackageArchive(bytes, limits: limits.archive) } catch { throw Failure(error) }
        if let vba = archive.partNames.first(where: { $0.lowercased().hasSuffix("vbaproject.bin") }) {
            throw .macros("it holds the VBA project \(vba)")
        }
        if let link = archive.partNames.first(where: { $0.lowercased().hasPrefix("xl/externallinks/") }) {
            throw .externalReference(part: link, "a link to another workbook")
        }
        let types = try ContentTypes.read(&archive)
        let root = try PackageRelationships.read(for: "", in: &archive)
        if root.first(ofType: PackageRelationships.strictOfficeDocument) != nil {
            throw .notAWorkbook("it is saved as Strict Open XML; save it as an Excel Workbook (.xlsx)")
        }
        guard let main = root.first(ofType: PackageRelationships.officeDocument), !main.isExternal else {
            throw .notAWorkbook("_rels/.rels names no main document")
        }
        let mainType = types.type(of: main.target) ?? ""
        switch mainType {
        case ContentTypes.workbook, ContentTypes.template: break
        case let type where type.contains("macroenabled"): throw .macros("its main part is \(type)")
        case let type where type.hasPrefix("application/vnd.openxmlformats-officedocument.presentationml"):
            throw .notAWorkbook("it is a PowerPoint file")
        case let type where type.hasPrefix("application/vnd.openxmlformats-officedocument.wordprocessingml"):
            throw .notAWorkbook("it is a Word file")
        default: throw .notAWorkbook("its main part \(main.target) is \(mainType.isEmpty ? "of no known type" : mainType)")
        }
        let rels = try PackageRelationships.read(for: main.target, in: &archive)
        for rel in rels.all {
            if rel.type == PackageRelationships.externalLink {
                throw .externalReference(part: PackageRelationships.partName(for: main.target), "a link to another workbook")
            }
            if rel.type == PackageRelationships.connections {
                throw .externalReference(part: PackageRelationships.partName(for: main.target), "a data connection")
            }
            if rel.isExternal {
                throw .externalReference(part: PackageRelationships.partName(for: main.target),
                                         "a reference to \"\(Failure.clipped(rel.target))\" outside the file")
            }
        }
        let book = WorkbookPart()
        try StrictXML.parse(try archive.part(main.target), part: main.target, into: book)

        var strings: [String] = []
        let stringsPart = rels.first(ofType: PackageRelationships.sharedStrings)?.target
            ?? types.overrides.first { $0.value == ContentTypes.sharedStrings }?.key
        if let stringsPart, archive.contains(stringsPart) {
            strings = try SharedStringTable.read(try archive.part(stringsPart), part: stringsPart, limit: limits.maxSharedStrings)
        }
        var dateStyles: Set<Int> = []
        if let stylesPart = rels.first(ofType: PackageRelationships.styles)?.target, archive.contains(stylesPart) {
            dateStyles = try DateFormats.read(try archive.part(stylesPart), part: stylesPart)
        }

        var sheets: [ReadSheet] = []
        var seen = Set<String>()
        for entry in book.sheets {
            guard seen.insert(entry.name.lowercased()).inserted else { throw .duplicateSheet(entry.name) }
            guard wanted(entry.name) else {
                sheets.append(ReadSheet(name: entry.name, rows: nil))
                continue
            }
            guard let rel = rels.all.first(where: { $0.id == entry.relationship }), rel.type == PackageRelationships.worksheet else {
                throw .cell(sheet: entry.name, cell: nil, "it is not a worksheet (a chart sheet or a dialog sheet?), or its part is missing")
            }
            let parser = WorksheetParser(sheet: entry.name, strings: strings, dateStyles: dateStyles, date1904: book.date1904, limits: limits)
            try StrictXML.parse(try archive.part(rel.target), part: rel.target, into: parser)
            sheets.append(ReadSheet(name: entry.name, rows: parser.rows))
        }
        return sheets
    }

    /// `xl/workbook.xml`: the sheets in order, and the date system.
    private final class WorkbookPart: XMLPartHandler {
        var sheets: [(name: String, relationship: String)] = []
        var date1904 = false

        func start(_ name: String, namespace: String, attributes: [String: String]) throws(Failure) {
            if namespace == WorkbookReader.strictNamespace {
                throw .notAWorkbook("it is saved as Strict Open XML; save it as an Excel Workbook (.xlsx)")
            }
            guard namespace == WorkbookReader.mainNamespace else { return }
            switch name {
            case "workbookPr":
                let flag = attributes["date1904"]?.lowercased()
                date1904 = flag == "1" || flag == "true"
            case "sheet":
                guard let sheet = attributes["name"], let id = attribute(attributes, local: "id"), attributes["id"] == nil else {
                    throw .notAWorkbook("a sheet in xl/workbook.xml has no name or relationship")
                }
                sheets.append((sheet, id))
            default: break
            }
        }

        func end(_ name: String, namespace: String) {}
        func text(_ text: String) {}
    }
}
