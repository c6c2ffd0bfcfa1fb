import FolioLanguage
import FolioFiles
import FolioLayout
import FolioModel
import FolioRender
import Foundation
import FolioConcurrency

/// Every chart of a report as files for slides: which files, what each is called, and the
/// `charts.json` manifest that lists them.
///
/// The CLI (`folio charts`), the build (`folio build`) and the service's chart-set ZIP all use this
/// one plan, so the same report gives the same file names and the same manifest everywhere.
public struct ChartSet: Sendable {
    /// One file to write: a chart in one format at one scale.
    public struct File: Sendable {
        public var spec: ChartSpec
        public var format: OutputFormat
        public var scale: Double
        /// File name, unique within the set: `outcome-4.1-targets@2x.png`, `overview-1.svg`.
        public var name: String
    }

    public var reportTitle: String
    public var styleName: String
    /// Chart size in style units (points for PDF, CSS pixels for SVG, pixels at scale 1 for PNG).
    public var size: Size
    public var files: [File]
    /// How PNG files are compressed: `.small` for files that are kept (the default), `.fast` where
    /// encoding time matters more than bytes (see `PNGEncoder.Compression`).
    public var compression: PNGEncoder.Compression = .small
    /// The language of the charts' words and numbers.
    public var edition: Edition

    /// Plans the files: per outcome its targets and regions charts (and progress, see
    /// `ChartKind.kinds(for:)`), then the overview parts; each in
    /// every format, and PNGs at every scale (vector formats once).
    public init(report: Report, style: Style, measurer: TextMeasurer, formats: [OutputFormat], scales: [Double],
                edition: Edition = .english) {
        reportTitle = report.title
        styleName = style.name
        self.edition = edition
        size = Size(width: style.chartWidth, height: style.chartHeight)
        let specs = ReportCharts.all(in: report, size: size, style: style, measurer: measurer, edition: edition)
        let stems = SafeFileName.unique(specs.map { spec in
            spec.outcome.map { "outcome-\($0.id)-\(spec.kind.rawValue)" } ?? "overview-\(spec.part ?? 1)"
        })
        var files: [File] = []
        for (spec, stem) in zip(specs, stems) {
            for format in formats {
                for scale in format == .png ? scales : [1] {
                    let suffix = scale == 1 ? "" : "@" + NumberText.tick(scale) + "x"
                    files.append(File(spec: spec, format: format, scale: scale, name: stem + suffix + "." + format.rawValue))
                }
            }
        }
        self.files = files
    }

    /// The drawing options of one file.
    public func options(for file: File) -> ChartOptions {
        ChartOptions(format: file.format, width: size.width, height: size.height, scale: file.scale, compression: compression)
    }

    /// Renders one file; returns its bytes and its manifest entry.
    public func render(_ file: File, renderer: Renderer, report: Report, style: Style,
                       pdfOptions: PDFOptions = PDFOptions()) throws -> (bytes: [UInt8], entry: ManifestEntry) {
        let options = options(for: file)
        let bytes = try renderer.chart(file.spec, report: report, style: style, options: options, pdfOptions: pdfOptions,
                                       edition: edition)
        let pixels = options.pixelSize
        let entry = ManifestEntry(
            file: file.name, kind: file.spec.kind.rawValue, outcome: file.spec.outcome?.id, title: file.spec.title,
            alt: file.spec.alternativeText, format: file.format.rawValue, scale: file.scale,
            width: file.format == .png ? pixels.width : Int(size.width),
            height: file.format == .png ? pixels.height : Int(size.height), sha256: SHA256.hex(bytes))
        return (bytes, entry)
    }

    /// One line of `charts.json`.
    public struct ManifestEntry: Codable, Sendable, Equatable {
        public var file: String
        public var kind: String
        public var outcome: String?
        public var title: String
        public var alt: String
        public var format: String
        public var scale: Double
        public var width: Int
        public var height: Int
        public var sha256: String

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(kind, forKey: .kind)
            // Always present, null for the overview: readers index by key without checking.
            try container.encode(outcome, forKey: .outcome)
            try container.encode(title, forKey: .title)
            try container.encode(alt, forKey: .alt)
            try container.encode(format, forKey: .format)
            try container.encode(scale, forKey: .scale)
            try container.encode(width, forKey: .width)
            try container.encode(height, forKey: .height)
            try container.encode(sha256, forKey: .sha256)
        }
    }

    /// `charts.json`: the report title, the style and the entries in plan order, pretty-printed with
    /// sorted keys so the same set gives the same bytes.
    public func manifest(_ entries: [ManifestEntry]) throws -> [UInt8] {
        struct Manifest: Encodable { var report: String; var style: String; var charts: [ManifestEntry] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(Manifest(report: reportTitle, style: styleName, charts: entries))) + [10]
    }

    /// Renders the whole set on up to `jobs` threads; returns each file's bytes in plan order and
    /// the manifest.
    public func renderAll(report: Report, style: Style, pdfOptions: PDFOptions = PDFOptions(), jobs: Int,
                          each: (@Sendable (File, [UInt8]) throws -> Void)? = nil) throws -> [ManifestEntry] {
        let entries = Guarded([ManifestEntry?](repeating: nil, count: files.count))
        try ParallelRenders.run(count: files.count, jobs: jobs) { renderer, index in
            let (bytes, entry) = try render(files[index], renderer: renderer, report: report, style: style, pdfOptions: pdfOptions)
            try each?(files[index], bytes)
            entries.withLock { $0[index] = entry }
        }
        return entries.withLock { $0.compactMap { $0 } }
    }
}
