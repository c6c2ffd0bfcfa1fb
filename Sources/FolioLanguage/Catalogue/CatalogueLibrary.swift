import Foundation

/// Where catalogues come from: the bundled `Assets/catalogues`, then any folders a style sheet or
/// a project adds, each file `<tag>.yaml` overriding the keys it names.
public struct CatalogueLibrary: Sendable {
    public var folders: [URL]

    public init(folders: [URL]) { self.folders = folders }

    /// The bundled catalogues, plus `extra` folders laid over them in order.
    public static func bundled(adding extra: [URL] = []) throws -> CatalogueLibrary {
        guard let folder = BundledAssets.path("catalogues") else {
            throw CatalogueFile.Failure(file: "Assets/catalogues", message: "cannot find the bundled catalogues; set FOLIO_ASSETS to the bundle's Assets folder")
        }
        return CatalogueLibrary(folders: [folder] + extra)
    }

    /// Tags with a catalogue in any folder, sorted.
    public func languages() -> [String] {
        var tags = Set<String>()
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names where name.hasSuffix(".yaml") { tags.insert(String(name.dropLast(5))) }
        }
        return tags.sorted()
    }

    /// The edition for `language` ("fr", "fr-CA" → fr-CA.yaml over fr.yaml). A language without
    /// any catalogue is English text with the language's own formats, and a warning.
    public func edition(_ language: String) throws -> Edition {
        let english = try catalogue("en") ?? Catalogue(language: "en", messages: [:])
        var chain: [String] = []
        let parts = language.split(separator: "-").map(String.init)
        for count in 1...max(1, parts.count) { chain.append(parts.prefix(count).joined(separator: "-")) }
        var merged: Catalogue?
        for tag in chain {
            guard let found = try catalogue(tag) else { continue }
            merged = merged.map { $0.merging(found) } ?? found
        }
        // "en-US" asks for American formats even though en.yaml names en-GB's.
        if parts.count > 1, try catalogue(language)?.locale == nil { merged?.locale = nil }
        guard var catalogue = merged else {
            return Edition(language: language, catalogue: Catalogue(language: language, messages: [:]), english: english,
                           warnings: ["no catalogue for language \"\(language)\"; Folio's own words stay English"])
        }
        catalogue.language = language
        return Edition(language: language, catalogue: catalogue, english: english)
    }

    /// The catalogue of exactly `tag`, merged over all folders; nil when no folder has one.
    func catalogue(_ tag: String) throws -> Catalogue? {
        guard LanguageTagSyntax.isSafeFileName(tag) else { return nil }
        var merged: Catalogue?
        for folder in folders {
            let url = folder.appendingPathComponent(tag + ".yaml")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let found = try CatalogueFile.read(url)
            merged = merged.map { $0.merging(found) } ?? found
        }
        return merged
    }
}

/// Catalogue file names come from language tags the user typed; only letters, digits and hyphens
/// may reach the file system.
enum LanguageTagSyntax {
    static func isSafeFileName(_ tag: String) -> Bool {
        !tag.isEmpty && tag.count <= 35 && tag.unicodeScalars.allSatisfy {
            ($0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-")
        } && !tag.hasPrefix("-")
    }
}
