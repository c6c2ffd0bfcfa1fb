import FolioBuild
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

    /// YAML, JSON, an IATI activity file (XML), an Excel workbook or a CSV envelope by media type; anything else is 415. The only `charset`
    /// accepted is UTF-8 (what the readers decode): another one is 415 too, not misread.
    static func format(contentType: String?) throws -> InputFormat {
        guard let contentType, !contentType.isEmpty else { throw ProblemDetails.unsupportedMediaType(nil) }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let essence = parts.first?.lowercased() ?? ""
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "charset" else { continue }
            let charset = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
            guard charset == "utf-8" || charset == "utf8" else {
                throw ProblemDetails(.unsupportedMediaType, "unsupported-charset",
                                     "charset \"\(charset.prefix(40))\" is not supported; send the report as UTF-8",
                                     headers: [.accept: ProblemDetails.acceptedMediaTypes])
            }
        }
        switch essence {
        case csvMediaType:
            return .csv
        case "application/json", "text/json":
            return .json
        case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
            return .yaml
        case "application/xml", "text/xml":
            return .iati
        case RenderService.xlsxMediaType:
            return .xlsx
        default:
            if essence.hasPrefix("application/"), essence.hasSuffix("+json") { return .json }
            if essence.hasPrefix("application/"), essence.hasSuffix("+yaml") { return .yaml }
            if essence.hasPrefix("application/"), essence.hasSuffix("+xml") { return .iati }
            throw ProblemDetails.unsupportedMediaType(contentType)
        }
    }

    /// Reads the body of `request`, refusing one larger than `limit` bytes with 413 *before* it is
    /// all read: a Content-Length over the limit is refused without reading anything, and a body
    /// without one (chunked) is refused as soon as the bytes received pass the limit.
    static func read(_ request: Request, limit: Int) async throws -> UploadedReport {
        let format = try format(contentType: request.headers[.contentType])
        for coding in request.headers[values: .contentEncoding].flatMap({ $0.split(separator: ",") }) {
            let name = coding.trimmingCharacters(in: .whitespaces).lowercased()
            guard name == "identity" || name.isEmpty else {
                throw ProblemDetails(.unsupportedMediaType, "unsupported-content-coding",
                                     "Content-Encoding \"\(name.prefix(40))\" is not supported; send the body uncompressed",
                                     headers: [.acceptEncoding: "identity"])
            }
        }
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

extension UploadedReport {
    /// The data's fingerprint for a briefing's keywords: the same `DataFingerprint` as `folio render`
    /// and builds give the same file or CSV folder (for a CSV upload, its files, not the envelope).
    var dataFingerprint: String {
        if format == .csv, case .files(let files, _) = CSVEnvelope.unpack(bytes) {
            return DataFingerprint.folder(files)
        }
        return DataFingerprint.file(bytes)
    }
}
