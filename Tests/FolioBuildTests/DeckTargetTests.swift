@testable import FolioBuild
import FolioSlides
import Foundation
import XCTest

/// A deck target's `charts:` and `template:`.
final class DeckTargetTests: XCTestCase {
    let folder = URL(fileURLWithPath: "/tmp/project")

    func testChartsAndTemplateOnADeck() throws {
        let project = try Project.parse(Data("""
            sources: {a: a.yaml}
            targets:
              - deck: a
              - deck: a
                charts: picture
                template: Brand/org.potx
                output: Output/{name}-branded.pptx
            """.utf8), directory: folder)
        XCTAssertEqual(project.targets.map(\.charts), [.native, .picture])
        XCTAssertEqual(project.targets.map(\.template), [nil, "/tmp/project/Brand/org.potx"], "relative to the project")
    }

    func testChartsIsNativeOrPictureAndTemplateOnlyForDecks() {
        func errors(_ text: String) -> [String] {
            do { _ = try Project.parse(Data(text.utf8), directory: folder); return [] } catch let error as BuildFileError {
                return error.diagnostics.map(\.description)
            } catch { return ["\(error)"] }
        }
        let wrong = errors("sources: {a: a.yaml}\ntargets:\n  - deck: a\n    charts: svg\n")
        XCTAssertEqual(wrong.count, 1)
        XCTAssertTrue(wrong.first?.contains("4:13: targets[0].charts: expected native or picture") == true, "\(wrong)")
        let briefing = errors("sources: {a: a.yaml}\ntargets:\n  - briefing: a\n    template: org.potx\n")
        XCTAssertTrue(briefing.first?.contains("template: template is for decks") == true, "\(briefing)")
    }
}
