import FolioLayout
import FolioModel
import FolioRender
import Foundation

/// Renders one PDF per country on all cores (see `ParallelRenders`).
struct CountryBriefings {
    var report: Report
    var countries: [String]
    var style: Style = .standard
    var options: PDFOptions
    var context: BriefingLayout.Context
    var jobs: Int

    /// Renders every country; writes each PDF into `folder`, or nothing when it is nil (benchmarks).
    func run(into folder: URL?) throws {
        let names = SafeFileName.unique(countries)
        let progress = folder.map { _ in ProgressReport(total: countries.count, noun: "briefing") }
        try ParallelRenders.run(count: countries.count, jobs: jobs) { renderer, index in
            let bytes = try renderer.countryBriefing(countries[index], report: report, style: style, options: options,
                                                     context: context)
            guard let folder, let progress else { return }
            let file = folder.appendingPathComponent(names[index] + ".pdf")
            try AtomicFile.write(bytes, to: file)
            progress.finished(file: file, bytes: bytes.count)
        }
        progress?.done()
    }
}
