import Foundation

/// Where catalogues come from: the bundled `Assets/catalogues`, then any folders a style sheet or
/// a project adds, each file `<tag>.yaml` overriding the keys it names.
///
/// Every file is read once, when the library is made; editions are then made from memory, so a
/// server answering many languages reads no file per request.
public struct CatalogueLibrary: Sendable {
    public let folders: [URL]
    /// Each tag's catalogue, merged over the folders in order.
    public let catalogues: [String: Catalogue]
    /// SHA-256 input: the files' names and bytes in order, for callers that key caches on them.
    public let contentDigestInput: [UInt8]
    /// The same, per tag: what an edition in one language depends on.
    private let digestInputs: [String: [UInt8]]

    /// No catalogue at all: every edition is English keys, with a warning. For a broken install only.
    public static let empty = CatalogueLibrary(catalogues: [:])

    private init(catalogues: [String: Catalogue]) {
        folders = []
        self.catalogues = catalogues
        contentDigestInput = []
        digestInputs = [:]
    }

    /// - Parameter languages: Read only the catalogues editions in these languages need (theirs and
    ///   English); nil reads every one. A command drawing one edition need not parse all six.
    public init(folders: [URL], languages: [String]? = nil) throws {
        self.folders = folders
        let wanted = languages.map { Set(["en"] + $0.flatMap(Self.chain)) }
        var catalogues: [String: Catalogue] = [:]
        var digest: [UInt8] = []
        var digests: [String: [UInt8]] = [:]
        for folder in folders {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            for name in names {
                let tag = String(name.dropLast(5))
                guard LanguageTagSyntax.isSafeFileName(tag), wanted?.contains(tag) ?? true else { continue }
                let url = folder.appendingPathComponent(name)
                let (found, bytes) = try CatalogueFile.load(url)
                catalogues[tag] = catalogues[tag].map { $0.merging(found) } ?? found
                let input = Array("\(tag)\n\(bytes.count)\n".utf8) + Array(bytes)
                digest += input
                digests[tag, default: []] += input
            }
        }
        self.catalogues = catalogues
        contentDigestInput = digest
        digestInputs = digests
    }

    /// What an edition in `language` is made of (English, which fills missing keys, and the
    /// language's catalogues); nil, an edition in the data's language, depends on every catalogue.
    /// A build rebuilds only the editions whose catalogues changed.
    public func contentDigestInput(for language: String?) -> [UInt8] {
        guard let language else { return contentDigestInput }
        return (["en"] + Self.chain(language).filter { $0 != "en" }).flatMap { digestInputs[$0] ?? Array("\($0) none\n".utf8) }
    }

    /// The bundled catalogues, plus `extra` folders laid over them in order.
    public static func bundled(adding extra: [URL] = [], languages: [String]? = nil) throws -> CatalogueLibrary {
        guard let folder = BundledAssets.path("catalogues") else {
            throw CatalogueFile.Failure(file: "Assets/catalogues", message: "cannot find the bundled catalogues; set FOLIO_ASSETS to the bundle's Assets folder")
        }
        return try CatalogueLibrary(folders: [folder] + extra, languages: languages)
    }

    /// Tags with a catalogue, sorted.
    public func languages() -> [String] { catalogues.keys.sorted() }

    /// Whether some catalogue serves `language` ("fr-CA" is served by fr.yaml).
    public func hasCatalogue(for language: String) -> Bool {
        Self.chain(language).contains { catalogues[$0] != nil }
    }

    /// The edition for `language` ("fr", "fr-CA" → fr-CA.yaml over fr.yaml). A language without
    /// any catalogue is English text with the language's own formats, and a warning.
    public func edition(_ language: String) -> Edition {
        let english = catalogues["en"] ?? Catalogue(language: "en", messages: [:])
        var merged: Catalogue?
        for tag in Self.chain(language) {
            guard let found = catalogues[tag] else { continue }
            merged = merged.map { $0.merging(found) } ?? found
        }
        guard var catalogue = merged else {
            return Edition(language: language, catalogue: Catalogue(language: language, messages: [:]), english: english,
                           warnings: ["no catalogue for language \"\(language)\"; Folio's own words stay English"])
        }
        // "en-US" asks for American formats even though en.yaml names en-GB's.
        if Self.chain(language).count > 1, catalogues[language]?.locale == nil { catalogue.locale = nil }
        catalogue.language = language
        return Edition(language: language, catalogue: catalogue, english: english)
    }

    /// "zh-Hans-CN" → ["zh", "zh-Hans", "zh-Hans-CN"]: the catalogues an edition is made of, general first.
    static func chain(_ language: String) -> [String] {
        guard LanguageTagSyntax.isSafeFileName(language) else { return [] }
        let parts = language.split(separator: "-").map(String.init)
        return (1...max(1, parts.count)).map { parts.prefix($0).joined(separator: "-") }
    }
}

/// Catalogue file names come from language tags the user typed; only letters, digits and hyphens
/// may reach the file system.
enum LanguageTagSyntax {
    static func isSafeFileName(_ tag: String) -> Bool {
        !tag.isEmpty && tag.count <= 35 && !tag.hasPrefix("-") && tag.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
    }
}
