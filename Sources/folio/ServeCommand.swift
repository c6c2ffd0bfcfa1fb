import ArgumentParser
import FolioRender
import FolioService
import Foundation

/// `folio serve`: the rendering service over HTTP (see README, "Service").
///
/// An `AsyncParsableCommand`: the server runs in this command's task until SIGTERM or SIGINT,
/// with no thread parked on a semaphore waiting for it.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve briefings, charts and checks over HTTP.",
        discussion: "Binds to 127.0.0.1 unless --host says otherwise. Stops on SIGTERM or SIGINT after the "
            + "requests in flight are answered. Open http://HOST:PORT/ in a browser for the front page (check, preview, "
            + "download). Routes: POST /v1/briefings, /v1/briefings/countries (ZIP), /v1/charts (list), "
            + "/v1/charts/{targets|regions|progress|overview}, /v1/chart-set (ZIP), /v1/slides (PPTX), /v1/check; GET /v1/styles, "
            + "/healthz, /readyz, /metrics, /openapi.yaml; with --project also POST /v1/rebuild (token required), "
            + "GET /v1/outputs and GET /v1/outputs/{path}."
    )

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "TCP port (0: any free port, printed at start).")
    var port: Int = 8080

    @Option(help: "Render threads (default: one per core).")
    var workers: Int?

    @Option(help: "File holding the bearer token that /v1/ requests must send.")
    var tokenFile: String?

    @Option(help: "Largest request body, in MiB.")
    var maxBodyMib: Int = 4

    @Option(help: "Largest image, in megapixels (at most 40).")
    var maxMegapixels: Int = 40

    @Option(help: "Longest briefing, in pages.")
    var maxPages: Int = 2000

    @Option(help: "Seconds a request may wait for its render before it is answered 503.")
    var renderTimeout: Double = 20

    @Option(help: "Seconds from a request's head to the end of its body; a slower request is answered 408.")
    var requestReadTimeout: Double = 60

    @Option(help: "Renders that may wait for a worker; more are answered 503 with Retry-After.")
    var queue: Int = 64

    @Option(help: "Response cache size in MiB (0: no cache).")
    var cacheMib: Int = 64

    @Option(help: ArgumentHelp("A project folder with folio.yaml: built at start, on the schedule and on POST /v1/rebuild; "
            + "its outputs served under /v1/outputs/."))
    var project: String?

    @Option(help: "Rebuild the project at this interval: 90s, 15m, 1h30m, 1d.")
    var every: String?

    @Option(help: "Rebuild the project on this cron schedule (server time zone), e.g. \"*/15 * * * *\".")
    var cron: String?

    @Option(help: "PNG compression: fast (half the CPU per request, files about a third larger) or small (as the CLI writes).")
    var pngCompression: PNGEncoder.Compression = .fast

    @Option(help: "Log format: json (one object per line) or text.")
    var logFormat: String = "json"

    func validate() throws {
        if every != nil && cron != nil { throw ValidationError("give --every or --cron, not both") }
        if (every != nil || cron != nil) && project == nil { throw ValidationError("--every and --cron need --project DIR") }
        if let every { _ = try Self.interval(every) }
        if let cron { _ = try Self.cronExpression(cron) }
        guard ["json", "text"].contains(logFormat) else { throw ValidationError("--log-format must be json or text") }
        guard renderTimeout.isFinite, renderTimeout > 0, renderTimeout <= 3600 else {
            throw ValidationError("--render-timeout must be more than 0 and at most 3600 seconds")
        }
        guard requestReadTimeout.isFinite, requestReadTimeout > 0, requestReadTimeout <= 3600 else {
            throw ValidationError("--request-read-timeout must be more than 0 and at most 3600 seconds")
        }
        guard (1...1024).contains(maxBodyMib) else { throw ValidationError("--max-body-mib must be between 1 and 1024") }
        guard (0...65_536).contains(cacheMib) else { throw ValidationError("--cache-mib must be between 0 and 65536") }
    }

    /// Runs the server; a failure prints one line and exits with its sysexits code, as every
    /// other command's (`FolioCommand`).
    func run() async throws {
        do {
            try await execute()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let failure = Failure(error)
            failure.lines.forEach(printError)
            throw ExitCode(failure.exitCode)
        }
    }

    func execute() async throws {
        var configuration = ServiceConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.pngCompression = pngCompression
        if let project { configuration.project = URL(fileURLWithPath: project) }
        if let every { configuration.rebuildSchedule = .every(try Self.interval(every)) }
        if let cron { configuration.rebuildSchedule = .cron(try Self.cronExpression(cron)) }
        if let workers { configuration.workers = workers }
        configuration.maxBodyBytes = maxBodyMib << 20
        configuration.maxPixels = maxMegapixels * 1_000_000
        configuration.maxPages = maxPages
        configuration.renderTimeout = .milliseconds(Int64((renderTimeout * 1000).rounded()))
        configuration.requestReadTimeout = .milliseconds(Int64((requestReadTimeout * 1000).rounded()))
        configuration.queueLength = queue
        configuration.cacheBytes = cacheMib << 20
        if let tokenFile {
            if let problem = FileAccess.problem(readingFile: tokenFile) {
                throw Failure.noInput("the token file \(tokenFile) \(problem)")
            }
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw Failure.noInput("cannot read the token file \(tokenFile)")
            }
            configuration.token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        do {
            try configuration.validate()
        } catch let error as ConfigurationError {
            throw Failure.usage(error.message)
        }
        FolioServer.bootstrapLogging(format: logFormat)
        let workerCount = configuration.workers
        let shownHost = host.contains(":") ? "[\(host)]" : host
        do {
            try await FolioServer.run(configuration: configuration, logger: FolioServer.logger()) { port in
                print("folio serve: listening on http://\(shownHost):\(port) (\(workerCount) render workers)")
                fflush(nil)
            }
        } catch {
            throw Failure.software("the server stopped: \(error)")
        }
    }

    static func interval(_ text: String) throws -> Duration {
        do { return try RebuildSchedule.interval(text) } catch { throw ValidationError("\(error)") }
    }

    static func cronExpression(_ text: String) throws -> CronExpression {
        do { return try CronExpression(text) } catch { throw ValidationError("--cron: \(error)") }
    }
}
