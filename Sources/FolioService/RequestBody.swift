import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The report a request carries: its syntax, chosen by Content-Type, and its bytes, read with a limit.
struct UploadedReport: Sendable {
    var format: InputFormat
    var bytes: [UInt8]

    /// YAML or JSON by media type (parameters such as `charset` are ignored); anything else is 415.
    static func format(contentType: String?) throws -> InputFormat {
        guard let contentType, !contentType.isEmpty else { throw ProblemDetails.unsupportedMediaType(nil) }
        let essence = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        switch essence {
        case "application/json", "text/json":
            return .json
        case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
            return .yaml
        default:
            if essence.hasPrefix("application/"), essence.hasSuffix("+json") { return .json }
            if essence.hasPrefix("application/"), essence.hasSuffix("+yaml") { return .yaml }
            throw ProblemDetails.unsupportedMediaType(contentType)
        }
    }

    /// Reads the body of `request`, refusing one larger than `limit` bytes with 413 *before* it is
    /// all read: a Content-Length over the limit is refused without reading anything, and a body
    /// without one (chunked) is refused as soon as the bytes received pass the limit.
    static func read(_ request: Request, limit: Int) async throws -> UploadedReport {
        let format = try format(contentType: request.headers[.contentType])
        if let declared = request.headers[.contentLength] {
            guard let length = Int(declared.trimmingCharacters(in: .whitespaces)), length >= 0 else {
                throw ProblemDetails.badParameter("Content-Length \"\(declared)\" is not a number")
            }
            guard length <= limit else { throw ProblemDetails.tooLarge(limit: limit) }
        }
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            guard bytes.count + chunk.readableBytes <= limit else { throw ProblemDetails.tooLarge(limit: limit) }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        BodyState.current?.markRead()
        return UploadedReport(format: format, bytes: bytes)
    }
}

/// Whether the request's body was read to its end, for the middleware: an error answered before
/// that closes the connection instead of reading (and discarding) the rest of the body.
final class BodyState: @unchecked Sendable {
    @TaskLocal static var current: BodyState?

    private let lock = NSLock()
    private var read = false

    func markRead() {
        lock.lock(); read = true; lock.unlock()
    }

    var wasRead: Bool {
        lock.lock(); defer { lock.unlock() }
        return read
    }
}
