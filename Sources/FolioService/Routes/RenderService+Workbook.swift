import FolioModel
import FolioWorkbook
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `POST /v1/workbook` → the report's tables as an Excel workbook, as `folio convert -o data.xlsx`
/// writes it: sheets indicators, countries and report, numbers as numbers. It loads back as data.
extension RenderService {
    static let xlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    func workbook(_ request: Request) async throws -> Response {
        _ = try QueryParameters(request.uri, allowed: [])
        let upload = try await UploadedReport.read(request, limit: configuration.maxBodyBytes)
        let key = ResponseCache.key(engine: engineVersion, route: "/v1/workbook", parameters: [:], format: upload.format, body: upload.bytes)
        let etag = "\"\(key)\""
        if Self.ifNoneMatch(request.headers[values: .ifNoneMatch], matches: etag) {
            metrics.notModified.increment()
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        let maxBytes = configuration.maxBodyBytes
        let bytes = try await runOnPool(.workbook) { _ in
            let report = try Self.validatedReport(upload, maxBytes: maxBytes)
            do { return try ReportWorkbookWriter.xlsx(report) } catch {
                throw ProblemDetails(.unprocessableContent, "not-a-workbook", "the report's tables cannot be written as a workbook: \(error)")
            }
        }
        return Self.ok(body: ByteBuffer(bytes: bytes), contentType: Self.xlsxMediaType, fileName: "tables.xlsx", etag: etag, cache: "off")
    }
}
