import Foundation

/// Reads a worksheet part (`<sheetData><row><c>…`) into rows of cells, resolving each cell's type:
///
/// | `t`          | value |
/// |--------------|-------|
/// | absent, `n`  | `<v>` as a number; a date (by its cell format) as ISO text, `2024-03-31` |
/// | `s`          | the shared string at index `<v>` |
/// | `str`        | `<v>` as text (a formula's text result) |
/// | `inlineStr`  | the text of `<is>` (runs joined, phonetic runs left out) |
/// | `b`          | `true` or `false`, as text: the words Folio's yes/no columns accept |
/// | `d`          | the ISO 8601 text as written |
/// | `e`          | an error (`#N/A`, `#DIV/0!`…): refused, naming the cell |
///
/// A formula's stored (cached) value is used: Folio does not calculate, so a formula without one
/// is refused, naming the cell. `r` is optional on rows and cells (the next row, the next column).
final class WorksheetParser: XMLPartHandler {
    private let sheet: String
    private let strings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool
    private let limits: WorkbookReader.Limits
    private(set) var rows: [[SheetCell]] = []
    private var cellCount = 0

    private var rowNumber = 0, column = 0
    private var currentRow: [SheetCell] = []
    private var inSheetData = false
    // The cell being read.
    private var reference = CellReference(row: 1, column: 1)
    private var type = "n", style = 0
    private var value: String?, inline: String?, hasFormula = false
    private var inValue = false, inInline = false, inInlineText = false, phonetic = 0

    init(sheet: String, strings: [String], dateStyles: Set<Int>, date1904: Bool, limits: WorkbookReader.Limits) {
        self.sheet = sheet
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.limits = limits
    }

    private func failure(_ message: String, at cell: CellReference? = nil) -> WorkbookReader.Failure {
        .cell(sheet: sheet, cell: cell, message)
    }

    func start(_ name: String, namespace: String, attributes: [String: String]) throws(WorkbookReader.Failure) {
        guard namespace == WorkbookReader.mainNamespace else { return }
        switch name {
        case "sheetData": inSheetData = true
        case "row" where inSheetData:
            var number = rowNumber + 1
            if let r = attributes["r"] {
                guard let given = Int(r), (1...CellReference.maximumRow).contains(given) else {
                    throw failure("row number \"\(r.prefix(20))\" is not a row of a spreadsheet (after row \(rowNumber))")
                }
                number = given
            }
            guard number > rowNumber else {
                throw failure("row \(number) comes after row \(rowNumber): rows out of order or repeated")
            }
            rowNumber = number
            column = 0
            currentRow = []
        case "c" where inSheetData:
            var next = CellReference(row: rowNumber, column: column + 1)
            if let r = attributes["r"] {
                guard let given = CellReference(r), given.row == rowNumber else {
                    throw failure("cell reference \"\(r.prefix(20))\" is not a cell of row \(rowNumber)", at: next)
                }
                next = given
            }
            guard next.column > column, next.column <= CellReference.maximumColumn else {
                throw failure("cell repeated or out of order in its row", at: next)
            }
            reference = next
            column = next.column
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            value = nil
            inline = nil
            hasFormula = false
        case "v" where inSheetData: inValue = true; value = value ?? ""
        case "f" where inSheetData: hasFormula = true
        case "is" where inSheetData: inInline = true; inline = inline ?? ""
        case "rPh" where inInline: phonetic += 1
        case "t" where inInline: inInlineText = phonetic == 0
        default: break
        }
    }

    func end(_ name: String, namespace: String) throws(WorkbookReader.Failure) {
        guard namespace == WorkbookReader.mainNamespace else { return }
        switch name {
        case "sheetData": inSheetData = false
        case "row" where inSheetData:
            guard !currentRow.isEmpty else { return }
            guard rows.count < limits.maxRows else {
                throw failure("more than \(limits.maxRows) rows with values", at: currentRow[0].reference)
            }
            rows.append(currentRow)
        case "c" where inSheetData:
            let cell = try resolved()
            guard cell != .empty else { return }
            cellCount += 1
            guard cellCount <= limits.maxCells else { throw failure("more than \(limits.maxCells) cells with values", at: reference) }
            currentRow.append(SheetCell(reference, cell))
        case "v": inValue = false
        case "is": inInline = false
        case "rPh" where inInline: phonetic -= 1
        case "t": inInlineText = false
        default: break
        }
    }

    func text(_ text: String) {
        if inValue {
            value? += text
        } else if inInlineText {
            inline? += text
        }
    }

    private func resolved() throws(WorkbookReader.Failure) -> Cell {
        guard (inline?.count ?? 0) <= 32_767, (value?.count ?? 0) <= 32_767 else {
            throw failure("more than 32,767 characters, more than a cell can hold", at: reference)
        }
        switch type {
        case "inlineStr":
            return Self.text(ExcelEscapes.decode(inline ?? ""))
        case "s":
            guard let raw = value else { return try formulaWithoutValue() }
            guard let index = Int(raw.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                throw failure("shared string \(raw.prefix(20)) is not in the shared string table (\(strings.count) strings)", at: reference)
            }
            return Self.text(strings[index])
        case "str":
            guard let raw = value else { return try formulaWithoutValue() }
            return Self.text(ExcelEscapes.decode(raw))
        case "b":
            guard let raw = value else { return try formulaWithoutValue() }
            switch raw.trimmingCharacters(in: .whitespaces) {
            case "1": return .text("true")
            case "0": return .text("false")
            default: throw failure("\"\(raw.prefix(20))\" is not a boolean (0 or 1)", at: reference)
            }
        case "d":
            guard let raw = value else { return try formulaWithoutValue() }
            return Self.text(raw.trimmingCharacters(in: .whitespaces))
        case "e":
            throw failure("the cell holds the error \(value.map { "\($0.prefix(20))" } ?? "value"); correct it in the workbook", at: reference)
        case "n":
            guard let raw = value?.trimmingCharacters(in: .whitespaces) else {
                return hasFormula ? try formulaWithoutValue() : .empty
            }
            guard !raw.isEmpty else { return hasFormula ? try formulaWithoutValue() : .empty }
            guard let number = Double(raw), number.isFinite else {
                throw failure("\"\(raw.prefix(20))\" is not a number", at: reference)
            }
            if dateStyles.contains(style) {
                guard let iso = ExcelDate.iso(serial: number, date1904: date1904) else {
                    throw failure("\(raw.prefix(20)) is formatted as a date but is not one Excel can show", at: reference)
                }
                return .text(iso)
            }
            return .number(number)
        default:
            throw failure("unknown cell type \"\(type.prefix(20))\"", at: reference)
        }
    }

    private func formulaWithoutValue() throws(WorkbookReader.Failure) -> Cell {
        guard hasFormula else { return .empty }
        throw failure("a formula without a stored value (Folio does not calculate); open the workbook in a spreadsheet "
                      + "program and save it, or type the value", at: reference)
    }

    private static func text(_ text: String) -> Cell {
        text.isEmpty ? .empty : .text(text)
    }
}
