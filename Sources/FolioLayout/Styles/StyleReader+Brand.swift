import FolioModel
import Foundation

/// The organisation's look: `logo:`, `sections:`, `header:` and `footer:`.
extension StyleReader {
    /// Largest logo file read: a logo is a few kilobytes; this keeps a wrong file from filling memory.
    static let maximumLogoBytes = 4 << 20
    /// Largest PNG logo decoded, per side and in all (4 bytes a pixel once decoded).
    static let maximumLogoSide = 8192
    static let maximumLogoPixels = 16_000_000

    // MARK: - logo

    /// `logo: brand/logo.svg`, or a mapping `{file, width, position, header, header_height}`;
    /// `logo: none` removes a logo the parent sheet has. A mapping without `file` changes the parent's logo.
    mutating func readLogo(_ node: YAMLTree, path: String) {
        switch node.value {
        case .scalar(let text, let quoted):
            if !quoted, ["none", "false"].contains(text.lowercased()) { style.logo = nil; return }
            if let logo = logo(file: text, node: node, path: path) { style.logo = logo }
        case .sequence:
            error("expected the logo's file or a mapping with file, width, position, header, header_height",
                  node.line, node.column, path)
        case .mapping(let entries):
            var logo = style.logo
            if let file = entries.first(where: { $0.key == "file" }) {
                guard let read = self.logo(file: scalarText(file.value) ?? "", node: file.value, path: path + ".file") else { return }
                logo = read.keep(settingsOf: logo)
            } else if logo == nil {
                return error("expected a file: the logo's PNG or SVG, relative to the style sheet's folder",
                             node.line, node.column, path)
            }
            guard var logo else { return }
            for entry in entries where entry.key != "file" {
                let keyPath = path + "." + entry.key
                switch entry.key {
                case "width":
                    if let value = number(entry.value, 8...600, path: keyPath) { logo.coverWidth = value }
                case "header_height":
                    if let value = number(entry.value, 4...72, path: keyPath) { logo.headerHeight = value }
                case "header":
                    guard case .scalar(let text, false) = entry.value.value, ["true", "false"].contains(text) else {
                        error("expected true or false, found \(describe(entry.value))", entry.value.line, entry.value.column, keyPath)
                        continue
                    }
                    logo.inHeader = text == "true"
                case "position":
                    let names = Logo.Position.allCases.map(\.rawValue)
                    guard let text = scalarText(entry.value), let position = Logo.Position(rawValue: text) else {
                        error("expected " + names.joined(separator: ", ") + ", found \(describe(entry.value))",
                              entry.value.line, entry.value.column, keyPath)
                        continue
                    }
                    logo.position = position
                default:
                    let known = ["file", "width", "position", "header", "header_height"]
                    let hint = Suggestion.closest(to: entry.key, among: known).map { "; did you mean \"\($0)\"?" }
                        ?? "; known keys: " + known.joined(separator: ", ")
                    error("unknown key \"\(entry.key)\"" + hint, entry.keyLine, entry.keyColumn, keyPath)
                }
            }
            style.logo = logo
        }
    }

    /// Reads and checks the logo's file; what needs a decoder (a corrupt PNG, an SVG's size) is
    /// checked when the style is loaded with the C libraries (`StyleLibrary`).
    private mutating func logo(file text: String, node: YAMLTree, path: String) -> Logo? {
        func fail(_ message: String) -> Logo? {
            error(message, node.line, node.column, path)
            return nil
        }
        guard !text.isEmpty else { return fail("expected the logo's file, relative to the style sheet's folder") }
        guard let directory else { return fail("\(text): a logo needs a style sheet in a folder") }
        let fileExtension = (text as NSString).pathExtension.lowercased()
        guard let kind = EmbeddedImage.Kind(rawValue: fileExtension) else {
            return fail("\(text): a logo is a PNG or SVG file (.png or .svg)")
        }
        let bytes: [UInt8]
        do {
            bytes = try ContainedFile.read(text, in: directory, maxBytes: Self.maximumLogoBytes)
        } catch {
            return fail("\(text): \(error.message)")
        }
        var size = Size(width: 0, height: 0)
        switch kind {
        case .png:
            guard let pixels = Self.pngSize(bytes) else { return fail("\(text): not a PNG file (no PNG signature and header)") }
            guard pixels.width >= 1, pixels.height >= 1, pixels.width <= Self.maximumLogoSide, pixels.height <= Self.maximumLogoSide,
                  pixels.width * pixels.height <= Self.maximumLogoPixels else {
                return fail("\(text): a PNG logo of \(pixels.width)×\(pixels.height) pixels is too large; "
                            + "at most \(Self.maximumLogoSide) a side and \(Self.maximumLogoPixels) in all")
            }
            size = Size(width: Double(pixels.width), height: Double(pixels.height))
        case .svg:
            let start = bytes.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
            guard start == UInt8(ascii: "<") else { return fail("\(text): not an SVG file (no XML in it)") }
        }
        return Logo(image: EmbeddedImage(kind: kind, bytes: bytes, naturalSize: size), file: text,
                    source: Logo.Source(sheet: file, line: node.line, column: node.column, path: path))
    }

    /// Width and height from a PNG's signature and IHDR chunk, or nil if the bytes do not start like a PNG.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    // MARK: - sections

