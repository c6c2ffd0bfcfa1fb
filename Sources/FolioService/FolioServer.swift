import FolioRender
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// Builds and runs the HTTP service: the routes, the middleware, the render pool as a service
/// that stops after the HTTP server, and the HTTP/1 channel set-up.
public enum FolioServer {
    /// The application for `configuration`. `onListening` gets the bound port (useful with port 0).
    public static func makeApplication(
        configuration: ServiceConfiguration, logger: Logger = Logger(label: "folio.serve"), service: RenderService? = nil,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        try configuration.validate()
        let service = service ?? RenderService(configuration: configuration, logger: logger)
        let router = Router(context: BasicRequestContext.self)
        // Middleware applies to the routes added after it: add it first.
        router.add(middleware: ObservabilityMiddleware(metrics: service.metrics, logger: logger))
        if let token = configuration.token {
            router.add(middleware: BearerTokenMiddleware(token: Array(token.utf8)))
        }
        addRoutes(to: router, service: service)

        let maxBody = configuration.maxBodyBytes
        let idle = configuration.idleTimeout
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ConnectionGuard(maxBodyBytes: maxBody)],
            idleTimeout: .nanoseconds(Int64(idle.components.seconds) * 1_000_000_000 + idle.components.attoseconds / 1_000_000_000))
        return Application(
            router: router,
            server: .http1(configuration: http1),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "folio"),
            // The pool comes first: the service group stops services in reverse order, so the HTTP
            // server stops accepting and finishes its requests before the render threads stop.
            services: [service.pool] + (service.rebuilds.map { [$0] } ?? []),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }

    static func addRoutes(to router: Router<BasicRequestContext>, service: RenderService) {
        router.post("/v1/briefings") { request, _ in try await service.briefing(request) }
        router.post("/v1/briefings/countries") { request, _ in try await service.countryBriefings(request) }
        router.post("/v1/charts") { request, _ in try await service.chartList(request) }
        router.post("/v1/chart-set") { request, _ in try await service.chartSet(request) }
        router.post("/v1/slides") { request, _ in try await service.slides(request) }
        router.post("/v1/charts/:kind") { request, context in
            try await service.chart(request, kindName: context.parameters.get("kind"))
        }
        router.post("/v1/check") { request, _ in try await service.check(request) }
        router.get("/v1/styles") { _, _ in service.styleList() }
        router.get("/healthz") { _, _ in service.healthz() }
        router.get("/readyz") { _, _ in try service.readyz() }
        router.get("/metrics") { _, _ in service.metricsText() }
        router.get("/openapi.yaml") { _, _ in service.openAPI() }
        router.post("/v1/rebuild") { request, _ in try await service.rebuild(request) }
        router.get("/v1/outputs") { request, _ in try service.outputList(request) }
        router.get("/v1/outputs/**") { request, context in
            try service.output(request, path: context.parameters.getCatchAll().joined(separator: "/"))
        }
        FrontPage.addRoutes(to: router)
    }

    /// Runs until SIGTERM or SIGINT, then stops accepting connections, lets in-flight requests
    /// (and their renders) finish, stops the render threads and returns.
    public static func run(configuration: ServiceConfiguration, logger: Logger,
                           onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = try makeApplication(configuration: configuration, logger: logger, onListening: onListening)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await group.run()
    }

    /// Sets swift-log's backend once per process: JSON lines (`json`) or swift-log's text lines.
    public static func bootstrapLogging(format: String, level: Logger.Level = .info) {
        LoggingSystem.bootstrap { label in
            if format == "json" {
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}

extension FolioServer {
    /// The logger `folio serve` uses (after `bootstrapLogging`).
    public static func logger() -> Logger {
        Logger(label: "folio.serve")
    }
}
