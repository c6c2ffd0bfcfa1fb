import FolioModel
import Foundation

/// Applies the keys of one style sheet to a `Style`, collecting every problem with its position.
struct StyleReader {
    let file: String
    /// Where the sheet is: relative folders in it start here.
    let directory: URL?
    var style: Style
    var errors: [Diagnostic] = []
    var familyPosition: (Int, Int)?

    init(file: String, directory: URL? = nil, style: Style) {
        self.file = file
        self.directory = directory
        self.style = style
    }

    /// What a key holds and where it goes in `Style`.
    enum Setting: Sendable {
        case number(WritableKeyPath<Style, Double> & Sendable, ClosedRange<Double>)
        case color(WritableKeyPath<Style, Color> & Sendable)
        case optionalColor(WritableKeyPath<Style, Color?> & Sendable)
        case colors(WritableKeyPath<Style, [Color]> & Sendable)
        case text(WritableKeyPath<Style, String> & Sendable)
        case flag(WritableKeyPath<Style, Bool> & Sendable)
        case pageSize
        case folder(WritableKeyPath<Style, [String]> & Sendable)
        case file(WritableKeyPath<Style, String?> & Sendable)
        case section([String: Setting])
        /// `logo:`, `sections:`, `header:` and `footer:` (StyleReader+Brand.swift).
        case logo
        case sections
        case runningLine(WritableKeyPath<Style, RunningLine> & Sendable)
    }

    static let sizes = 1.0...400.0
    static let schema: [String: Setting] = [
        "description": .text(\.summary),
        "catalogues": .folder(\.catalogueFolders),
        "template": .file(\.deckTemplate),
        "extends": .section([:]),
        "page": .section([
            "size": .pageSize,
            "margins": .section([
                "top": .number(\.margins.top, 0...400), "left": .number(\.margins.left, 0...400),
                "bottom": .number(\.margins.bottom, 0...400), "right": .number(\.margins.right, 0...400),
            ]),
        ]),
        "fonts": .section(["family": .text(\.fontFamily)]),
        "type": .section([
            "title": .number(\.titleSize, sizes), "subtitle": .number(\.subtitleSize, sizes),
            "heading": .number(\.headingSize, sizes), "subheading": .number(\.subheadingSize, sizes),
            "body": .number(\.bodySize, sizes), "body_leading": .number(\.bodyLeading, sizes),
            "table": .number(\.tableSize, sizes), "table_leading": .number(\.tableLeading, sizes),
            "footer": .number(\.footerSize, sizes),
        ]),
        "colors": .section([
            "text": .color(\.textColor), "muted_text": .color(\.mutedTextColor), "rule": .color(\.ruleColor),
            "accent": .color(\.accentColor), "table_header": .color(\.tableHeaderFill),
            "table_header_text": .color(\.tableHeaderText), "table_stripe": .color(\.tableStripeFill),
            "target": .color(\.targetColor), "result_met": .color(\.resultMetColor),
            "result_short": .color(\.resultShortColor), "regions": .colors(\.regionPalette),
            "grid": .color(\.gridColor), "axis": .color(\.axisColor),
        ]),
        "table": .section([
            "cell_padding": .section([
                "top": .number(\.cellPadding.top, 0...50), "left": .number(\.cellPadding.left, 0...50),
                "bottom": .number(\.cellPadding.bottom, 0...50), "right": .number(\.cellPadding.right, 0...50),
            ]),
        ]),
        "charts": .section([
            "width": .number(\.chartWidth, 16...32767), "height": .number(\.chartHeight, 16...32767),
            "type_scale": .number(\.chartTypeScale, 0.25...4),
            "briefing_height": .number(\.briefingChartHeight, 60...800),
            "briefing_type_scale": .number(\.briefingChartTypeScale, 0.3...2),
            "background": .optionalColor(\.chartBackground),
            "patterns": .flag(\.barPatterns),
        ]),
        "map": .section(["disclaimer": .text(\.mapDisclaimer)]),
        "logo": .logo,
        "sections": .sections,
        "header": .runningLine(\.header),
        "footer": .runningLine(\.footer),
        "cover": .section([
            "background": .optionalColor(\.cover.background), "text": .optionalColor(\.cover.text),
            "muted_text": .optionalColor(\.cover.mutedText), "accent": .optionalColor(\.cover.accent),
        ]),
    ]

    mutating func apply(_ entries: [YAMLTree.Entry], path: String, schema: [String: Setting] = StyleReader.schema) {
        for entry in entries {
            let keyPath = path.isEmpty ? entry.key : path + "." + entry.key
            guard let setting = schema[entry.key] else {
                let known = schema.keys.sorted()
                let hint = Suggestion.closest(to: entry.key, among: known).map { "; did you mean \"\($0)\"?" } ?? "; known keys: " + known.joined(separator: ", ")
                error("unknown key \"\(entry.key)\"" + hint, entry.keyLine, entry.keyColumn, keyPath)
                continue
            }
            set(setting, from: entry.value, path: keyPath)
        }
    }

