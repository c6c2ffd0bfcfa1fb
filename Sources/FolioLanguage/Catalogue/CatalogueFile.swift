import FolioConcurrency
import Foundation
import Yams

/// Reads one catalogue file:
///
/// ```yaml
/// language: fr
/// direction: ltr          # or rtl
/// numbering: latn         # optional: CLDR digits
/// locale: fr-FR           # optional: the CLDR locale of its formats
/// messages:
///   contents: Table des matières
///   count.member_states:
///     one: "{n} État Membre"
///     other: "{n} États Membres"
/// ```
public enum CatalogueFile {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }

        public init(file: String, message: String) {
            self.file = file
            self.message = message
        }
    }

    /// Catalogues are small; anything bigger is not one.
    static let maxBytes = 1 << 20

    public static func read(_ url: URL) throws -> Catalogue {
        try load(url).catalogue
    }

    /// The catalogue in `url` and the bytes it was read from. A file read before with the same bytes
    /// is not parsed again: a command's start-up (`StartupWarmUp`) and its edition, or a service's
    /// requests, share one parse of each file, and a changed file is always parsed afresh.
    static func load(_ url: URL) throws -> (catalogue: Catalogue, bytes: Data) {
        guard let data = try? Data(contentsOf: url) else { throw Failure(file: url.path, message: "cannot read the catalogue") }
        guard data.count <= maxBytes else { throw Failure(file: url.path, message: "a catalogue may be at most 1 MiB") }
        if let known = parsed.withLock({ $0[url.path] }), known.bytes == data { return known }
        let catalogue = try parse(data, url: url)
        parsed.withLock { files in
            if files.count >= parsedLimit { files.removeAll() }
            files[url.path] = (catalogue, data)
        }
        return (catalogue, data)
    }

    /// Files parsed so far, by path; emptied when it reaches `parsedLimit` files.
    private static let parsed = Guarded([String: (catalogue: Catalogue, bytes: Data)]())
    private static let parsedLimit = 64

    private static func parse(_ data: Data, url: URL) throws -> Catalogue {
        let name = url.lastPathComponent
        guard let text = String(data: data, encoding: .utf8) else { throw Failure(file: url.path, message: "not UTF-8 text") }
        let node: Node?
        do {
            // Messages are text: the basic resolver skips Yams' per-scalar regular expressions.
            node = try Yams.compose(yaml: text, .basic)
        } catch {
            // Yams quotes the whole document as context; the first line and the position are enough.
            let lines = "\(error)".split(separator: "\n")
            let position = lines.last(where: { $0.contains(" in line ") }).map { " (" + $0.trimmingCharacters(in: .whitespaces) + ")" } ?? ""
            throw Failure(file: url.path, message: "not YAML: " + (lines.first.map(String.init) ?? "") + position)
        }
        guard let root = node?.mapping else { throw Failure(file: url.path, message: "a catalogue is a mapping with language and messages") }
        let fallbackTag = String(name.dropLast(url.pathExtension.isEmpty ? 0 : url.pathExtension.count + 1))
        let language = root["language"]?.string ?? fallbackTag
        var direction = Catalogue.Direction.leftToRight
        if let value = root["direction"]?.string {
            guard let parsed = Catalogue.Direction(rawValue: value) else {
                throw Failure(file: url.path, message: "direction: must be ltr or rtl, not \"\(value)\"")
            }
            direction = parsed
        }
        guard let messageNodes = root["messages"]?.mapping else {
            throw Failure(file: url.path, message: "messages: missing or not a mapping")
        }
        var messages: [String: Catalogue.Message] = [:]
        for (keyNode, value) in messageNodes {
            guard let key = keyNode.string else { continue }
            if let text = value.string {
                messages[key] = .text(text)
            } else if let forms = value.mapping {
                var plural: [String: String] = [:]
                for (category, form) in forms {
                    guard let category = category.string, let form = form.string else {
                        throw Failure(file: url.path, message: "messages.\(key): plural forms are text")
                    }
                    plural[category] = form
                }
                guard plural["other"] != nil else {
                    throw Failure(file: url.path, message: "messages.\(key): a plural message needs an \"other\" form")
                }
                messages[key] = .plural(plural)
            } else {
                throw Failure(file: url.path, message: "messages.\(key): text or plural forms expected")
            }
        }
        return Catalogue(language: language, direction: direction, numbering: root["numbering"]?.string,
                         locale: root["locale"]?.string, messages: messages)
    }
}
