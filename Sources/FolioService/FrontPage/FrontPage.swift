import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// The page a browser gets at `GET /`: a form to check a report and download what Folio makes
/// of it, for people who do not use a terminal.
///
/// The page is three files under `Resources/FrontPage/` (`index.html`, `app.css`, `app.js`),
/// compiled into the binary with SwiftPM's `.embedInCode` (no resource bundle beside the binary,
/// no CDN, no build step), so the page works on a network with no way out. The markup, the style sheet and the
/// script are three routes so that the Content-Security-Policy can forbid inline script and
/// style: the page runs only `/app.js` from this server and talks only to this server.
/// These routes are outside `/v1/`, so they need no token: the page must load to ask for one.
enum FrontPage {
    /// One file the page is made of, with its validator.
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
        var etag: String

        init(_ bytes: [UInt8], contentType: String) {
            self.bytes = bytes
            self.contentType = contentType
            etag = "\"" + SHA256.hex(bytes).prefix(32) + "\""
        }
    }

    static let page = Asset(PackageResources.index_html, contentType: "text/html; charset=utf-8")
    static let script = Asset(PackageResources.app_js, contentType: "text/javascript; charset=utf-8")
    static let styleSheet = Asset(PackageResources.app_css, contentType: "text/css; charset=utf-8")

    /// The markup, the script and the style sheet as text (for tests and checks).
    static var html: String { String(decoding: page.bytes, as: UTF8.self) }
    static var javascript: String { String(decoding: script.bytes, as: UTF8.self) }
    static var css: String { String(decoding: styleSheet.bytes, as: UTF8.self) }

    /// Scripts and styles from this server only (no inline ones), images from here or from the
    /// blob URLs the script makes of chart previews, no plug-ins, no framing, no form posts.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

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
