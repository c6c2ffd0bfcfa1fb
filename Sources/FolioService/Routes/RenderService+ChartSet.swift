import FolioLanguage
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
import FolioArchive
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The report's charts as a whole: `POST /v1/charts` lists them (JSON, for a page that previews
/// each through `/v1/charts/{kind}`), `POST /v1/chart-set` returns them all as a ZIP with the
/// `charts.json` manifest, the files `folio charts` writes.
///
/// Both use `ChartSet`'s plan, so the list, the ZIP, the CLI and the deck name the same charts in
/// the same order, with the alternative text the server writes (never made up by a client).
extension RenderService {
    static let chartListParameters: Set<String> = ["style", "lang"]
    static let chartSetParameters: Set<String> = ["style", "formats", "scales", "date", "lang"]

    /// One chart of the list: enough to ask `/v1/charts/{kind}` for it and to describe it.
    struct ChartListItem: Encodable {
        var kind: String
        /// Outcome id for targets, regions and progress charts; null for the overview.
        var outcome: String?
        /// Part of the overview (1-based); null for the other kinds.
        var part: Int?
        var title: String
        var alt: String
        /// The file name in the chart set (without scale suffix or extension).
        var name: String

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(part, forKey: .part)
            try container.encode(title, forKey: .title)
            try container.encode(alt, forKey: .alt)
            try container.encode(name, forKey: .name)
        }

        enum CodingKeys: String, CodingKey { case kind, outcome, part, title, alt, name }
    }

    struct ChartList: Encodable {
        var style: String
        var width: Int
        var height: Int
        var charts: [ChartListItem]
    }

    func chartList(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: Self.chartListParameters)
        let style = try styles.style(named: query["style"] ?? "default")
        let upload = try await UploadedReport.read(request, limit: configuration.maxBodyBytes)
        return try await render(request, route: "/v1/charts", parameters: ["style": style.name], language: query["lang"],
                                upload: upload, kind: .chartList, contentType: "application/json",
                                fileName: "charts.json") { renderer, made, _ in
            let set = ChartSet(report: made.report, style: style.style, measurer: renderer.measurer, formats: [.png], scales: [1],
                               edition: made.edition)
            let items = set.files.map { file in
                ChartListItem(kind: file.spec.kind.rawValue, outcome: file.spec.outcome?.id,
                              part: file.spec.kind == .overview ? file.spec.part ?? 1 : nil, title: file.spec.title,
                              alt: file.spec.alternativeText, name: String(file.name.dropLast(".png".count)))
            }
            return JSONOutput.encode(ChartList(style: style.name, width: Int(set.size.width), height: Int(set.size.height),
                                               charts: items))
        }
    }

    func chartSet(_ request: Request) async throws -> Response {
        let query = try QueryParameters(request.uri, allowed: Self.chartSetParameters)
        let style = try styles.style(named: query["style"] ?? "default")
        let formats = try Self.formatList(query["formats"] ?? "png,svg")
        let scales = try Self.scaleList(query["scales"] ?? "1,2")
        if formats.contains(.png) {
            for scale in scales {
                let pixels = ChartOptions(format: .png, width: style.style.chartWidth, height: style.style.chartHeight,
                                          scale: scale).pixelSize
                let (count, overflow) = pixels.width.multipliedReportingOverflow(by: pixels.height)
                if overflow || count > configuration.maxPixels || pixels.width > Renderer.maximumSide
                    || pixels.height > Renderer.maximumSide {
                    throw ProblemDetails.tooManyPixels("scale \(NumberText.tick(scale)) makes \(pixels.width)×\(pixels.height) pixel "
                        + "charts, more than the limit of \(Self.megapixels(configuration.maxPixels)) megapixels")
                }
            }
        }
        let requestedDate = try query.date("date")
        let upload = try await UploadedReport.read(request, limit: configuration.maxBodyBytes)
        let date = documentDate(requested: requestedDate)
        let parameters = ["style": style.name, "formats": formats.map(\.rawValue).joined(separator: ","),
                          "scales": scales.map { NumberText.tick($0) }.joined(separator: ","),
                          "date": String(date.timeIntervalSince1970)]
        let guardrail = archiveGuard()
        return try await render(request, route: "/v1/chart-set", parameters: parameters, language: query["lang"], upload: upload,
                                kind: .chartSet, contentType: "application/zip", fileName: "charts.zip") { renderer, made, _ in
            let report = made.report
            let set = ChartSet(report: report, style: style.style, measurer: renderer.measurer, formats: formats, scales: scales,
                               edition: made.edition)
            let pdfOptions = PDFOptions(date: date, creator: "Folio")
            var entries: [ZipWriter.Entry] = []
            var manifest: [ChartSet.ManifestEntry] = []
            for file in set.files {
                try guardrail.check(fileCount: set.files.count + 1, what: "chart set")
                let (bytes, entry) = try set.render(file, renderer: renderer, report: report, style: style.style,
                                                    pdfOptions: pdfOptions)
                entries.append(ZipWriter.Entry(path: file.name, bytes: bytes, compressed: file.format != .png))
                manifest.append(entry)
            }
            entries.append(ZipWriter.Entry(path: "charts.json", bytes: try set.manifest(manifest), compressed: true))
            return try Self.zip(entries, date: date)
        }
    }

    /// `png,svg` → the formats, each once, in the order given; exactly the names, lower case, as
    /// the OpenAPI document's pattern says.
    static func formatList(_ text: String) throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let format = OutputFormat(rawValue: String(name)) else {
                throw ProblemDetails.badParameter("formats must list png, svg or pdf separated by commas, found \"\(name.prefix(40))\"")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    /// `1,2` → the PNG scales: at most 4 listed, each a decimal number (`1`, `1.5`) more than 0 and
    /// at most 8, each kept once.
    static func scaleList(_ text: String) throws -> [Double] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard items.count <= 4 else { throw ProblemDetails.badParameter("scales lists at most 4 scales, found \(items.count)") }
        var scales: [Double] = []
        for item in items {
            guard isDecimal(item), let scale = Double(item), scale > 0, scale <= 8 else {
                throw ProblemDetails.badParameter("scales must list numbers more than 0 and at most 8, found \"\(item.prefix(40))\"")
            }
            if !scales.contains(scale) { scales.append(scale) }
        }
        return scales
    }

    /// Digits, optionally a point and more digits: `2`, `1.5` (not `1e0`, ` 2` or `.5`).
    static func isDecimal(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    }
}
