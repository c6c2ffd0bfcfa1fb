import FolioArchive
import Foundation

/// Which cell formats (`s` on a cell: an index into `cellXfs` in `xl/styles.xml`) show a number as
/// a date: Excel stores dates as numbers, and only the format says so.
enum DateFormats {
    /// Excel's built-in date and time formats (14–22, 45–47) and the East Asian ones (27–36, 50–58).
    static let builtIn: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Indexes into `cellXfs` whose number format is a date or time.
    static func read(_ bytes: [UInt8], part: String) throws(WorkbookReader.Failure) -> Set<Int> {
        let reader = Reader()
        try StrictXML.parse(bytes, part: part, into: reader)
        var styles: Set<Int> = []
        for (index, format) in reader.cellFormats.enumerated() {
            if builtIn.contains(format) || reader.customCodes[format].map(isDateCode) == true { styles.insert(index) }
        }
        return styles
    }

    /// A format code shows a date when it has d, m, y, h or s outside quoted text, `[…]` (colours,
    /// locales, elapsed time aside) and backslash-escaped characters.
    static func isDateCode(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\" where !quoted: escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "m", "y", "h", "s": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }

    private final class Reader: XMLPartHandler {
        var cellFormats: [Int] = []
        var customCodes: [Int: String] = [:]
        private var inCellXfs = false

        func start(_ name: String, namespace: String, attributes: [String: String]) {
            guard namespace == WorkbookReader.mainNamespace else { return }
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { customCodes[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }

        func end(_ name: String, namespace: String) {
            if name == "cellXfs" { inCellXfs = false }
        }

        func text(_ text: String) {}
    }
}

/// Excel's date serial numbers as ISO 8601 text.
enum ExcelDate {
    /// "2024-03-31" for a whole day, "2024-03-31T08:30:00" with a time; nil outside 1900-01-01…9999-12-31
    /// and for Excel's fictitious 29 February 1900 (serial 60).
    static func iso(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 { days += 1; seconds = 0 }
        // Day 0 is 1899-12-31 in the 1900 system, which counts a 29 February 1900 that never was
        // (serial 60): from serial 61 on, day 0 is 1899-12-30. The 1904 system starts on 1904-01-01.
        let epoch: (Int, Int, Int)
        if date1904 {
            epoch = (1904, 1, 1)
        } else {
            guard days >= 1, days != 60 else { return nil }
            epoch = days < 60 ? (1899, 12, 31) : (1899, 12, 30)
        }
        let (year, month, day) = CivilDate.fromDays(CivilDate.days(year: epoch.0, month: epoch.1, day: epoch.2) + Int64(days))
        guard year <= 9999 else { return nil }
        var text = String(format: "%04d-%02d-%02d", year, month, day)
        if seconds > 0 { text += String(format: "T%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60) }
        return text
    }
}
