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
        // HEAD on every GET route is answered by the GET handler without the body.
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        // Middleware applies to the routes added after it: add it first.
        router.add(middleware: ObservabilityMiddleware(metrics: service.metrics, logger: logger))
        if let token = configuration.token {
            router.add(middleware: BearerTokenMiddleware(token: Array(token.utf8)))
        }
        addRoutes(to: router, service: service)

        let limits = ConnectionGuard.Limits(maxBodyBytes: configuration.maxBodyBytes,
                                            requestReadTimeout: TimeAmount(configuration.requestReadTimeout),
                                            drainBytes: configuration.drainBytes,
                                            drainTimeout: TimeAmount(configuration.drainTimeout))
        return Application(
            router: router,
            server: .guardedHTTP1(limits: limits, idleTimeout: TimeAmount(configuration.idleTimeout)),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "folio"),
            // The pool comes first: the service group stops services in reverse order, so the HTTP
            // server stops accepting and finishes its requests before the render threads stop.
            services: [service.pool] + (service.rebuilds.map { [$0] } ?? []),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }

    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    /// Adds every route of `RouteTable` with its handler.
    static func addRoutes(to router: Router<BasicRequestContext>, service: RenderService) {
        for route in RouteTable.routes {
            let handler = handler(for: route, service: service)
            router.on(RouterPath(route.path), method: route.method) { request, context in try await handler(request, context) }
        }
    }

    static func handler(for route: RouteTable.Route, service: RenderService) -> Handler {
        switch (route.method, route.path) {
        case (.post, "/v1/briefings"): return { request, _ in try await service.briefing(request) }
        case (.post, "/v1/briefings/countries"): return { request, _ in try await service.countryBriefings(request) }
        case (.post, "/v1/charts"): return { request, _ in try await service.chartList(request) }
        case (.post, "/v1/chart-set"): return { request, _ in try await service.chartSet(request) }
        case (.post, "/v1/slides"): return { request, _ in try await service.slides(request) }
        case (.post, "/v1/workbook"): return { request, _ in try await service.workbook(request) }
        case (.post, "/v1/charts/:kind"):
            return { request, context in try await service.chart(request, kindName: context.parameters.get("kind")) }
        case (.post, "/v1/check"): return { request, _ in try await service.check(request) }
        case (.get, "/v1/styles"): return { _, _ in service.styleList() }
        case (.get, "/v1/languages"): return { _, _ in service.languageList() }
        case (.get, "/healthz"): return { _, _ in service.healthz() }
        case (.get, "/readyz"): return { _, _ in try service.readyz() }
        case (.get, "/metrics"): return { _, _ in await service.metricsText() }
        case (.get, "/openapi.yaml"): return { _, _ in service.openAPI() }
        case (.post, "/v1/rebuild"): return { request, _ in try await service.rebuild(request) }
        case (.get, "/v1/outputs"): return { request, _ in try await service.outputList(request) }
        case (.get, "/v1/outputs/**"):
            return { request, context in
                try await service.output(request, path: context.parameters.getCatchAll().joined(separator: "/"))
            }
        case (.get, "/"): return { request, _ in FrontPage.response(FrontPage.page, for: request) }
        case (.get, "/app.js"): return { request, _ in FrontPage.response(FrontPage.script, for: request) }
        case (.get, "/app.css"): return { request, _ in FrontPage.response(FrontPage.styleSheet, for: request) }
        default: preconditionFailure("no handler for \(route.method) \(route.path)")
        }
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
