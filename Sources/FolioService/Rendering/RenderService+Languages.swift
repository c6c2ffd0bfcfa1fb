import FolioLanguage
import FolioLayout
import FolioModel
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

    /// 400 for a value that is not a BCP 47 tag; 404 for a language no catalogue serves, naming
    /// those that exist (a request never silently gets English words).
    func checkLanguage(_ language: String?) throws {
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
