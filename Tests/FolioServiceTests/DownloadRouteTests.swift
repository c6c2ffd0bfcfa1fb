import FolioBuild
import FolioLayout
import FolioModel
import FolioProducts
import FolioRender
@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// The routes the front page downloads and previews from: the chart list, the chart set, the
/// country briefings and the slide deck; and CSV uploads.
final class DownloadRouteTests: XCTestCase {
    typealias S = ServiceTestSupport

    /// The plan of the sample's charts, as the CLI and the build make it.
    func samplePlan(style: String = "default") throws -> ChartSet {
        let report = try XCTUnwrap(RenderService.check(UploadedReport(format: .yaml, bytes: S.sampleYAML), maxBytes: 1 << 22).report)
        let catalog = StyleCatalog.load(directory: StyleLibrary.bundledDirectory(), logger: S.quietLogger)
        return ChartSet(report: report, style: try catalog.style(named: style).style, measurer: try Renderer().measurer,
                        formats: [.png, .svg], scales: [1, 2])
    }

    func testChartListIsThePlanWithAltTextAndEveryItemPreviews() async throws {
        let plan = try samplePlan()
        try await S.makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/charts?style=default", method: .post, headers: S.yamlHeaders,
                                                    body: S.buffer(S.sampleYAML))
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "application/json")
            XCTAssertNotNil(response.headers[.eTag])
            let list = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(S.bytes(response))) as? [String: Any])
            let charts = try XCTUnwrap(list["charts"] as? [[String: Any]])
            let planned = plan.files.filter { $0.format == .png && $0.scale == 1 }
            XCTAssertEqual(charts.count, planned.count)
            XCTAssertEqual(charts.compactMap { $0["name"] as? String }, planned.map { String($0.name.dropLast(4)) })
            XCTAssertEqual(charts.compactMap { $0["alt"] as? String }, planned.map(\.spec.alternativeText))
            XCTAssertEqual(list["width"] as? Int, Int(plan.size.width))
            for chart in charts {
                XCTAssertFalse((chart["alt"] as? String ?? "").isEmpty)
                XCTAssertFalse((chart["title"] as? String ?? "").isEmpty)
                // Each item says how to ask for its preview, and the preview exists.
                let kind = try XCTUnwrap(chart["kind"] as? String)
                var query = "style=default"
                if let outcome = chart["outcome"] as? String { query += "&outcome=" + outcome }
                if let part = chart["part"] as? Int { query += "&part=\(part)" }
                XCTAssertEqual(kind == "overview", chart["outcome"] is NSNull)
                let preview = try await client.execute(uri: "/v1/charts/\(kind)?\(query)", method: .post, headers: S.yamlHeaders,
                                                       body: S.buffer(S.sampleYAML))
                XCTAssertEqual(preview.status, .ok, query)
                XCTAssertTrue(S.isPNG(S.bytes(preview)))
            }
        }
    }

    func testChartSetIsAZipOfThePlanWithItsManifest() async throws {
        let plan = try samplePlan()
        try await S.makeApp(S.configuration { $0.cacheBytes = 0 }).test(.router) { client in
            let response = try await client.execute(uri: "/v1/chart-set", method: .post, headers: S.yamlHeaders,
                                                    body: S.buffer(S.sampleYAML))
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "application/zip")
            let entries = try XCTUnwrap(ZipListing.entries(S.bytes(response)))
            XCTAssertEqual(entries.map(\.name), plan.files.map(\.name) + ["charts.json"])
            XCTAssertTrue(entries.filter { $0.name.hasSuffix(".png") }.allSatisfy { $0.method == 0 }, "PNGs are stored")
            XCTAssertTrue(entries.filter { !$0.name.hasSuffix(".png") }.allSatisfy { $0.method == 8 }, "text is deflated")

            let again = try await client.execute(uri: "/v1/chart-set", method: .post, headers: S.yamlHeaders,
                                                 body: S.buffer(S.sampleYAML))
            XCTAssertEqual(again.body, response.body, "the same request gives the same ZIP")

            let pdfOnly = try await client.execute(uri: "/v1/chart-set?formats=pdf&scales=1", method: .post,
                                                   headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            let names = try XCTUnwrap(ZipListing.entries(S.bytes(pdfOnly))).map(\.name)
            XCTAssertTrue(names.dropLast().allSatisfy { $0.hasSuffix(".pdf") } && names.last == "charts.json", "\(names)")

            for bad in ["formats=gif", "formats=png,", "scales=0", "scales=9", "scales=1,2,3,4,5", "scales=1,1,1,1,1", "formats=PNG",
                        "formats=png, svg", "scales=1e0", "scales=.5"] {
                let refused = try await client.execute(uri: "/v1/chart-set?" + bad, method: .post, headers: S.yamlHeaders,
                                                       body: S.buffer(S.sampleYAML))
                XCTAssertEqual(refused.status, .badRequest, bad)
                XCTAssertEqual(S.problem(refused)?.type, "urn:folio:problem:bad-parameter", bad)
            }
        }
    }

    func testCountryBriefingsZipHasOnePDFPerCountry() async throws {
        let report = try XCTUnwrap(RenderService.check(UploadedReport(format: .yaml, bytes: S.sampleYAML), maxBytes: 1 << 22).report)
        let expected = CountryBriefings(report: report, countries: BriefingLayout.countries(in: report)).fileNames
        XCTAssertGreaterThan(expected.count, 10)
        try await S.makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/briefings/countries?style=letter", method: .post,
                                                    headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "application/zip")
            XCTAssertEqual(try XCTUnwrap(ZipListing.entries(S.bytes(response))).map(\.name), expected)

            let none = try await client.execute(uri: "/v1/briefings/countries", method: .post, headers: S.yamlHeaders,
                                                body: S.buffer("title: T\nregions: [Africa]\noutcomes:\n  - id: \"1\"\n    title: O\n"))
            XCTAssertEqual(none.status, .unprocessableContent)
            XCTAssertEqual(S.problem(none)?.type, "urn:folio:problem:no-countries")
        }
    }

    func testSlidesAreAPowerPointDeckWithOneSlidePerChart() async throws {
        let charts = try samplePlan(style: "slides").files.filter { $0.format == .png && $0.scale == 1 }.count
        try await S.makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/slides", method: .post, headers: S.yamlHeaders,
                                                    body: S.buffer(S.sampleYAML))
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], RenderService.pptxMediaType)
            let names = try XCTUnwrap(ZipListing.entries(S.bytes(response))).map(\.name)
            XCTAssertEqual(names.first, "[Content_Types].xml")
            let slides = names.filter { $0.hasPrefix("ppt/slides/slide") && $0.hasSuffix(".xml") }
            XCTAssertEqual(slides.count, charts + 1, "a title slide, then one per chart")
            XCTAssertEqual(names.filter { $0.hasPrefix("ppt/charts/chart") && $0.hasSuffix(".xml") }.count, charts,
                           "native charts by default")
            XCTAssertEqual(names.filter { $0.hasPrefix("ppt/embeddings/") }.count, charts, "each with its data")
            let pictures = try await client.execute(uri: "/v1/slides?charts=picture", method: .post, headers: S.yamlHeaders,
                                                    body: S.buffer(S.sampleYAML))
            XCTAssertEqual(pictures.status, .ok)
            let pictureNames = try XCTUnwrap(ZipListing.entries(S.bytes(pictures))).map(\.name)
            XCTAssertEqual(pictureNames.filter { $0.hasPrefix("ppt/media/") }.count, charts)
            for bad in ["scale=0.5", "scale=5", "style=../x", "charts=svg"] {
                let refused = try await client.execute(uri: "/v1/slides?" + bad, method: .post, headers: S.yamlHeaders,
                                                       body: S.buffer(S.sampleYAML))
                XCTAssertTrue([400, 404].contains(refused.status.code), bad)
            }
        }
    }

    // MARK: CSV uploads

    static let indicatorsCSV = """
        outcome,outcome_title,indicator,description,unit,target,result
        1,Better jobs,1.1,Countries with employment plans,countries,2,2
        1,,1.2,Countries with labour statistics,countries,1,1

        """
    static let countriesCSV = """
        indicator,region,country,territory
        1.1,Africa,Ghana,
        1.1,Americas,Peru,
        1.2,Africa,Kenya,

        """
    static let csvHeaders: HTTPFields = [.contentType: "application/vnd.folio.csv+json"]

    static func envelope(_ files: [String: String], folder: String? = "Jobs") throws -> ByteBuffer {
        var object: [String: Any] = ["files": files]
        if let folder { object["folder"] = folder }
        return ByteBuffer(bytes: Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])))
    }

    /// An archive request is bounded twice: by its number of files, refused before drawing, and by
    /// the render time, past which the worker stops drawing (rather than stay busy long after the
    /// 503, so that the next request would time out too).
    func testArchivesAreBoundedInFilesAndTime() async throws {
        let many = S.bigReportJSON(outcomes: 90)  // 180 charts and the overview parts
        try await S.makeApp(S.configuration { $0.workers = 1; $0.cacheBytes = 0 }).test(.router) { client in
            let refused = try await client.execute(uri: "/v1/chart-set?formats=png,svg,pdf&scales=1,2,3,4", method: .post,
                                                   headers: S.jsonHeaders, body: S.buffer(many))
            XCTAssertEqual(refused.status, .unprocessableContent)
            XCTAssertEqual(S.problem(refused)?.type, "urn:folio:problem:too-many-files")
        }
        let slow = S.configuration { $0.workers = 1; $0.cacheBytes = 0; $0.renderTimeout = .milliseconds(400) }
        try await S.makeApp(slow).test(.router) { client in
            try await S.waitUntilReady(client)
            let abandoned = try await client.execute(uri: "/v1/chart-set?formats=png&scales=2", method: .post,
                                                     headers: S.jsonHeaders, body: S.buffer(many))
            XCTAssertEqual(abandoned.status, .serviceUnavailable)
            // The one worker stops within a chart of the deadline: /readyz, not ready while every worker
            // is busy past its deadline, says so, and the next small request is served.
            try await S.waitUntilReady(client)
            let next = try await client.execute(uri: "/v1/check", method: .post, headers: S.yamlHeaders, body: S.buffer(S.sampleYAML))
            XCTAssertEqual(next.status, .ok)
        }
    }

    func testCSVPairIsChecked() async throws {
        try await S.makeApp().test(.router) { client in
            let good = try await client.execute(uri: "/v1/check", method: .post, headers: Self.csvHeaders,
                                                body: try Self.envelope(["indicators.csv": Self.indicatorsCSV,
                                                                         "countries.csv": Self.countriesCSV]))
            XCTAssertEqual(good.status, .ok)
            let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(S.bytes(good))) as? [String: Any])
            XCTAssertEqual(report["valid"] as? Bool, true, "\(report)")
            XCTAssertEqual((report["summary"] as? [String: Any])?["title"] as? String, "Jobs")
            XCTAssertEqual((report["summary"] as? [String: Any])?["countries"] as? Int, 3)

            // An error names the file, the row's line and the field number.
            let broken = Self.indicatorsCSV.replacingOccurrences(of: "countries,1,1", with: "countries,one,1")
            let bad = try await client.execute(uri: "/v1/check", method: .post, headers: Self.csvHeaders,
                                               body: try Self.envelope(["indicators.csv": broken, "countries.csv": Self.countriesCSV]))
            let badReport = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(S.bytes(bad))) as? [String: Any])
            XCTAssertEqual(badReport["valid"] as? Bool, false)
            let error = try XCTUnwrap((badReport["errors"] as? [[String: Any]])?.first)
            XCTAssertEqual(error["file"] as? String, "indicators.csv")
            XCTAssertEqual(error["line"] as? Int, 3)
            XCTAssertEqual(error["column"] as? Int, 6)

            // YAML diagnostics carry no file.
            let yaml = try await client.execute(uri: "/v1/check", method: .post, headers: S.yamlHeaders,
                                                body: S.buffer("title: T\noutcomes: 3\n"))
            XCTAssertFalse(String(buffer: yaml.body).contains("\"file\""), String(buffer: yaml.body))

            // The same envelope renders.
            let pdf = try await client.execute(uri: "/v1/briefings", method: .post, headers: Self.csvHeaders,
                                               body: try Self.envelope(["indicators.csv": Self.indicatorsCSV,
                                                                        "countries.csv": Self.countriesCSV]))
            XCTAssertEqual(pdf.status, .ok)
            XCTAssertTrue(S.isPDF(S.bytes(pdf)))
        }
    }

    func testUnusableCSVEnvelopesAreClearErrors() async throws {
        try await S.makeApp().test(.router) { client in
            let cases: [(ByteBuffer, String)] = [
                (S.buffer("indicators.csv"), "is not"),
                (S.buffer("{\"files\": {\"indicators.csv\": 3}}"), "is not"),
                (try Self.envelope(["countries.csv": Self.countriesCSV]), "needs indicators.csv"),
                (try Self.envelope(["../indicators.csv": Self.indicatorsCSV]), "plain names"),
            ]
            for (body, words) in cases {
                let check = try await client.execute(uri: "/v1/check", method: .post, headers: Self.csvHeaders, body: body)
                XCTAssertEqual(check.status, .ok)
                let text = String(buffer: check.body)
                XCTAssertTrue(text.contains("\"syntaxError\":true") && text.contains(words), text)
                let render = try await client.execute(uri: "/v1/briefings", method: .post, headers: Self.csvHeaders, body: body)
                XCTAssertEqual(render.status, .badRequest, text)
            }
        }
    }
}

extension DownloadRouteTests {
    /// A briefing made from an uploaded CSV folder names the folder's data fingerprint, the one
    /// `folio render` and builds give the same files, not a hash of the JSON envelope around them.
    func testCSVBriefingCarriesTheFolderFingerprint() async throws {
        let files = ["indicators.csv": Self.indicatorsCSV, "countries.csv": Self.countriesCSV]
        let expected = DataFingerprint.folder(files.mapValues { Data($0.utf8) })
        try await S.makeApp().test(.router) { client in
            let envelope = try Self.envelope(files)
            let response = try await client.execute(uri: "/v1/briefings", method: .post, headers: Self.csvHeaders, body: envelope)
            XCTAssertEqual(response.status, .ok)
            let pdf = String(decoding: Array(buffer: response.body), as: UTF8.self)
            XCTAssertTrue(pdf.contains("data SHA-256 \(expected)"), "the PDF's keywords lack the folder's fingerprint")
            XCTAssertFalse(pdf.contains(SHA256.hex(Array(buffer: envelope))), "the PDF names the envelope's hash")
        }
    }
}
