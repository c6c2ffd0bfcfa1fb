import FolioArchive
import Foundation

/// The parts of an `.xlsx`, in the order they are zipped:
///
///     [Content_Types].xml
///     _rels/.rels
///     xl/workbook.xml, xl/_rels/workbook.xml.rels
///     xl/styles.xml                 two cell formats: plain, and bold for header rows
///     xl/sharedStrings.xml          every text once, numbered in order of first appearance
///     xl/worksheets/sheet1.xml…
///
/// No document properties: they would carry timestamps, and readers do not need them. Readers find
/// the workbook and the shared strings by content type (openpyxl does), so both have an Override.
struct WorkbookParts {
    let workbook: Workbook
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private var stringCells = 0

    init(workbook: Workbook) {
        self.workbook = workbook
    }

    func archive(date: Date) throws(Workbook.Failure) -> [UInt8] {
        var parts = self
        let entries = try parts.entries()
        do { return try ZipWriter.archive(entries, date: date) } catch { throw .archive(error.message) }
    }

    private mutating func entries() throws(Workbook.Failure) -> [ZipWriter.Entry] {
        let sheets = workbook.sheets
        guard !sheets.isEmpty else { throw .noSheets }
        var seen = Set<String>()
        for sheet in sheets {
            guard Worksheet.isValidName(sheet.name), seen.insert(sheet.name.lowercased()).inserted else {
                throw .invalidSheetName(sheet.name)
            }
        }
        // Sheets first: they fill the shared strings.
        var sheetParts: [String] = []
        for sheet in sheets { sheetParts.append(try worksheet(sheet)) }
        var entries: [ZipWriter.Entry] = []
        func xml(_ path: String, _ body: String) {
            entries.append(ZipWriter.Entry(path: path, bytes: Array((Self.declaration + body).utf8), compressed: true))
        }
        xml("[Content_Types].xml", contentTypes())
        xml("_rels/.rels", Self.relationships([(Self.officeDocument, "xl/workbook.xml")]))
        xml("xl/workbook.xml", workbookXML())
        var rels = sheets.indices.map { (Self.worksheetRel, "worksheets/sheet\($0 + 1).xml") }
        rels.append((Self.stylesRel, "styles.xml"))
        rels.append((Self.sharedStringsRel, "sharedStrings.xml"))
        xml("xl/_rels/workbook.xml.rels", Self.relationships(rels))
        xml("xl/styles.xml", Self.styles)
        xml("xl/sharedStrings.xml", sharedStrings())
        for (index, part) in sheetParts.enumerated() { xml("xl/worksheets/sheet\(index + 1).xml", part) }
        return entries
    }

    // MARK: - Package

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let worksheetRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    static let stylesRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    static let sharedStringsRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private func contentTypes() -> String {
        let ml = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        var out = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ml)sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ml)styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ml)sharedStrings+xml\"/>"
        for index in workbook.sheets.indices {
            out += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"\(ml)worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    static func relationships(_ targets: [(type: String, target: String)]) -> String {
        var out = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, rel) in targets.enumerated() {
            out += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel.type)\" Target=\"\(rel.target)\"/>"
        }
        return out + "</Relationships>"
    }

    private func workbookXML() -> String {
        var out = "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\"><sheets>"
        for (index, sheet) in workbook.sheets.enumerated() {
            out += "<sheet name=\"\(XMLText.attribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    /// Font 0 plain, font 1 bold; cell format 0 plain, 1 bold (header rows).
    static let styles = "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"

    private func sharedStrings() -> String {
        var out = "<sst xmlns=\"\(Self.mainNamespace)\" count=\"\(stringCells)\" uniqueCount=\"\(strings.count)\">"
        for text in strings {
            let preserve = text.first.map { $0.isWhitespace } == true || text.last.map { $0.isWhitespace } == true
            out += preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            out += XMLText.content(ExcelEscapes.encode(text)) + "</t></si>"
        }
        return out + "</sst>"
    }

    // MARK: - Sheets

    private mutating func worksheet(_ sheet: Worksheet) throws(Workbook.Failure) -> String {
        let columns = sheet.rows.map(\.count).max() ?? 0
        guard sheet.rows.count <= CellReference.maximumRow, columns <= CellReference.maximumColumn else {
            throw .tooLarge(sheet: sheet.name)
        }
        var out = "<worksheet xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        if columns > 0, !sheet.rows.isEmpty {
            out += "<dimension ref=\"A1:\(CellReference(row: sheet.rows.count, column: columns))\"/>"
        }
        if sheet.headerRows > 0, sheet.rows.count > sheet.headerRows {
            let below = CellReference(row: sheet.headerRows + 1, column: 1)
            out += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.headerRows)\" topLeftCell=\"\(below)\""
                + " activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if columns > 0 {
            out += "<cols>"
            for column in 0..<columns {
                let width = (column < sheet.columnWidths.count ? sheet.columnWidths[column] : nil) ?? Self.fittingWidth(sheet, column)
                out += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(Self.number(width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { $0 != .empty }) {
            let bold = rowIndex < sheet.headerRows
            out += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = CellReference(row: rowIndex + 1, column: columnIndex + 1)
                let style = bold ? " s=\"1\"" : ""
                switch cell {
                case .empty:
                    continue
                case .number(let value):
                    guard value.isFinite else { throw .notFinite(sheet: sheet.name, cell: reference) }
                    out += "<c r=\"\(reference)\"\(style)><v>\(Self.number(value))</v></c>"
                case .text(let text):
                    guard text.utf16.count <= 32_767 else { throw .textTooLong(sheet: sheet.name, cell: reference) }
                    out += "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(share(text))</v></c>"
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    private mutating func share(_ text: String) -> Int {
        stringCells += 1
        if let index = stringIndex[text] { return index }
        stringIndex[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    /// Wide enough for the column's longest text or number (in characters), within 8 to 60.
    private static func fittingWidth(_ sheet: Worksheet, _ column: Int) -> Double {
        let longest = sheet.rows.reduce(0) { widest, row in
            guard column < row.count else { return widest }
            switch row[column] {
            case .empty: return widest
            case .text(let text): return max(widest, text.count)
            case .number(let value): return max(widest, number(value).count)
            }
        }
        return Double(min(60, max(8, longest + 2)))
    }

    /// The shortest decimal that reads back as the same double; whole numbers without ".0", so
    /// readers type them as integers.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
