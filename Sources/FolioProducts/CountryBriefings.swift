import FolioLanguage
import FolioFiles
import FolioLayout
import FolioModel
import FolioRender
import Foundation

/// One short briefing PDF per country, rendered on all cores (see `ParallelRenders`).
///
/// Shared by `folio render --per-country`, the build and the service's ZIP of country briefings.
public struct CountryBriefings: Sendable {
    public var report: Report
    public var countries: [String]
    public var style: Style
    public var options: PDFOptions
    public var context: BriefingLayout.Context
    public var edition: Edition

    public init(report: Report, countries: [String], style: Style = .standard, options: PDFOptions = PDFOptions(),
                context: BriefingLayout.Context = BriefingLayout.Context(), edition: Edition = .english) {
        self.report = report; self.countries = countries; self.style = style; self.options = options; self.context = context
        self.edition = edition
    }

    /// File names, one per country and unique within the set: `Côte d'Ivoire` → a safe stem + ".pdf".
    public var fileNames: [String] { SafeFileName.unique(countries).map { $0 + ".pdf" } }

    /// Renders every country on up to `jobs` threads, handing each PDF to `each` (on a worker
    /// thread) with its index into `countries`.
    public func render(jobs: Int, each: @escaping @Sendable (Int, [UInt8]) throws -> Void) throws {
        try ParallelRenders.run(count: countries.count, jobs: jobs) { renderer, index in
            let bytes = try renderer.countryBriefing(countries[index], report: report, style: style, options: options,
                                                     context: context, edition: edition)
            try each(index, bytes)
        }
    }

    /// Renders every country in order with `renderer`, on the calling thread: for a caller that
    /// already owns a render thread (the service's pool) and must not start more.
    public func render(renderer: Renderer, each: (Int, [UInt8]) throws -> Void) throws {
        for index in countries.indices {
            try renderer.cancellation?.check()
            try each(index, try renderer.countryBriefing(countries[index], report: report, style: style, options: options,
                                                          context: context, edition: edition))
        }
    }
}
