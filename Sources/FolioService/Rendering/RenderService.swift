import FolioFiles
import FolioLanguage
import FolioLayout
import FolioModel
import FolioRender
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging

/// What the routes share: configuration, styles, the render pool, the cache and the metrics.
public final class RenderService: Sendable {
    public let configuration: ServiceConfiguration
    public let styles: StyleCatalog
    /// The catalogues of Folio's words, read once: `?lang=` picks an edition from them.
    public let catalogues: CatalogueLibrary
    /// For styles that add their own catalogues (`catalogues:` in the sheet): the bundled ones with theirs over them.
    let styleCatalogues: [String: CatalogueLibrary]
    public let pool: RenderPool
    public let cache: ResponseCache
    public let metrics: ServiceMetrics
    public let logger: Logger
    /// The project this server builds and publishes (`--project`), if any.
    public let rebuilds: ProjectRebuilds?
    /// Part of every ETag: the build's engine version and the style sheets' digest.
    public let engineVersion: String

    /// Bumped (in `Renderer.engineRelease`) when a change to drawing changes output for the same input.
    public static var engineRelease: String { Renderer.engineRelease }

    public init(configuration: ServiceConfiguration, logger: Logger, styles: StyleCatalog? = nil,
                catalogues: CatalogueLibrary? = nil, metrics: ServiceMetrics = ServiceMetrics(),
                makeRenderer: @escaping @Sendable () throws -> Renderer = { try Renderer() }) {
        var configuration = configuration
        // An invalid SOURCE_DATE_EPOCH is refused by `ServiceConfiguration.validate()` before a server starts.
        configuration.fixedDocumentDate = configuration.fixedDocumentDate ?? (try? DocumentDate.epoch())
        self.configuration = configuration
        self.logger = logger
        self.metrics = metrics
        let styles = styles ?? StyleCatalog.load(directory: configuration.stylesDirectory ?? StyleLibrary.bundledDirectory(),
                                                 logger: logger)
        self.styles = styles
        let catalogues = catalogues ?? Self.bundledCatalogues(logger: logger)
        self.catalogues = catalogues
        let styleCatalogues = Self.styleCatalogues(styles, over: catalogues, logger: logger)
        self.styleCatalogues = styleCatalogues
        let words = catalogues.contentDigestInput + styleCatalogues.keys.sorted().flatMap { styleCatalogues[$0]!.contentDigestInput }
        engineVersion = Self.engineRelease + "+styles." + styles.digest.prefix(16) + "+words." + SHA256.hex(words).prefix(16)
        cache = ResponseCache(capacity: configuration.cacheBytes)
        rebuilds = configuration.project.map {
            ProjectRebuilds(directory: $0, schedule: configuration.rebuildSchedule, metrics: metrics, logger: logger)
        }
        pool = RenderPool(workers: configuration.workers, queueLimit: configuration.queueLength, metrics: metrics,
                          logger: logger, makeRenderer: makeRenderer)
    }

    /// The date written into a PDF, by `DocumentDate`'s rule: the request's, else the configured one
    /// (SOURCE_DATE_EPOCH unless set otherwise), else today (UTC midnight).
    func documentDate(requested: Date?) -> Date {
        DocumentDate(explicit: requested, epoch: configuration.fixedDocumentDate).resolved { DocumentDate.utcDay(of: Date()) }
    }

    // MARK: Rendering a request

    /// A render that succeeded: its bytes and how to send them.
    struct Rendered: Sendable {
        var bytes: [UInt8]
        var contentType: String
        var fileName: String
    }

    /// The common path of every render route:
    /// fingerprint → `If-None-Match` (304) → cache → worker thread (check the data, draw) → cache → 200.
    ///
    /// - Parameters:
    ///   - parameters: every parameter that changes the output, defaults filled in; with the route,
    ///     the body and the engine version they make the ETag.
    ///   - draw: runs on a render thread with the validated report.
    func render(_ request: Request, route: String, parameters: [String: String], language: String?, upload: UploadedReport,
                kind: RenderKind, contentType: String, fileName: String,
                draw: @escaping @Sendable (Renderer, ReportEdition, [UInt8]) throws -> [UInt8]) async throws -> Response {
        let catalogues = parameters["style"].flatMap { styleCatalogues[$0] } ?? self.catalogues
        try checkLanguage(language, in: catalogues)
        var parameters = parameters
        parameters["lang"] = language ?? ""
        let key = ResponseCache.key(engine: engineVersion, route: route, parameters: parameters, format: upload.format,
                                    body: upload.bytes)
        let etag = "\"\(key)\""
        if Self.ifNoneMatch(request.headers[values: .ifNoneMatch], matches: etag) {
            metrics.notModified.increment()
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        // `Cache-Control: no-store` (the front page sends it): the output is neither looked up nor
        // kept, so nothing made from the request outlives it on the server.
        let store = cache.isEnabled && !Self.noStore(request.headers[values: .cacheControl])
        if store, let hit = cache.get(key) {
            metrics.cacheHits.increment()
            return Self.ok(body: hit.body, contentType: hit.contentType, fileName: hit.fileName, etag: etag, cache: "hit")
        }
        if store { metrics.cacheMisses.increment() }
        let maxBytes = configuration.maxBodyBytes
        let bytes = try await runOnPool(kind) { renderer in
            let report = try Self.validatedReport(upload, maxBytes: maxBytes)
            let made: ReportEdition
            do {
                made = try ReportEdition.make(report, language: language, catalogues: catalogues)
            } catch let failure as ReportEdition.Failure {
                throw ProblemDetails.badParameter(failure.description)
            }
            return try draw(renderer, made, upload.bytes)
        }
        let buffer = ByteBuffer(bytes: bytes)
        if store {
            cache.put(key, ResponseCache.Entry(body: buffer, contentType: contentType, fileName: fileName))
            metrics.cacheBytes.set(cache.byteCount)
        }
        return Self.ok(body: buffer, contentType: contentType, fileName: fileName, etag: etag, cache: store ? "miss" : "off")
    }

    /// Whether a `Cache-Control` request header says `no-store`.
    static func noStore(_ values: [String]) -> Bool {
        values.contains { value in
            value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "no-store" }
        }
    }

