import ArgumentParser
import FolioLanguage
import FolioLayout
import FolioModel
import Foundation

/// `--language TAG`, shared by every command that draws: the edition's language, whose catalogue
/// gives Folio's own words and whose texts are taken from multilingual data.
struct LanguageOptions: ParsableArguments {
    @Option(help: "Language of the edition (BCP 47: en, fr, es, ar, zh, ru …); default: the data's language.")
    var language: String?

    /// The report in the chosen language, with the warnings printed; the style's own catalogues
    /// (`catalogues:` in the sheet) are laid over the bundled ones.
    func edition(of report: Report, style: Style) throws -> ReportEdition {
        let made: ReportEdition
        do {
            let catalogues = try CatalogueLibrary.bundled(adding: style.catalogueFolders.map { URL(fileURLWithPath: $0, isDirectory: true) },
                                                          languages: [language ?? report.language])
            made = try ReportEdition.make(report, language: language, catalogues: catalogues)
        } catch let failure as ReportEdition.Failure {
            throw Failure.usage("--language: " + failure.description)
        } catch let failure as CatalogueFile.Failure {
            throw Failure.data([failure.description, "folio: the catalogue is not valid; nothing written"])
        }
        made.warnings.forEach { printError("folio: " + $0) }
        return made
    }

    /// "-fr" for an edition in another language than the data's, so editions sit side by side in
    /// `Output/`; nothing for the data's own language.
    func fileSuffix(for report: Report) -> String {
        guard let language, language != report.language else { return "" }
        return "-" + language
    }
}
