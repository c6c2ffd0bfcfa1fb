import ArgumentParser
import FolioFiles
import FolioModel
import FolioRender
import Foundation

struct SynthesizeCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize",
        abstract: "Write a made-up report of any size (JSON), the same every time: for trying and benchmarking."
    )

    @Option(help: "Number of outcomes.")
    var outcomes: Int = 30

    @Option(help: "Indicators per outcome.")
    var indicators: Int = 4

    @Option(help: "Size of the pool of country names.")
    var countries: Int = 150

    @Option(name: .shortAndLong, help: "Output .json file.")
    var output: String

    func validate() throws {
        guard (1...10_000).contains(outcomes) else { throw ValidationError("--outcomes must be between 1 and 10000") }
        guard (1...100).contains(indicators) else { throw ValidationError("--indicators must be between 1 and 100") }
        guard (1...5_000).contains(countries) else { throw ValidationError("--countries must be between 1 and 5000") }
    }

    func execute() throws {
        let report = SyntheticReport.make(outcomes: outcomes, indicatorsPerOutcome: indicators, countries: countries)
        let url = URL(fileURLWithPath: output)
        try AtomicFile.write(Array(ReportJSONWriter.json(report).utf8), to: url)
        print("wrote \(url.relativePath)")
    }
}
