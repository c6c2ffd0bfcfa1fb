import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `GET /healthz` (the process answers), `GET /readyz` (the render pool says it can take work:
/// its workers have their renderers, the server is not shutting down, and not every worker is
/// stuck on a render past its deadline — `RenderPool.isReady`), `GET /metrics` (Prometheus text), `GET /openapi.yaml`.
/// These stay open when a token is configured, for load balancers and scrapers.
extension RenderService {
    struct Health: Encodable {
        var status: String
        var workers: Int?
        var queued: Int?
        var running: Int?
    }

    func healthz() -> Response {
        json(Health(status: "ok"))
    }

    func readyz() throws -> Response {
        guard pool.isReady else {
            throw ProblemDetails(.serviceUnavailable, "not-ready", "the render workers are starting, all busy past their deadline, or the server is stopping",
                                 headers: [.retryAfter: "1"])
        }
        let snapshot = pool.snapshot
        return json(Health(status: "ready", workers: pool.workerCount, queued: snapshot.queued, running: snapshot.running))
    }

    func metricsText() async -> Response {
        metrics.cacheBytes.set(cache.byteCount)
        await rebuilds?.updateAgeMetrics()
        let text = metrics.text()
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8",
                                               .contentLength: String(text.utf8.count)],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func openAPI() -> Response {
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8",
                                        .contentLength: String(OpenAPIDocument.bytes.count)],
                 body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
    }

    func json<T: Encodable>(_ value: T) -> Response {
        let bytes = JSONOutput.encode(value)
        return Response(status: .ok, headers: [.contentType: "application/json", .contentLength: String(bytes.count)],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
