import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The page a browser gets at `GET /`: a form to check a report and download what Folio makes
/// of it, for people who do not use a terminal.
///
/// Everything is inside the binary (Swift string literals, no resource bundle, no CDN, no build
/// step) so the page works on a network with no way out. The markup, the style sheet and the
/// script are three routes so that the Content-Security-Policy can forbid inline script and
/// style: the page runs only `/app.js` from this server and talks only to this server.
/// These routes are outside `/v1/`, so they need no token: the page must load to ask for one.
enum FrontPage {
    /// One file the page is made of, with its validator.
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
        var etag: String

        init(_ text: String, contentType: String) {
            bytes = Array(text.utf8)
            self.contentType = contentType
            etag = "\"" + SHA256.hex(bytes).prefix(32) + "\""
        }
    }

    static let page = Asset(html, contentType: "text/html; charset=utf-8")
    static let script = Asset(javascript, contentType: "text/javascript; charset=utf-8")
    static let styleSheet = Asset(css, contentType: "text/css; charset=utf-8")

    /// Scripts and styles from this server only (no inline ones), images from here or from the
    /// blob URLs the script makes of chart previews, no plug-ins, no framing, no form posts.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    static func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in response(page, for: request) }
        router.get("/app.js") { request, _ in response(script, for: request) }
        router.get("/app.css") { request, _ in response(styleSheet, for: request) }
    }

    /// The asset, or 304 when the browser already holds it. `no-cache` makes the browser ask each
    /// time, so a new binary's page is picked up at once; the ETag makes asking cheap.
    static func response(_ asset: Asset, for request: Request) -> Response {
        var headers: HTTPFields = [
            .eTag: asset.etag, .cacheControl: "no-cache", .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer", .xFrameOptions: "DENY",
        ]
        if RenderService.ifNoneMatch(request.headers[values: .ifNoneMatch], matches: asset.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = asset.contentType
        headers[.contentLength] = String(asset.bytes.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
