import FolioModel
import FolioRender
import Foundation

/// Everything `folio serve` can be told: where to listen, how many render threads, the bearer
/// token, and the limits that keep one request from taking the server down.
public struct ServiceConfiguration: Sendable {
    /// Address to bind. Loopback by default: exposing the service is a deliberate choice.
    public var host: String = "127.0.0.1"
    /// TCP port; 0 picks a free one (tests).
    public var port: Int = 8080
    /// Render threads, each with its own `Renderer` (Pango font maps are per thread).
    public var workers: Int = ProcessInfo.processInfo.activeProcessorCount
    /// When set, every `/v1/` request needs `Authorization: Bearer <token>`.
    public var token: String?
    /// Largest request body, in bytes.
    public var maxBodyBytes: Int = 4 << 20
    /// Largest raster image, in pixels (width × height after scale).
    public var maxPixels: Int = 40_000_000
    /// Longest briefing, in pages.
    public var maxPages: Int = 2000
    /// How long a request may wait for its render (queue time included); past it the render is
    /// abandoned and the request answered 503.
    public var renderTimeout: Duration = .seconds(20)
    /// Renders that may wait for a free worker; one more is answered 503 with Retry-After.
    public var queueLength: Int = 64
    /// Response cache size in bytes; 0 turns the cache off.
    public var cacheBytes: Int = 64 << 20
    /// Folder of the named style sheets (default: the bundled `Styles/`).
    public var stylesDirectory: URL?
    /// Close connections idle for this long.
    public var idleTimeout: Duration = .seconds(60)
    /// Longest time from a request's head to the end of its body; past it the request is answered
    /// 408 and the connection closed (a body trickled a byte at a time cannot hold a connection).
    public var requestReadTimeout: Duration = .seconds(60)
    /// After a response that closes the connection before the request body has all arrived (413,
    /// or an error answered before the body was read), the rest is read and discarded, up to this
    /// many bytes and `drainTimeout`, so that clients that send the whole body before reading the
    /// answer (Python's urllib and requests) receive it instead of a reset connection.
    public var drainBytes: Int = 64 << 20
    /// See `drainBytes`.
    public var drainTimeout: Duration = .seconds(10)
    /// The date stamped into PDFs when a request gives none; nil means the current UTC day at
    /// midnight (so identical requests on one day give byte-identical files on every replica).
    public var fixedDocumentDate: Date?
    /// PNG compression of chart responses: `.fast` by default, because on this route the compressor
    /// is most of the CPU (see `PNGEncoder.Compression`); `.small` gives the CLI's smaller files.
    public var pngCompression: PNGEncoder.Compression = .fast
    /// A project folder (with folio.yaml) to build at start, on `rebuildSchedule` and on
    /// `POST /v1/rebuild`, its outputs served under `/v1/outputs/`.
    public var project: URL?
    /// When to rebuild `project` by itself; nil: at start and on request only.
    public var rebuildSchedule: RebuildSchedule?

    public init() {}

    /// Checks ranges, and SOURCE_DATE_EPOCH in `environment`; the message names what a user would fix.
    public func validate(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func fail(_ message: String) throws -> Never { throw ConfigurationError(message: message) }
        if !(0...65_535).contains(port) { try fail("--port must be between 0 and 65535, found \(port)") }
        if !(1...256).contains(workers) { try fail("--workers must be between 1 and 256, found \(workers)") }
        if host.isEmpty { try fail("--host must not be empty") }
        if let token, token.isEmpty { try fail("the token file is empty") }
        if maxBodyBytes < 1024 || maxBodyBytes > 1 << 30 { try fail("--max-body-mib must be between 1 and 1024") }
        if maxPixels < 1 || maxPixels > Renderer.maximumPixels {
            try fail("--max-megapixels must be between 1 and \(Renderer.maximumPixels / 1_000_000)")
        }
        if maxPages < 1 { try fail("--max-pages must be at least 1") }
        if renderTimeout <= .zero { try fail("--render-timeout must be more than 0 seconds") }
        if requestReadTimeout <= .zero { try fail("--request-read-timeout must be more than 0 seconds") }
        if drainBytes < 0 || drainTimeout < .zero { try fail("the drain limits must be 0 or more") }
        if queueLength < 0 || queueLength > 100_000 { try fail("--queue must be between 0 and 100000") }
        if cacheBytes < 0 { try fail("--cache-mib must be 0 or more") }
        if rebuildSchedule != nil && project == nil { try fail("--every and --cron need --project DIR") }
        do { _ = try DocumentDate.epoch(in: environment) } catch { try fail(error.description) }
        if let project {
            let file = project.appendingPathComponent("folio.yaml").path
            switch FileAccess.problem(readingFile: file) {
            case nil: break
            case "does not exist"?: try fail("--project \(project.path) has no folio.yaml (folio init writes one)")
            case let problem?: try fail("--project \(project.path): \(file) \(problem)")
            }
        }
    }
}

/// A configuration value out of range.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
