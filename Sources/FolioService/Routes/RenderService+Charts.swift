import FolioLanguage
import FolioLayout
import FolioModel
import FolioRender
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `POST /v1/charts/{targets|regions|progress|map|overview}?outcome=ID&format=png|svg|pdf&width=&height=&scale=&style=&part=N&indicator=ID`.
///
/// `outcome` picks the outcome of a targets, regions, progress or map chart (default: the first);
/// `indicator` the indicator a map shows (default: all of the outcome's); `part` the part
/// of the overview (default 1; the overview is cut into as many parts as the size needs). Width and
/// height default to the style's chart size; `scale` multiplies a PNG's pixels.
extension RenderService {
    static let chartParameters: Set<String> = ["outcome", "format", "width", "height", "scale", "style", "part", "date", "lang", "indicator"]
    static let chartKinds = ["targets", "regions", "progress", "map", "overview"]

    func chart(_ request: Request, kindName: String?) async throws -> Response {
        guard let kindName, let kind = ChartSpec.Kind(rawValue: kindName) else {
            throw ProblemDetails.notFound("unknown-chart", "no chart \"\((kindName ?? "").prefix(40))\"; the charts are "
                                          + Self.chartKinds.joined(separator: ", "))
        }
        let query = try QueryParameters(request.uri, allowed: Self.chartParameters)
        let style = try styles.style(named: query["style"] ?? "default")
        let formatName = query["format"] ?? "png"
        guard let format = OutputFormat(rawValue: formatName) else {
            throw ProblemDetails.badParameter("format must be png, svg or pdf, found \"\(formatName.prefix(40))\"")
        }
        let width = try query.integer("width", in: 16...Renderer.maximumSide) ?? Int(style.style.chartWidth)
        let height = try query.integer("height", in: 16...Renderer.maximumSide) ?? Int(style.style.chartHeight)
        let scale = format == .png ? try query.number("scale", above: 0, atMost: 8) ?? 1 : 1
        if format != .png, query["scale"] != nil {
            _ = try query.number("scale", above: 0, atMost: 8)  // still checked, though vectors ignore it
        }
        let options = ChartOptions(format: format, width: Double(width), height: Double(height), scale: scale,
                                   compression: configuration.pngCompression)
        if format == .png {
            let pixels = options.pixelSize
            let (count, overflow) = pixels.width.multipliedReportingOverflow(by: pixels.height)
            if overflow || count > configuration.maxPixels || pixels.width > Renderer.maximumSide || pixels.height > Renderer.maximumSide {
                throw ProblemDetails.tooManyPixels("width \(width) × height \(height) at scale \(scale) is \(pixels.width)×\(pixels.height) "
                    + "pixels, more than the limit of \(Self.megapixels(configuration.maxPixels)) megapixels "
                    + "(and \(Renderer.maximumSide) pixels a side)")
            }
        }
        let outcomeID: String?
        let part: Int
        switch kind {
        case .targets, .regions, .progress, .map:
            if query["part"] != nil { throw ProblemDetails.conflictingParameters("part applies to the overview chart only") }
            outcomeID = query["outcome"]
            part = 1
        case .overview:
            if query["outcome"] != nil {
                throw ProblemDetails.conflictingParameters("the overview charts every outcome; it takes no outcome parameter")
            }
            outcomeID = nil
            part = try query.integer("part", in: 1...10_000) ?? 1
        }
        let indicatorID = query["indicator"]
        if indicatorID != nil, kind != .map {
            throw ProblemDetails.conflictingParameters("indicator applies to the map chart only")
        }
        let requestedDate = try query.date("date")
        let upload = try await UploadedReport.read(request, limit: configuration.maxBodyBytes)
        let date = documentDate(requested: requestedDate)
        var parameters = ["kind": kind.rawValue, "style": style.name, "format": format.rawValue, "width": String(width),
                          "height": String(height), "scale": String(scale), "outcome": outcomeID ?? "", "part": String(part)]
        if let indicatorID { parameters["indicator"] = indicatorID }
        if format == .pdf { parameters["date"] = String(date.timeIntervalSince1970) }
        if format == .png { parameters["compression"] = configuration.pngCompression.rawValue }
        let base = kind == .overview ? "overview-\(part)" : "\(kind.rawValue)" + (outcomeID.map { "-\($0)" } ?? "")
        let renderKind: RenderKind = format == .png ? .chartPNG : format == .svg ? .chartSVG : .chartPDF
        return try await render(request, route: "/v1/charts/\(kind.rawValue)", parameters: parameters, language: query["lang"], upload: upload,
                                kind: renderKind, contentType: Self.mediaType(format),
                                fileName: Self.safeFileName("chart-" + base) + "." + format.rawValue) { renderer, made, _ in
            let report = made.report, edition = made.edition
            let pdfOptions = PDFOptions(date: date, creator: "Folio")
            switch kind {
            case .targets, .regions, .progress, .map:
                let outcome: Outcome
                if let outcomeID {
                    guard let found = report.outcome(id: outcomeID) else {
                        throw ProblemDetails.notFound("unknown-outcome", "the report has no outcome \"\(outcomeID.prefix(40))\"; its outcomes are "
                            + report.outcomes.map { "\"\($0.id)\"" }.joined(separator: ", "))
                    }
                    outcome = found
                } else {
                    outcome = report.outcomes[0]
                }
                if let indicatorID, !outcome.indicators.contains(where: { $0.id == indicatorID }) {
                    throw ProblemDetails.notFound("unknown-indicator", "outcome \"\(outcome.id.prefix(40))\" has no indicator \"\(indicatorID.prefix(40))\"; its indicators are "
                        + outcome.indicators.map { "\"\($0.id)\"" }.joined(separator: ", "))
                }
                return try renderer.chart(ChartKind(rawValue: kind.rawValue)!, outcome: outcome, report: report,
                                          style: style.style, options: options, pdfOptions: pdfOptions, edition: edition,
                                          map: MapOptions(indicator: indicatorID))
            case .overview:
                let overviews = ReportCharts.all(in: report, size: Size(width: Double(width), height: Double(height)),
                                                 style: style.style, measurer: renderer.measurer, edition: edition).filter { $0.kind == .overview }
                guard !overviews.isEmpty else {
                    throw ProblemDetails.notFound("no-overview", "the report has no indicators, so no overview chart")
                }
                guard part <= overviews.count else {
                    throw ProblemDetails.notFound("unknown-part", "the overview at \(width)×\(height) has \(overviews.count) "
                        + "part\(overviews.count == 1 ? "" : "s"); there is no part \(part)")
                }
                return try renderer.chart(overviews[part - 1], report: report, style: style.style, options: options,
                                          pdfOptions: pdfOptions, edition: edition)
            }
        }
    }

    static func mediaType(_ format: OutputFormat) -> String {
        switch format {
        case .png: return "image/png"
        case .svg: return "image/svg+xml"
        case .pdf: return "application/pdf"
        }
    }

    static func megapixels(_ pixels: Int) -> String {
        pixels % 1_000_000 == 0 ? String(pixels / 1_000_000) : String(format: "%.1f", Double(pixels) / 1e6)
    }
}
