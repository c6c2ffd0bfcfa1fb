import FolioBuild
import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `POST /v1/rebuild`, `GET /v1/outputs` and `GET /v1/outputs/{path}`: the project of
/// `folio serve --project DIR`.
///
/// Only files of `Project.publishedOutputs()` are served, looked up by exact path: recorded by a
/// build, written by a current target, inside the project with links resolved. A request path is
/// never joined to the folder by itself. Rebuilding needs the token, so it is refused outright on a server that
/// has none: an open endpoint that makes the server work for seconds is an easy denial of service.
extension RenderService {
    func projectRebuilds() throws -> ProjectRebuilds {
        guard let rebuilds else {
            throw ProblemDetails.notFound("no-project", "this server publishes no project; start it with --project DIR")
        }
        return rebuilds
    }

    func rebuild(_ request: Request) async throws -> Response {
        let rebuilds = try projectRebuilds()
        _ = try QueryParameters(request.uri, allowed: [])
        guard let token = configuration.token else {
            throw ProblemDetails(.forbidden, "rebuild-needs-token",
                                 "POST /v1/rebuild is only open on a server started with --token-file")
        }
        // A second guard behind the middleware's: this route makes the server work for seconds.
        try BearerToken.check(request, token: Array(token.utf8))
        let result = await rebuilds.rebuild(reason: "request")
        return json(result)
    }

    struct OutputList: Encodable {
        var project: String
        var schedule: String?
        var lastBuild: ProjectRebuilds.RebuildResult?
        var outputs: [PublishedOutput]
    }

    func outputList(_ request: Request) async throws -> Response {
        let rebuilds = try projectRebuilds()
        _ = try QueryParameters(request.uri, allowed: [])
        return json(OutputList(project: rebuilds.directory.lastPathComponent, schedule: rebuilds.schedule?.description,
                               lastBuild: rebuilds.last, outputs: try await rebuilds.outputs()))
    }

    /// One output, read on the blocking-I/O thread pool. The ETag is the SHA-256 of the bytes sent
    /// (the same as `GET /v1/outputs` lists), reused while the file's stamp is unchanged; an
    /// `If-None-Match` for a file whose stamp is already hashed is answered without reading it.
    ///
    /// Not Hummingbird's `FileMiddleware`: its ETag is made of the file's size and modification
    /// time, while this API promises the content's SHA-256, the value `/v1/outputs` lists and a
    /// client can check the bytes against. Looking up only the published paths (the part a
    /// restricted `FileProvider` would give) is `PublishedOutputCatalog`'s, and outputs are
    /// whole-file downloads of a few MiB, so its ranges and streaming would add little.
    func output(_ request: Request, path: String) async throws -> Response {
        let rebuilds = try projectRebuilds()
        let unknown = ProblemDetails.notFound("unknown-output",
                                              "no build output is called \"\(path.prefix(200))\"; GET /v1/outputs lists them")
        let conditions = request.headers[values: .ifNoneMatch]
        if !conditions.isEmpty, let known = try await rebuilds.catalog.knownOutput(path: path),
           Self.ifNoneMatch(conditions, matches: "\"\(known.sha256)\"") {
            metrics.notModified.increment()
            return Response(status: .notModified, headers: [.eTag: "\"\(known.sha256)\"", .lastModified: Self.httpDate(known.modified)])
        }
        guard let (output, bytes) = try await rebuilds.catalog.read(path: path) else { throw unknown }
        let etag = "\"\(output.sha256)\""
        let lastModified = Self.httpDate(output.modified)
        if Self.ifNoneMatch(conditions, matches: etag) {
            metrics.notModified.increment()
            return Response(status: .notModified, headers: [.eTag: etag, .lastModified: lastModified])
        }
        let name = (output.path as NSString).lastPathComponent
        return Response(status: .ok,
                        headers: [.contentType: Self.outputMediaType(name), .eTag: etag, .lastModified: lastModified,
                                  .contentLength: String(bytes.count), .cacheControl: "no-cache",
                                  .contentDisposition: "inline; filename=\"\(Self.safeFileName((name as NSString).deletingPathExtension)).\((name as NSString).pathExtension)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func outputMediaType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": return "application/pdf"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        case "json": return "application/json"
        case "md": return "text/markdown; charset=utf-8"
        case "pptx": return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        default: return "application/octet-stream"
        }
    }

    /// RFC 9110 IMF-fixdate: `Sun, 29 Nov 2026 18:00:00 GMT`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
