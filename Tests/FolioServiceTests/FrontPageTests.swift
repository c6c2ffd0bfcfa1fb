@testable import FolioService
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// `GET /` and its two assets: served from the binary with a strict policy, open without the
/// token, and free of anything that would turn data into markup or reach outside the server.
/// (The page's behaviour in a real browser is `Scripts/browser-test`.)
final class FrontPageTests: XCTestCase {
    typealias S = ServiceTestSupport

    func testPageAndAssetsAreServedWithAStrictPolicyAndNoToken() async throws {
        let app = try S.makeApp(S.configuration { $0.token = "s3cret-token" })
        try await app.test(.router) { client in
            for (path, type) in [("/", "text/html; charset=utf-8"), ("/app.js", "text/javascript; charset=utf-8"),
                                 ("/app.css", "text/css; charset=utf-8")] {
                let response = try await client.execute(uri: path, method: .get)
                XCTAssertEqual(response.status, .ok, path)
                XCTAssertEqual(response.headers[.contentType], type)
                let policy = try XCTUnwrap(response.headers[.contentSecurityPolicy])
                XCTAssertTrue(policy.contains("default-src 'self'") && policy.contains("script-src 'self'")
                              && !policy.contains("unsafe"), policy)
                XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff")
                XCTAssertEqual(response.headers[.referrerPolicy], "no-referrer")
                XCTAssertEqual(response.headers[.cacheControl], "no-cache")
                XCTAssertEqual(Int(response.headers[.contentLength] ?? ""), response.body.readableBytes)
                let etag = try XCTUnwrap(response.headers[.eTag])
                let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
                XCTAssertEqual(again.status, .notModified, path)
                XCTAssertEqual(again.body.readableBytes, 0)
            }
            // The API behind the page still needs the token.
            let styles = try await client.execute(uri: "/v1/styles", method: .get)
            XCTAssertEqual(styles.status, .unauthorized)
        }
    }

    func testPageHasNoInlineScriptNoExternalResourcesAndLabelledControls() {
        let html = FrontPage.html
        XCTAssertTrue(html.contains("<script src=\"/app.js\" defer></script>"))
        XCTAssertEqual(html.components(separatedBy: "<script").count, 2, "one script element, no inline script")
        XCTAssertFalse(html.contains("style=\""), "no inline style (the policy forbids it)")
        XCTAssertFalse(html.range(of: #" on[a-z]+="#, options: .regularExpression) != nil, "no inline event handlers")
        for text in [html, FrontPage.css, FrontPage.javascript] {
            XCTAssertNil(text.range(of: #"(src|href)="?(https?:)?//"#, options: .regularExpression), "no external resource")
            XCTAssertFalse(text.contains("@import"))
            XCTAssertFalse(text.contains("url(http"))
        }
        // Every input, select and textarea has a label naming it.
        let ids = matches(#"<(?:input|select|textarea)[^>]*\bid="([^"]+)""#, in: html)
        XCTAssertEqual(Set(ids), ["token", "file", "csv-title", "paste", "paste-format", "style", "language"])
        for id in ids { XCTAssertTrue(html.contains("<label for=\"\(id)\""), "no label for #\(id)") }
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("name=\"viewport\""))
        XCTAssertTrue(html.contains("role=\"status\" aria-live=\"polite\""))
        XCTAssertTrue(html.contains("keeps nothing"), "the page says nothing is kept")
    }

    func testScriptNeverParsesTextAsMarkup() {
        let script = FrontPage.javascript
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                     "setAttribute('on", "localStorage"] {
            XCTAssertFalse(script.contains(sink), "app.js uses \(sink)")
        }
        // The token is kept for the tab only, and every API call asks the server to keep nothing.
        XCTAssertTrue(script.contains("sessionStorage"))
        XCTAssertTrue(script.contains("'Cache-Control': 'no-store'"))
        XCTAssertTrue(script.contains("'Authorization'] = 'Bearer '"))
    }

    func testNoStoreRequestsLeaveNothingInTheCache() async throws {
        let service = RenderService(configuration: S.configuration(), logger: S.quietLogger)
        let app = try FolioServer.makeApplication(configuration: service.configuration, logger: S.quietLogger, service: service)
        try await app.test(.router) { client in
            var headers = S.yamlHeaders
            headers[.cacheControl] = "no-cache, no-store"
            for _ in 0..<2 {
                let response = try await client.execute(uri: "/v1/charts/targets", method: .post, headers: headers,
                                                        body: S.buffer(S.sampleYAML))
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.folioCache], "off")
                XCTAssertNotNil(response.headers[.eTag])
            }
            XCTAssertEqual(service.cache.byteCount, 0)
            let stored = try await client.execute(uri: "/v1/charts/targets", method: .post, headers: S.yamlHeaders,
                                                  body: S.buffer(S.sampleYAML))
            XCTAssertEqual(stored.headers[.folioCache], "miss")
            XCTAssertGreaterThan(service.cache.byteCount, 0)
        }
    }

    /// WCAG 2 contrast of the page's colour pairs, read from the style sheet's custom properties:
    /// 4.5:1 for text, 3:1 for focus rings and control borders.
    func testColoursMeetWCAGAAContrast() throws {
        var colours: [String: (Double, Double, Double)] = [:]
        for match in try NSRegularExpression(pattern: #"--([a-z-]+): #([0-9a-f]{6});"#)
            .matches(in: FrontPage.css, range: NSRange(FrontPage.css.startIndex..., in: FrontPage.css)) {
            let name = String(FrontPage.css[Range(match.range(at: 1), in: FrontPage.css)!])
            let hex = Int(FrontPage.css[Range(match.range(at: 2), in: FrontPage.css)!], radix: 16)!
            colours[name] = (Double(hex >> 16) / 255, Double(hex >> 8 & 0xFF) / 255, Double(hex & 0xFF) / 255)
        }
        func luminance(_ name: String) throws -> Double {
            let (r, g, b) = try XCTUnwrap(colours[name], "no --\(name) in app.css")
            func linear(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
            return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
        }
        func ratio(_ a: String, _ b: String) throws -> Double {
            let (x, y) = (try luminance(a), try luminance(b))
            return (max(x, y) + 0.05) / (min(x, y) + 0.05)
        }
        let text = [("ink", "paper"), ("ink", "wash"), ("ink", "error-wash"), ("ink", "warning-wash"), ("ink", "hl"),
                    ("quiet", "paper"), ("quiet", "wash"), ("accent", "paper"), ("accent", "wash"),
                    ("on-accent", "accent"), ("on-accent", "accent-dark"), ("error", "paper"), ("error", "error-wash"),
                    ("warning", "paper"), ("warning", "warning-wash"), ("good", "paper"), ("good", "wash")]
        for (foreground, background) in text {
            XCTAssertGreaterThanOrEqual(try ratio(foreground, background), 4.5, "\(foreground) on \(background)")
        }
        for (foreground, background) in [("focus", "paper"), ("focus", "wash"), ("focus", "hl"), ("line", "paper"), ("accent", "paper")] {
            XCTAssertGreaterThanOrEqual(try ratio(foreground, background), 3, "\(foreground) on \(background)")
        }
    }

    private func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
