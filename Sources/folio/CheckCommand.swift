import ArgumentParser
import FolioModel

struct CheckCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a data file and summarise it.",
        discussion: "Errors exit with 65. Warnings are printed; --strict makes them errors."
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func execute() throws {
        let result = try input.load(strict: strict)
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
        print("  entries per region:")
        for region in report.regions {
            let count = indicators.reduce(0) { $0 + $1.entries(in: region).count }
            print("    \(region): \(count)")
        }
        print(plural(result.warnings.count, "warning"))
    }
}

func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
    "\(count) " + (count == 1 ? one : many ?? one + "s")
}