    mutating func set(_ setting: Setting, from node: YAMLTree, path: String) {
        switch setting {
        case .section(let children):
            if path == "extends" { return }
            guard case .mapping(let entries) = node.value else { return error("expected a mapping", node.line, node.column, path) }
            apply(entries, path: path, schema: children)
        case .number(let key, let range):
            guard case .scalar(let text, false) = node.value, let value = Double(text), value.isFinite else {
                return error("expected a number, found \(describe(node))", node.line, node.column, path)
            }
            guard range.contains(value) else {
                return error("expected a number from \(format(range.lowerBound)) to \(format(range.upperBound)), found \(text)",
                             node.line, node.column, path)
            }
            style[keyPath: key] = value
        case .color(let key):
            if let color = color(node, path: path) { style[keyPath: key] = color }
        case .optionalColor(let key):
            if case .scalar(let text, _) = node.value, text.lowercased() == "transparent" || text.lowercased() == "none" {
                style[keyPath: key] = nil
            } else if let color = color(node, path: path) {
                style[keyPath: key] = color
            }
        case .colors(let key):
            guard case .sequence(let items) = node.value, !items.isEmpty else {
                return error("expected a list of colours", node.line, node.column, path)
            }
            let colors = items.enumerated().compactMap { color($0.element, path: "\(path)[\($0.offset)]") }
            if colors.count == items.count { style[keyPath: key] = colors }
        case .text(let key):
            guard case .scalar(let text, _) = node.value, !text.isEmpty else {
                return error("expected text, found \(describe(node))", node.line, node.column, path)
            }
            if path == "fonts.family" { familyPosition = (node.line, node.column) }
            style[keyPath: key] = text
        case .flag(let key):
            guard case .scalar(let text, false) = node.value, ["true", "false"].contains(text) else {
                return error("expected true or false, found \(describe(node))", node.line, node.column, path)
            }
            style[keyPath: key] = text == "true"
        case .folder(let key):
            guard case .scalar(let text, _) = node.value, !text.isEmpty else {
                return error("expected a folder, found \(describe(node))", node.line, node.column, path)
            }
            let folder = URL(fileURLWithPath: text, relativeTo: directory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return error("no folder \(folder.path)", node.line, node.column, path)
            }
            style[keyPath: key].append(folder.path)
        case .logo:
            readLogo(node, path: path)
        case .sections:
            readSections(node, path: path)
        case .runningLine(let key):
            readRunningLine(node, path: path, into: key)
        case .file(let key):
            guard case .scalar(let text, _) = node.value, !text.isEmpty else {
                return error("expected a file, found \(describe(node))", node.line, node.column, path)
            }
            // Like the logo, a file a style sheet names stays inside the sheet's folder.
            guard let directory else { return error("a file needs the style sheet's folder", node.line, node.column, path) }
            do {
                style[keyPath: key] = try ContainedFile.path(text, in: directory)
            } catch {
                return self.error("\(text) \(error.message)", node.line, node.column, path)
            }
        case .pageSize:
            let named = ["A4": Size.a4, "Letter": Size(width: 612, height: 792), "A5": Size(width: 419.528, height: 595.276)]
            if case .scalar(let text, _) = node.value, let size = named.first(where: { $0.key.lowercased() == text.lowercased() })?.value {
                style.pageSize = size
            } else if case .sequence(let items) = node.value, items.count == 2,
                      case .scalar(let w, false) = items[0].value, case .scalar(let h, false) = items[1].value,
                      let width = Double(w), let height = Double(h), (72...5000).contains(width), (72...5000).contains(height) {
                style.pageSize = Size(width: width, height: height)
            } else {
                error("expected A4, Letter, A5 or [width, height] in points, found \(describe(node))", node.line, node.column, path)
            }
        }
    }

    private mutating func color(_ node: YAMLTree, path: String) -> Color? {
        guard case .scalar(let text, _) = node.value, let color = Color(hex: text) else {
            error("expected a colour like \"#1D4E89\", found \(describe(node))", node.line, node.column, path)
            return nil
        }
        return color
    }

    mutating func error(_ message: String, _ line: Int, _ column: Int, _ path: String) {
        errors.append(Diagnostic(severity: .error, file: file, line: line, column: column, path: path, message: message))
    }

    func describe(_ node: YAMLTree) -> String {
        switch node.value {
        case .scalar(let text, _): return "\"\(text.prefix(40))\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
