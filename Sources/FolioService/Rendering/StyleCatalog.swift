import FolioLayout
import FolioModel
import FolioRender
import Foundation
import Logging

/// The named styles the service offers, read once at start-up.
///
/// Requests name a style; they never give a path. Names are checked against a strict pattern
/// (no `/`, no `..`) and looked up in this dictionary, so no request can make the server open a
/// file, let alone one of its choosing.
public struct StyleCatalog: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var description: String
        public var style: Style
    }

    public let entries: [String: Entry]
    /// SHA-256 of the style sheets' bytes and their logos': part of every ETag, so editing a sheet
    /// or its logo changes them.
    public let digest: String

    public init(entries: [Entry], digest: String) {
        self.entries = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.digest = digest
    }

    /// Loads every sheet in `directory` (default: the bundled `Styles/`). Sheets that fail to load are
    /// logged and left out. Without any sheet, `default` is the built-in standard style.
    public static func load(directory: URL? = StyleLibrary.bundledDirectory(), logger: Logger) -> StyleCatalog {
        let library = StyleLibrary(directory: directory, fonts: try? FontLibrary())
        var entries: [Entry] = []
        var digestInput: [UInt8] = []
        for (name, summary) in library.list() {
            do {
                let loaded = try library.load(name)
                for warning in loaded.warnings {
                    logger.warning("style sheet warning", metadata: ["style": "\(name)", "warning": "\(warning)"])
                }
                entries.append(Entry(name: name, description: summary, style: loaded.style))
                if let url = library.resolve(name), let bytes = try? Data(contentsOf: url) {
                    digestInput += Array("\(name)\n\(bytes.count)\n".utf8) + Array(bytes)
                }
                // A sheet's logo is drawn into its briefings: a new picture is a new ETag.
                if let logo = loaded.style.logo?.image.bytes {
                    digestInput += Array("\(name) logo\n\(logo.count)\n".utf8) + logo
                }
            } catch {
                logger.error("style sheet left out", metadata: ["style": "\(name)", "error": "\(error)"])
            }
        }
        if !entries.contains(where: { $0.name == "default" }) {
            entries.append(Entry(name: "default", description: Style.standard.summary, style: .standard))
            digestInput += Array("default\nbuilt-in\n".utf8)
        }
        return StyleCatalog(entries: entries, digest: SHA256.hex(digestInput))
    }

    public var names: [String] { entries.keys.sorted() }

    /// The style called `name`: 400 for a name that is not a plain name, 404 for an unknown one.
    func style(named name: String) throws -> Entry {
        guard Self.isPlainName(name) else {
            throw ProblemDetails.badParameter("style must be the name of a style (letters, digits, '-', '_', '.'; "
                                              + "not a path), found \"\(name.prefix(80))\"")
        }
        guard let entry = entries[name] else {
            throw ProblemDetails.notFound("unknown-style", "no style \"\(name)\"; the styles are " + names.joined(separator: ", "))
        }
        return entry
    }

    static func isPlainName(_ name: String) -> Bool {
        guard (1...64).contains(name.utf8.count), !name.contains(".."), let first = name.unicodeScalars.first,
              first.properties.isASCIIHexDigit || ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "."
        }
    }
}
