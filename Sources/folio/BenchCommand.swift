import ArgumentParser
import FolioLayout
import FolioModel
import FolioRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct BenchCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time rendering in-process and report median, p95 and peak memory.",
        discussion: "Each artefact is rendered --iterations times after one warm-up; nothing is written."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Renders per artefact.")
    var iterations: Int = 30

    func validate() throws {
        guard (1...100_000).contains(iterations) else { throw ValidationError("--iterations must be between 1 and 100000") }
    }

    func execute() throws {
        let source = try input.read(limit: input.maxInputSize << 20)
        let format = try input.resolvedFormat()
        let report = try input.load().report!
        let outcome = report.outcomes[0]
        let renderer = try Renderer()
        let cases: [(String, () throws -> Int)] = [
            ("check data file", {
                ReportLoader.check(data: source, fileName: input.displayName, format: format).diagnostics.count
            }),
            ("targets PNG 1600×900", { try renderer.chart(.targets, outcome: outcome, report: report).count }),
            ("regions PNG 1600×900", { try renderer.chart(.regions, outcome: outcome, report: report).count }),
            ("targets SVG", { try renderer.chart(.targets, outcome: outcome, report: report,
                                                 options: ChartOptions(format: .svg)).count }),
            ("briefing PDF", { try renderer.briefing(report, options: PDFOptions(date: Date(timeIntervalSince1970: 0))).count }),
        ]
        print("\(input.displayName), \(iterations) iterations each")
        print("artefact".padding(toLength: 24, withPad: " ", startingAt: 0) + "  median ms     p95 ms      bytes")
        for (name, body) in cases {
            let size = try body()
            var times: [Double] = []
            for _ in 0..<iterations {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            times.sort()
            let median = times[times.count / 2]
            let p95 = times[min(times.count - 1, Int((Double(times.count) * 0.95).rounded(.up)) - 1)]
            print(name.padding(toLength: 24, withPad: " ", startingAt: 0)
                  + String(format: "  %9.2f  %9.2f  %9d", median, p95, size))
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print(String(format: "peak RSS %.1f MiB", Double(usage.ru_maxrss) / 1024))
    }
}
