import ArgumentParser
import FolioBuild
import FolioModel
import Foundation

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct BuildCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Render what is out of date in a project (folio.yaml): briefings, country briefings, chart sets, decks.",
        discussion: "A target is fresh when the hash of its inputs (data, style, fonts, Folio version, options) matches "
            + "the one in <state folder>/.folio-state.json. Every output is written to a temporary file and renamed into "
            + "place; a source that fails validation keeps its previous outputs, is reported, and makes the exit code 65 "
            + "while the other targets still build. Writes changes.md and changes.json when anything was rendered. "
            + "Exit codes as for the other commands, and 75 when another build of the project is running."
    )

    @Option(name: .customShort("C"), help: ArgumentHelp("Project folder (default: the current folder).", valueName: "dir"))
    var directory: String = "."

    @Flag(help: "Render every target, fresh or not.")
    var force = false

    @Option(help: "Parallel renders (default: one per core).")
    var jobs: Int?

    @Flag(help: "Only list what would be rendered.")
    var dryRun = false

    @Option(help: "Build part K of N (e.g. 2/3) of the targets: for spreading a build over machines.")
    var shard: String?

    @Flag(help: "Give every briefing a page listing what changed since the last build (as changes_page: true).")
    var changesPage = false

    @Option(help: "text (a progress bar on a terminal, one line per target otherwise) or json (one object per line).")
    var logFormat: LogFormat = .text

    func validate() throws {
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/3; found \"\(shard)\"") }
    }

    func execute() throws {
        let project = try ProjectFolder.load(directory)
        let options = BuildOptions(force: force, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, dryRun: dryRun,
                                   shard: shard.flatMap(Shard.init), changesPage: changesPage)
        let reporter = BuildReporter(format: logFormat, project: project, shard: options.shard)
        let summary = try ProjectFolder.run(Build(project: project, options: options), reporter: reporter)
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}

/// Loading a project and running its build the way `build` and `watch` both need: library errors
/// become the usual one-line messages and sysexits codes.
enum ProjectFolder {
    static func load(_ directory: String) throws -> Project {
        do {
            return try Project.load(directory: URL(fileURLWithPath: directory, isDirectory: true))
        } catch let error as BuildFileError {
            if error.missing { throw Failure.noInput(error.diagnostics.map(\.description).joined(separator: "; ")) }
            throw Failure.data(error.diagnostics.map(\.description) + ["folio: \(Project.fileName) is not valid; nothing built"])
        }
    }

    static func run(_ build: Build, reporter: BuildReporter) throws -> BuildSummary {
        do {
            let summary = try build.run(events: { reporter.handle($0) })
            reporter.finish(summary)
            return summary
        } catch let error as BuildError {
            switch error {
            case .busy:
                printError("folio: " + error.description)
                throw ExitCode(75)
            case .cannotCreate:
                throw Failure.cannotCreate(error.description)
            }
        }
    }
}
