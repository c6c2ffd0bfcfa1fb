import FolioLanguage
import FolioLayout
import FolioModel
import Foundation
import Logging

/// `?lang=TAG` on the routes that draw: the edition's language, checked before any work is queued.
extension RenderService {
    /// The bundled catalogues; without them (a broken install) English words from an empty
    /// catalogue would be keys, so the server logs it loudly and serves what it can.
    static func bundledCatalogues(logger: Logger) -> CatalogueLibrary {
        do {
            return try CatalogueLibrary.bundled()
        } catch {
            logger.error("catalogues not loaded", metadata: ["error": "\(error)"])
            return CatalogueLibrary.empty
        }
    }

    /// The libraries of styles with catalogues of their own, by style name; a style whose
    /// catalogues cannot be read is logged and served with the bundled ones.
    static func styleCatalogues(_ styles: StyleCatalog, over bundled: CatalogueLibrary, logger: Logger) -> [String: CatalogueLibrary] {
        var libraries: [String: CatalogueLibrary] = [:]
        for (name, entry) in styles.entries where !entry.style.catalogueFolders.isEmpty {
            do {
                libraries[name] = try CatalogueLibrary(folders: bundled.folders
                    + entry.style.catalogueFolders.map { URL(fileURLWithPath: $0, isDirectory: true) })
            } catch {
                logger.error("style catalogues left out", metadata: ["style": "\(name)", "error": "\(error)"])
            }
        }
        return libraries
    }

    /// 400 for a value that is not a BCP 47 tag; 404 for a language no catalogue serves, naming
    /// those that exist (a request never silently gets English words).
    func checkLanguage(_ language: String?, in catalogues: CatalogueLibrary) throws {
        guard let language else { return }
        guard LanguageTag.isValid(language) else {
            throw ProblemDetails.badParameter("lang must be a BCP 47 language tag (like fr or es-419), found \"\(language.prefix(40))\"")
        }
        guard catalogues.hasCatalogue(for: language) else {
            throw ProblemDetails.notFound("unknown-language", "no catalogue for language \"\(language)\"; the languages are "
                                          + catalogues.languages().joined(separator: ", "))
        }
    }
}
