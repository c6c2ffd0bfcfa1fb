@testable import FolioService
import FolioModel
import FolioWorkbook
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Excel workbooks as bodies (checked, drawn, refused at their cell) and `POST /v1/workbook`.
final class WorkbookUploadTests: XCTestCase {
    typealias S = ServiceTestSupport

    static let xlsxHeaders: HTTPFields = [.contentType: RenderService.xlsxMediaType]

    static var sampleWorkbook: [UInt8] {
        let report = ReportLoader.check(data: Data(S.sampleYAML), fileName: "outcome4.yaml", format: .yaml).report!
        return try! ReportWorkbookWriter.xlsx(report)
    }

    func testTheMediaTypeIsAWorkbook() throws {
        XCTAssertEqual(try UploadedReport.format(contentType: RenderService.xlsxMediaType), .xlsx)
    }

    func testAWorkbookIsCheckedAndDrawn() async throws {
        try await S.makeApp().test(.router) { client in
            let check = try await client.execute(uri: "/v1/check", method: .post, headers: Self.xlsxHeaders, body: S.buffer(Self.sampleWorkbook))
            XCTAssertEqual(check.status, .ok)
            let report = try JSONSerialization.jsonObject(with: Data(S.bytes(check))) as? [String: Any]
            XCTAssertEqual(report?["valid"] as? Bool, true, "\(String(describing: report))")
            let briefing = try await client.execute(uri: "/v1/briefings", method: .post, headers: Self.xlsxHeaders,
                                                    body: S.buffer(Self.sampleWorkbook))
            XCTAssertEqual(briefing.status, .ok)
            XCTAssertTrue(S.isPDF(S.bytes(briefing)))
        }
    }

    func testProblemsCarryTheCell() async throws {
        let report = ReportLoader.check(data: Data(S.sampleYAML), fileName: "outcome4.yaml", format: .yaml).report!
        var workbook = ReportWorkbookWriter.workbook(report)
        workbook.sheets[0].rows[2][5] = "many"
        let invalid = try workbook.xlsx()
        try await S.makeApp().test(.router) { client in
            let briefing = try await client.execute(uri: "/v1/briefings", method: .post, headers: Self.xlsxHeaders, body: S.buffer(invalid))
            XCTAssertEqual(briefing.status, .unprocessableContent)
            let error = S.problem(briefing)?.errors?.first
            XCTAssertEqual(error?.cell, "indicators!F3")
            XCTAssertEqual(error?.path, "target")
            XCTAssertEqual(error.map { [$0.line, $0.column] }, [3, 6])

            let garbage = try await client.execute(uri: "/v1/workbook", method: .post, headers: Self.xlsxHeaders, body: S.buffer("not a workbook"))
            XCTAssertEqual(garbage.status, .badRequest)
            XCTAssertTrue(S.problem(garbage)?.detail.contains("not an Excel workbook") == true)
        }
    }

    func testWorkbookRouteAnswersAWorkbookOpenpyxlReads() async throws {
        try await S.makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/workbook", method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], RenderService.xlsxMediaType)
            XCTAssertEqual(response.headers[.contentDisposition], "inline; filename=\"tables.xlsx\"")
            let bytes = S.bytes(response)
            XCTAssertEqual(bytes, Self.sampleWorkbook, "the same bytes as folio convert")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("folio-\(UUID().uuidString).xlsx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(bytes).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", """
                import sys, openpyxl
                sheet = openpyxl.load_workbook(sys.argv[1])["indicators"]
                print(sheet["F2"].value.__class__.__name__, sheet["F2"].value, sheet["C2"].value)
                """, file.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "python3 with openpyxl is needed (Scripts/setup.sh)")
            XCTAssertEqual(text, "int 10 4.1\n")
        }
    }
}