    /// Most files one archive response (chart set, country briefings, deck) may hold: with the render
    /// time limit it bounds what one request can make a worker do and hold in memory.
    static let maximumArchiveFiles = 1000

    /// For jobs that make many files: throws past the request's render time (the pool has answered
    /// 503 by then, and this stops the worker instead of letting it finish unseen work) or when the
    /// archive would exceed `maximumArchiveFiles`.
    struct ArchiveGuard: Sendable {
        let deadline: ContinuousClock.Instant
        let timeout: Duration

        func check(fileCount: Int, what: String) throws {
            guard fileCount <= RenderService.maximumArchiveFiles else {
                throw ProblemDetails(.unprocessableContent, "too-many-files",
                                     "the \(what) would hold \(fileCount) files, more than the limit of \(RenderService.maximumArchiveFiles)")
            }
            guard ContinuousClock.now < deadline else { throw ProblemDetails.timedOut(after: timeout) }
        }
    }

    func archiveGuard() -> ArchiveGuard {
        ArchiveGuard(deadline: .now + configuration.renderTimeout, timeout: configuration.renderTimeout)
    }

    /// Runs `work` on a render thread, turning pool and render failures into problems.
    func runOnPool<T: Sendable>(_ kind: RenderKind, _ work: @escaping @Sendable (Renderer) throws -> T) async throws -> T {
        do {
            return try await pool.run(kind.rawValue, timeout: configuration.renderTimeout, work)
        } catch let failure as RenderPool.Failure {
            switch failure {
            case .saturated(let retryAfter):
                metrics.rejected.increment()
                throw ProblemDetails.saturated(retryAfter: retryAfter)
            case .timedOut:
                throw ProblemDetails.timedOut(after: configuration.renderTimeout)
            case .stopped:
                throw ProblemDetails.shuttingDown
            case .unavailable(let reason):
                throw ProblemDetails(.serviceUnavailable, "no-renderer", "no render worker is available: \(reason)",
                                     headers: [.retryAfter: "10"])
            }
        } catch let error as RenderError {
            switch error {
            case .imageTooLarge:
                throw ProblemDetails.badParameter(error.description)
            case .tooManyPages(_, let limit):
                throw ProblemDetails(.unprocessableContent, "too-many-pages",
                                     "the briefing runs past the limit of \(limit) pages")
            case .cairo, .fonts, .output:
                logger.error("render failed", metadata: ["error": "\(error)"])
                throw ProblemDetails.internalError(error.description)
            }
        }
    }

    /// Checks the body; a report with errors becomes a 400 (syntax) or 422 (validation) problem.
    static func validatedReport(_ upload: UploadedReport, maxBytes: Int) throws -> Report {
        let result = check(upload, maxBytes: maxBytes)
        guard let report = result.report else { throw ProblemDetails.data(result) }
        return report
    }

    static func check(_ upload: UploadedReport, maxBytes: Int) -> CheckResult {
        if upload.format == .xlsx {
            // A body has no name to stand for a missing report sheet's title.
            return ReportLoader.checkWorkbook(data: Data(upload.bytes), fileName: "body.xlsx", defaultTitle: "Report",
                                              options: LoadOptions(maxBytes: maxBytes))
        }
        guard upload.format == .csv else {
            return ReportLoader.check(data: Data(upload.bytes), fileName: "body." + upload.format.rawValue,
                                      format: upload.format, options: LoadOptions(maxBytes: maxBytes))
        }
        switch CSVEnvelope.unpack(upload.bytes) {
        case .files(let files, let folder):
            return ReportLoader.checkCSV(files: files, defaultTitle: folder, options: LoadOptions(maxBytes: maxBytes))
        case .unusable(let diagnostic):
            return CheckResult(report: nil, diagnostics: [diagnostic], isUnreadable: true)
        }
    }

    static func ok(body: ByteBuffer, contentType: String, fileName: String, etag: String, cache: String) -> Response {
        Response(status: .ok,
                 headers: [.contentType: contentType, .eTag: etag, .contentLength: String(body.readableBytes),
                           .contentDisposition: "inline; filename=\"\(fileName)\"", .folioCache: cache,
                           .cacheControl: "no-cache"],
                 body: .init(byteBuffer: body))
    }

    /// `If-None-Match` uses the weak comparison (RFC 9110 13.1.2): `W/` prefixes are ignored.
    /// A POST that would produce the representation the client holds is answered 304.
    static func ifNoneMatch(_ values: [String], matches etag: String) -> Bool {
        for value in values {
            for candidate in value.split(separator: ",") {
                var tag = candidate.trimmingCharacters(in: .whitespaces)
                if tag.hasPrefix("W/") { tag.removeFirst(2) }
                if tag == etag { return true }
            }
        }
        return false
    }

    /// Letters, digits and `-` only: a name safe in Content-Disposition.
    static func safeFileName(_ text: String) -> String {
        let safe = SafeFileName.make(text)
        return safe.isEmpty ? "output" : safe
    }
}

extension HTTPField.Name {
    static let folioCache = HTTPField.Name("X-Folio-Cache")!
}
