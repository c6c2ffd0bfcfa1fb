import ArgumentParser
import FolioLanguage
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct BenchCommand: FolioCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time rendering in-process and report median, p95 and peak memory.",
        discussion: "Each artefact is rendered --iterations times after one warm-up; nothing is written. "
            + "Give a data file, or --synthetic N for a made-up report of N outcomes × 4 indicators."
    )

    @Argument(help: "Data file (.yaml, .yml or .json).")
    var data: String?

    @Option(help: "Benchmark a synthetic report of this many outcomes instead of a data file.")
    var synthetic: Int?

    @OptionGroup var styleOptions: StyleOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Option(help: "Renders per artefact.")
    var iterations: Int = 30

    @Option(help: "Only the artefacts and phases whose name contains this text.")
    var only: String?

    func validate() throws {
        guard (1...100_000).contains(iterations) else { throw ValidationError("--iterations must be between 1 and 100000") }
        guard (data == nil) != (synthetic == nil) else { throw ValidationError("give a data file or --synthetic N, not both") }
        if let synthetic, !(1...10_000).contains(synthetic) { throw ValidationError("--synthetic must be between 1 and 10000") }
    }

    func execute() throws {
        var report: Report
        var cases: [(String, () throws -> Int)] = []
        // Start-up: the shared caches a drawing command makes on a second thread (`StartupWarmUp`;
        // bench makes them here, timed), then a renderer: the first makes its font map and fonts, as
        // does another.
        func milliseconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 }
        let prepared = DispatchTime.now().uptimeNanoseconds
        StartupWarmUp.prepare()
        let caches = milliseconds(since: prepared)
        let started = DispatchTime.now().uptimeNanoseconds
        let renderer = try Renderer()
        let first = milliseconds(since: started)
        let again = DispatchTime.now().uptimeNanoseconds
        _ = try Renderer()
        print(String(format: "start-up: shared caches %.2f ms (on a second thread in drawing commands), first renderer %.2f ms, another %.2f ms",
                     caches, first, milliseconds(since: again)))
        let style = try styleOptions.load(fonts: renderer.fonts)
        if let data {
            let input = try InputOptions.parse([data])
            let source = try input.readSource()
            report = try input.load().report!
            cases.append(("check data file", { source.check().diagnostics.count }))
            print("\(input.displayName), \(iterations) iterations each")
        } else {
            report = SyntheticReport.make(outcomes: synthetic ?? 30)
            let json = Data(ReportJSONWriter.json(report).utf8)
            cases.append(("check data file", {
                ReportLoader.check(data: json, fileName: "synthetic.json", format: .json).diagnostics.count
            }))
            print("synthetic report, \(report.outcomes.count) outcomes, \(iterations) iterations each")
        }
        let made = try languageOptions.edition(of: report, style: style)
        report = made.report
        let edition = made.edition
        let outcome = report.outcomes[0]
        let fixedDate = PDFOptions(date: Date(timeIntervalSince1970: 0))
        let targets = try renderer.chart(.targets, outcome: outcome, report: report, style: style, edition: edition)
        guard let pixels = RasterImage(png: targets) else { throw Failure.software("the targets chart does not decode") }
        cases += [
            ("targets PNG 1600×900", { try renderer.chart(.targets, outcome: outcome, report: report, style: style, edition: edition).count }),
            // The compression phase alone, on the same pixels.
            ("  PNG encode, small", { Self.encode(pixels, .small) }),
            ("  PNG encode, fast", { Self.encode(pixels, .fast) }),
            ("regions PNG 1600×900", { try renderer.chart(.regions, outcome: outcome, report: report, style: style, edition: edition).count }),
            ("targets SVG", { try renderer.chart(.targets, outcome: outcome, report: report, style: style,
                                                  options: ChartOptions(format: .svg)).count }),
        ]
        // Data tracked over time: its progress chart too.
        if let tracked = report.outcomes.first(where: { ChartKind.kinds(for: $0).contains(.progress) }) {
            cases.append(("progress PNG 1600×900", {
                try renderer.chart(.progress, outcome: tracked, report: report, style: style, edition: edition).count
            }))
        }
        let paragraphs = report.outcomes.flatMap { $0.narrative.flatMap(\.paragraphs) }
        let bodyFont = style.font
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let laidOut = try BriefingLayout(style: style, measurer: renderer.measurer, edition: edition).document(for: report)
        cases += [
            // Breaking the narrative into lines: shaping, on a measurer with nothing cached.
            ("shaping: narrative", {
                let measurer = PangoTextMeasurer(fonts: renderer.fonts)
                return paragraphs.reduce(0) { $0 + measurer.lines(of: $1, font: bodyFont, width: style.contentWidth).count }
            }),
            ("briefing layout only", {
                try BriefingLayout(style: style, measurer: renderer.measurer, edition: edition).document(for: report).pages.count
            }),
            // The same layout without Pango: what the layout logic itself costs.
            ("layout, fixed measurer", {
                try BriefingLayout(style: style, measurer: FixedAdvanceMeasurer(), edition: edition).document(for: report).pages.count
            }),
            // Drawing and writing a laid-out briefing, the text shaped again.
            ("painting: PDF of layout", { try renderer.pdf(laidOut, options: fixedDate).count }),
            ("briefing PDF", {
                renderer.layoutThreads = 1
                return try renderer.briefing(report, style: style, options: fixedDate, edition: edition).count
            }),
            // A renderer whose measurer has broken no text yet (text set again is not broken again):
            // what a first render costs, where the one above measures renders of the same report again.
            ("briefing PDF, new text", {
                try Renderer(fonts: renderer.fonts).briefing(report, style: style, options: fixedDate, edition: edition).count
            }),
            ("briefing PDF, \(threads) threads", {
                renderer.layoutThreads = threads
                defer { renderer.layoutThreads = 1 }
                return try renderer.briefing(report, style: style, options: fixedDate, edition: edition).count
            }),
        ]
        let countries = BriefingLayout.countries(in: report)
        if let first = countries.first {
            cases.append(("one country briefing", { try renderer.countryBriefing(first, report: report, style: style, options: fixedDate, edition: edition).count }))
        }
        print("artefact".padding(toLength: 24, withPad: " ", startingAt: 0) + "  median ms     p95 ms      bytes")
        for (name, body) in cases where only.map({ name.contains($0) }) ?? true {
            try measure(name, body)
        }
        if only.map({ "all country briefings".contains($0) }) ?? true {
            try measureAllCountries(countries, report: report, edition: edition)
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print(String(format: "peak RSS %.1f MiB", Double(usage.ru_maxrss) / 1024))
    }

    static func encode(_ image: RasterImage, _ compression: PNGEncoder.Compression) -> Int {
        image.pixels.withUnsafeBytes {
            PNGEncoder(compression: compression).encode(argb: $0, width: image.width, height: image.height, stride: image.width * 4).count
        }
    }

    func measure(_ name: String, _ body: () throws -> Int) throws {
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
        print(name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "  %9.2f  %9.2f  %9d", median, p95, size))
    }

    /// Every country's briefing, on all cores, once (as `render --per-country` does, without writing).
    func measureAllCountries(_ countries: [String], report: Report, edition: Edition) throws {
        guard !countries.isEmpty else { return }
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let start = DispatchTime.now().uptimeNanoseconds
        try CountryBriefings(report: report, countries: countries, options: PDFOptions(), context: BriefingLayout.Context(), edition: edition)
            .run(into: nil, jobs: workers)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "all %d country briefings on %d cores: %.2f s", countries.count, workers, seconds))
    }
}
