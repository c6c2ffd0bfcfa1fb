import ArgumentParser
import FolioLayout
import FolioProducts
import FolioRender

@main
struct Folio: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Renders programme results data into briefing PDFs and charts.",
        discussion: """
            Exit codes: 0 success, 64 usage, 65 invalid data, 66 missing input, \
            70 internal error, 73 cannot create output, 74 I/O error, \
            75 another build of the same project is running (folio build).
            """,
        subcommands: [RenderCommand.self, ChartCommand.self, CheckCommand.self, BenchCommand.self, SynthesizeCommand.self, StylesCommand.self, ChartsCommand.self, ConvertCommand.self, SlidesCommand.self, ServeCommand.self, InitCommand.self, BuildCommand.self, WatchCommand.self]
    )

    /// Commands that read data and draw: they start `StartupWarmUp` before the command line is parsed.
    static let warmedUp: Set<String> = ["render", "chart", "charts", "slides", "check", "convert", "build"]

    /// ArgumentParser's own `main`, with the warm-up around it: every way out, failures and `--help`
    /// included, waits for the warm-up first (see `StartupWarmUp.wait`).
    static func main() async {
        let warmUp = CommandLine.arguments.dropFirst().first.map(warmedUp.contains) == true ? StartupWarmUp() : nil
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            warmUp?.wait()
        } catch {
            warmUp?.wait()
            exit(withError: error)
        }
    }
}

/// A subcommand whose failures print one clear line each and exit with a sysexits code.
protocol FolioCommand: ParsableCommand {
    func execute() throws
}

extension FolioCommand {
    func run() throws {
        do {
            try execute()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = Failure(error)
            failure.lines.forEach(printError)
            throw ExitCode(failure.exitCode)
        }
    }
}

extension ChartKind: ExpressibleByArgument {}
extension PNGEncoder.Compression: ExpressibleByArgument {}