    /// `sections: {briefing: [cover, contents, summary, changes, outcomes], outcome: [results, charts, narrative, outputs]}`.
    mutating func readSections(_ node: YAMLTree, path: String) {
        guard case .mapping(let entries) = node.value else {
            return error("expected a mapping with briefing: [cover, contents, summary, changes, outcomes] "
                         + "and outcome: [results, charts, narrative, outputs]", node.line, node.column, path)
        }
        for entry in entries {
            let keyPath = path + "." + entry.key
            switch entry.key {
            case "briefing":
                guard let parts: [BriefingSections.Part] = sectionList(entry.value, path: keyPath) else { continue }
                // The cover and contents are numbered apart, before the body: they may go, not move.
                let front = parts.prefix { $0 == .cover || $0 == .contents }
                if let misplaced = parts.dropFirst(front.count).firstIndex(where: { $0 == .cover || $0 == .contents }) {
                    let item = itemNode(entry.value, misplaced)
                    error("\(parts[misplaced].rawValue) comes before the other sections (it is numbered apart, in roman numerals)",
                          item.line, item.column, "\(keyPath)[\(misplaced)]")
                    continue
                }
                if front.first == .contents, front.count == 2 {
                    let item = itemNode(entry.value, 1)
                    error("cover comes first", item.line, item.column, "\(keyPath)[1]")
                    continue
                }
                guard parts.contains(.summary) || parts.contains(.outcomes) else {
                    error("a briefing needs summary or outcomes", entry.value.line, entry.value.column, keyPath)
                    continue
                }
                style.sections.briefing = parts
            case "outcome":
                if let parts: [BriefingSections.OutcomePart] = sectionList(entry.value, path: keyPath) { style.sections.outcome = parts }
            default:
                let hint = Suggestion.closest(to: entry.key, among: ["briefing", "outcome"]).map { "; did you mean \"\($0)\"?" }
                    ?? "; known keys: briefing, outcome"
                error("unknown key \"\(entry.key)\"" + hint, entry.keyLine, entry.keyColumn, keyPath)
            }
        }
    }

    private func itemNode(_ node: YAMLTree, _ index: Int) -> YAMLTree {
        if case .sequence(let items) = node.value, index < items.count { return items[index] }
        return node
    }

    /// A list of section names, each known and named once.
    private mutating func sectionList<Part: RawRepresentable & CaseIterable>(_ node: YAMLTree, path: String) -> [Part]?
    where Part.RawValue == String {
        let known = Part.allCases.map(\.rawValue)
        guard case .sequence(let items) = node.value else {
            error("expected a list of sections from " + known.joined(separator: ", "), node.line, node.column, path)
            return nil
        }
        var parts: [Part] = []
        var failed = false
        for (index, item) in items.enumerated() {
            guard let name = scalarText(item), let part = Part(rawValue: name) else {
                let name = scalarText(item) ?? ""
                let hint = Suggestion.closest(to: name, among: known).map { "; did you mean \"\($0)\"?" }
                    ?? "; the sections are " + known.joined(separator: ", ")
                error("unknown section \(describe(item))" + hint, item.line, item.column, "\(path)[\(index)]")
                failed = true
                continue
            }
            if parts.contains(where: { $0.rawValue == name }) {
                error("section \"\(name)\" is listed twice", item.line, item.column, "\(path)[\(index)]")
                failed = true
                continue
            }
            parts.append(part)
        }
        return failed ? nil : parts
    }

    // MARK: - header and footer

    /// `header: {left: "{title}", right: "{outcome}"}`: a side left out keeps its value, `""` prints nothing.
    mutating func readRunningLine(_ node: YAMLTree, path: String, into key: WritableKeyPath<Style, RunningLine> & Sendable) {
        guard case .mapping(let entries) = node.value else {
            return error("expected a mapping with left and right, e.g. {left: \"{title}\", right: \"{page} / {pages}\"}",
                         node.line, node.column, path)
        }
        for entry in entries {
            let keyPath = path + "." + entry.key
            guard entry.key == "left" || entry.key == "right" else {
                let hint = Suggestion.closest(to: entry.key, among: ["left", "right"]).map { "; did you mean \"\($0)\"?" }
                    ?? "; known keys: left, right"
                error("unknown key \"\(entry.key)\"" + hint, entry.keyLine, entry.keyColumn, keyPath)
                continue
            }
            guard case .scalar(let text, let quoted) = entry.value.value else {
                error("expected text with fields such as {title}, found \(describe(entry.value))", entry.value.line, entry.value.column, keyPath)
                continue
            }
            do {
                let template = try FieldTemplate.parse(text)
                if entry.key == "left" { style[keyPath: key].left = template } else { style[keyPath: key].right = template }
            } catch let failure {
                // Columns count characters on the value's line; a quote before the text moves it by one.
                error(failure.message, entry.value.line, entry.value.column + failure.offset + (quoted ? 1 : 0), keyPath)
            }
        }
    }

    // MARK: - small readers

    private func scalarText(_ node: YAMLTree) -> String? {
        if case .scalar(let text, _) = node.value { return text }
        return nil
    }

    private mutating func number(_ node: YAMLTree, _ range: ClosedRange<Double>, path: String) -> Double? {
        guard case .scalar(let text, false) = node.value, let value = Double(text), value.isFinite else {
            error("expected a number, found \(describe(node))", node.line, node.column, path)
            return nil
        }
        guard range.contains(value) else {
            error("expected a number from \(format(range.lowerBound)) to \(format(range.upperBound)), found \(text)",
                  node.line, node.column, path)
            return nil
        }
        return value
    }
}

extension Logo {
    /// A new file for a logo the parent sheet placed: the new picture with the parent's size and place.
    fileprivate func keep(settingsOf parent: Logo?) -> Logo {
        guard let parent else { return self }
        var copy = self
        copy.coverWidth = parent.coverWidth
        copy.position = parent.position
        copy.inHeader = parent.inHeader
        copy.headerHeight = parent.headerHeight
        return copy
    }
}
