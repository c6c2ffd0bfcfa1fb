import FolioLayout
import FolioModel
import Foundation
import XCTest

/// Header and footer templates, sections and the logo's place, without Cairo.
final class BrandLayoutTests: XCTestCase {
    func testTemplatesReadFieldsAndBracesAsPlainText() throws {
        let template = try FieldTemplate.parse("<i>{title}</i> {{{page}}} & {pages}")
        XCTAssertEqual(template.filled([.title: "T", .page: "3", .pages: "9"], phrase: "x"), "<i>T</i> {3} & 9")
        XCTAssertThrowsError(try FieldTemplate.parse("Page {pag}")) { error in
            let failure = error as? FieldTemplate.ParseError
            XCTAssertEqual(failure?.offset, 5)
            XCTAssertTrue(failure?.message.contains("did you mean \"{page}\"?") == true, "\(String(describing: failure))")
        }
        XCTAssertThrowsError(try FieldTemplate.parse("{title")) { XCTAssertEqual(($0 as? FieldTemplate.ParseError)?.offset, 0) }
        XCTAssertThrowsError(try FieldTemplate.parse("a } b")) { XCTAssertEqual(($0 as? FieldTemplate.ParseError)?.offset, 2) }
    }

    func testDefaultFooterKeepsTheCataloguePhrase() {
        XCTAssertEqual(RunningLine.standardFooter.right.filled([.page: "3"], phrase: "Page 3 of 12"), "Page 3 of 12")
        XCTAssertEqual(RunningLine.standardHeader.right.filled([.outcome: "Outcome 4"], phrase: ""), "Outcome 4")
    }

    func testHeaderLogoSitsOnTheMarginAndPushesTheHeaderTextAside() throws {
        var style = Style.standard
        let image = EmbeddedImage(kind: .png, bytes: [1, 2, 3], naturalSize: Size(width: 200, height: 100))
        style.logo = Logo(image: image, file: "logo.png", source: Logo.Source(sheet: "s.yaml", line: 1, column: 1))
        style.logo?.headerHeight = 16
        let report = Fixtures.report
        let document = try BriefingLayout(style: style, measurer: Fixtures.measurer).document(for: report)
        let bodyPage = try XCTUnwrap(document.pages.last)
        let logos = bodyPage.frame.items.compactMap { item -> Rect? in if case .image(let image) = item { return image.rect } else { return nil } }
        XCTAssertEqual(logos, [Rect(x: style.margins.left, y: style.margins.top - 22 - 16, width: 32, height: 16)])
        let headerTexts = bodyPage.frame.items.compactMap { item -> TextItem? in
            if case .text(let text) = item, text.origin.y == style.margins.top - 22 { return text } else { return nil }
        }
        XCTAssertEqual(headerTexts.first?.origin.x, style.margins.left + 32 + 8)
        let cover = try XCTUnwrap(document.pages.first)
        XCTAssertTrue(cover.frame.items.contains { if case .image(let image) = $0 { return image.rect.width == 120 } else { return false } })
        XCTAssertEqual(document.figureAlternatives.first, "Logo of \(report.organization ?? "")")
    }
}
