import Foundation
import Prometheus

/// The service's Prometheus metrics, in a registry of its own (one per server, so tests can run
/// several servers in one process). `GET /metrics` serves `registry.emitToString()`.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let inFlight: Gauge
    let queued: Gauge
    let cacheHits: Counter
    let cacheMisses: Counter
    let cacheBytes: Gauge
    let notModified: Counter
    let timeouts: Counter
    let rejected: Counter
    let lastSuccessfulBuild: Gauge

    static let renderBuckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                            .milliseconds(2500), .seconds(5), .seconds(10), .seconds(20), .seconds(60)]

    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        inFlight = registry.makeGauge(descriptor: Self.name("renders_in_flight", "Renders running on a worker thread now."))
        queued = registry.makeGauge(descriptor: Self.name("renders_queued", "Renders waiting for a free worker thread."))
        cacheHits = registry.makeCounter(descriptor: Self.name("cache_hits_total", "Responses served from the response cache."))
        cacheMisses = registry.makeCounter(descriptor: Self.name("cache_misses_total", "Renders not found in the response cache."))
        cacheBytes = registry.makeGauge(descriptor: Self.name("cache_bytes", "Bytes held by the response cache."))
        notModified = registry.makeCounter(descriptor: Self.name("not_modified_total", "Requests answered 304 from If-None-Match."))
        timeouts = registry.makeCounter(descriptor: Self.name("render_timeouts_total", "Renders abandoned past the render time limit."))
        rejected = registry.makeCounter(descriptor: Self.name("renders_rejected_total", "Renders refused because the queue was full."))
        lastSuccessfulBuild = registry.makeGauge(descriptor: Self.name("build_last_success_timestamp_seconds",
                                                                       "When the project's last successful build started (Unix time)."))
        for kind in RenderKind.allCases {
            _ = registry.makeDurationHistogram(descriptor: Self.renderDuration, labels: [("kind", kind.rawValue)],
                                               buckets: Self.renderBuckets)
        }
    }

    static func name(_ metric: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "folio", metricName: metric, unitName: "", helpText: help)
    }

    static var renderDuration: MetricNameDescriptor { name("render_duration_seconds", "Time a worker thread spent on one job (checking and drawing).") }
    static var requests: MetricNameDescriptor { name("http_requests_total", "HTTP requests answered, by route and status.") }
    static var responseBytes: MetricNameDescriptor { name("http_response_bytes_total", "Bytes of response bodies sent, by route.") }
    static var requestDuration: MetricNameDescriptor { name("http_request_duration_seconds", "Time from request to response, by route.") }
    static let requestBuckets: [Duration] = [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                             .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                                             .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30)]

    func recordRender(kind: String, duration: Duration) {
        registry.makeDurationHistogram(descriptor: Self.renderDuration, labels: [("kind", kind)], buckets: Self.renderBuckets)
            .record(duration)
    }

    func recordRequest(route: String, status: Int, bytes: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests, labels: [("route", route), ("status", String(status))]).increment()
        if bytes > 0 {
            registry.makeCounter(descriptor: Self.responseBytes, labels: [("route", route)]).increment(by: Int64(bytes))
        }
        registry.makeDurationHistogram(descriptor: Self.requestDuration, labels: [("route", route)], buckets: Self.requestBuckets)
            .record(duration)
    }

    static var builds: MetricNameDescriptor { name("builds_total", "Project builds (--project), by result: ok, or failed (a target or the build failed).") }
    static var buildTargetFailures: MetricNameDescriptor { name("build_target_failures_total", "Targets that failed to build (their old outputs kept).") }
    static var buildDuration: MetricNameDescriptor { name("build_duration_seconds", "Time one project build took.") }
    static var outputAge: MetricNameDescriptor { name("output_age_seconds", "Seconds since each published output was last replaced.") }
    static let buildBuckets: [Duration] = [.milliseconds(50), .milliseconds(250), .seconds(1), .seconds(5), .seconds(15),
                                           .seconds(60), .seconds(300), .seconds(1800)]

    func recordBuild(ok: Bool, failedTargets: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.builds, labels: [("result", ok ? "ok" : "failed")]).increment()
        if failedTargets > 0 { registry.makeCounter(descriptor: Self.buildTargetFailures).increment(by: Int64(failedTargets)) }
        registry.makeDurationHistogram(descriptor: Self.buildDuration, buckets: Self.buildBuckets).record(duration)
    }

    func outputAge(_ path: String) -> Gauge {
        registry.makeGauge(descriptor: Self.outputAge, labels: [("output", path)])
    }

    /// The Prometheus text exposition.
    public func text() -> String { registry.emitToString() }
}

/// What a worker job does, for the render duration histogram.
enum RenderKind: String, CaseIterable {
    case briefing, countryBriefing = "country_briefing", chartPNG = "chart_png", chartSVG = "chart_svg",
         chartPDF = "chart_pdf", check, countryBriefings = "country_briefings", chartList = "chart_list",
         chartSet = "chart_set", slides, workbook
}

extension Gauge {
    func set(_ value: Int) { set(Double(value)) }
}
