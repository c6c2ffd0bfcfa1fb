import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The report a request carries: its syntax, chosen by Content-Type, and its bytes, read with a limit.
struct UploadedReport: Sendable {
    var format: InputFormat
    var bytes: [UInt8]

    /// The media type of a CSV folder sent as one JSON document (see `CSVEnvelope`).
    static let csvMediaType = "application/vnd.folio.csv+json"

    /// YAML, JSON or a CSV envelope by media type (parameters such as `charset` are ignored);
    /// anything else is 415.
    static func format(contentType: String?) throws -> InputFormat {
        guard let contentType, !contentType.isEmpty else { throw ProblemDetails.unsupportedMediaType(nil) }
        let essence = contentType.split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
        switch essence {
        case csvMediaType:
            return .csv
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

/// A CSV folder on the wire: `{"folder": "q3", "files": {"indicators.csv": "…", "countries.csv": "…"}}`
/// as `application/vnd.folio.csv+json`.
///
/// Why JSON and not multipart: a browser builds it from the chosen files with `File.text()`, curl
/// sends it from a file, and the bytes are a plain function of the files (the ETag and the cache
/// need that). `folder` stands in for the folder's name, the title when there is no report.yaml.
/// File names are the ones `ReportLoader.csvFolderFiles` knows; others are kept (empty) only so
/// the check can warn about them, as it does for a folder on disk.
struct CSVEnvelope: Decodable {
    var folder: String?
    var files: [String: String]

    /// The files as the CSV checker takes them, or a diagnostic saying why the envelope is unusable.
    enum Unpacked {
        case files([String: Data], folder: String?)
        case unusable(Diagnostic)
    }

    static func unpack(_ bytes: [UInt8]) -> Unpacked {
        func failure(_ message: String) -> Unpacked {
            .unusable(Diagnostic(severity: .error, file: "request", line: 1, column: 1, path: "", message: message))
        }
        let envelope: CSVEnvelope
        do { envelope = try JSONDecoder().decode(CSVEnvelope.self, from: Data(bytes)) } catch {
            return failure("a CSV upload is JSON {\"files\": {\"indicators.csv\": \"...\", \"countries.csv\": \"...\"}}; "
                           + "this body is not")
        }
        var files: [String: Data] = [:]
        for (name, text) in envelope.files {
            guard !name.isEmpty, name.count <= 200, !name.contains("/"), !name.contains("\\") else {
                return failure("file names in a CSV upload are plain names such as indicators.csv, found \"\(name.prefix(60))\"")
            }
            let known = ReportLoader.csvFolderFiles.contains(name.lowercased())
            files[name] = known ? Data(text.utf8) : Data()
        }
        guard files.keys.contains(where: { $0.lowercased() == "indicators.csv" }) else {
            return failure("a CSV upload needs indicators.csv (and usually countries.csv); it has "
                           + (files.isEmpty ? "no files" : files.keys.sorted().joined(separator: ", ")))
        }
        return .files(files, folder: envelope.folder.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) })
    }
}
