import ArgumentParser
import FolioLanguage
import FolioLayout
import FolioModel

struct CheckCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a data file and summarise it.",
        discussion: "Errors exit with 65. Warnings are printed; --strict makes them errors. With --language, every "
            + "text the data lacks in that language is a warning too (the edition would print the data's own language there)."
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "Check the data for an edition in this language (a BCP 47 tag such as fr or es): warn at every text it lacks.")
    var language: String?

    func validate() throws {
        if let language, !LanguageTag.isValid(language) {
            throw ValidationError("--language expects a language tag such as fr or es-419, found \"\(language)\"")
        }
    }

    func execute() throws {
        var result = try input.load(strict: strict)
        if let language {
            result.diagnostics += try editionWarnings(result, language: language)
        }
        let report = result.report!
        let indicators = report.outcomes.flatMap(\.indicators)
        let entries = indicators.reduce(0) { $0 + $1.listedCount }
        let territories = indicators.reduce(0) { $0 + $1.territoryCount }
        print("\(input.displayName): \(plural(report.outcomes.count, "outcome")), \(plural(indicators.count, "indicator")), "
              + "\(plural(entries, "entry", "entries"))" + (territories > 0 ? " (\(plural(territories, "territory", "territories")))" : ""))
        for outcome in report.outcomes {
            print("  Outcome \(outcome.id): \(plural(outcome.indicators.count, "indicator")), "
                  + "\(plural(outcome.narrative.count, "narrative section")), \(plural(outcome.outputs.count, "output category", "output categories"))")
        }
        let tracked = indicators.filter(\.hasHistory)
        if !tracked.isEmpty {
            let current = tracked[0].current.label.map { "; current \($0)" } ?? ""
            print("  \(plural(tracked.count, "indicator")) over time: " + report.periodNames.joined(separator: ", ") + current)
        }
        print(tracked.isEmpty ? "  entries per region:" : "  entries per region (current period):")
        for region in report.regions {
            let count = indicators.reduce(0) { $0 + $1.entries(in: region).count }
            print("    \(region): \(count)")
        }
        print(plural(result.warnings.count, "warning"))
    }

    /// The fallback warnings of the edition in `language`, printed; with --strict they fail the check
    /// as the loader's own warnings do.
    private func editionWarnings(_ result: CheckResult, language: String) throws -> [Diagnostic] {
        // The same edition render makes: default regions and countries are named by the catalogue
        // and the country table, so they never count as texts the data lacks.
        let made: ReportEdition
        do {
            made = try ReportEdition.make(result.report!, language: language, catalogues: try CatalogueLibrary.bundled())
        } catch let failure as CatalogueFile.Failure {
            throw Failure.data([failure.description, "folio: the catalogue is not valid"])
        }
        made.edition.warnings.forEach { printError("folio: " + $0) }
        let warnings = made.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            // Named like the loader's diagnostics of a CSV folder: "q3/indicators.csv".
            if input.isFolder { diagnostic.file = input.displayName + "/" + diagnostic.file }
            return diagnostic
        }
        if strict && !warnings.isEmpty {
            throw Failure.data(warnings.map(\.description) + [
                "folio: \(input.displayName) is not valid: 0 errors, \(plural(warnings.count, "warning")) (--strict, --language \(language))"
            ])
        }
        warnings.forEach { printError($0.description) }
        return warnings
    }
}

func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
    "\(count) " + (count == 1 ? one : many ?? one + "s")
}
