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

/// A build's deck on the organisation's template: rebuilt when the template changes, and a broken
/// template fails that target (with the file's name) and keeps its previous output.
final class DeckTemplateBuildTests: XCTestCase {
    func testATemplateChangeRebuildsAndABrokenOneKeepsTheDeck() throws {
        let project = try BuildTestProject()
        try project.write("data/a.yaml", BuildTestProject.report(title: "A"))
        let maker = BuildTestProject.packageRoot.appendingPathComponent("Tests/FolioSlidesTests/Fixtures/make-template.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", maker.path, project.url("org.pptx").path]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python-pptx makes the template (Scripts/setup.sh installs it)")
        try project.age("org.pptx", by: 60)
        try project.writeBuildFile("sources: {a: data/a.yaml}\ntargets:\n  - deck: a\n    style: styles/small.yaml\n    template: org.pptx\n")
        let first = try project.build()
        XCTAssertEqual(first.failed, [])
        let deck = try project.read("Output/a.pptx")
        XCTAssertEqual(try project.build().built.count, 0, "nothing changed")
        try project.write("org.pptx", "not a deck")
        let broken = try project.build()
        XCTAssertEqual(broken.failed.map(\.reason), [.invalidStyle])
        XCTAssertTrue(broken.failed.first?.messages.first?.contains("org.pptx: not a usable PowerPoint deck or template") == true,
                      "\(broken.failed)")
        XCTAssertEqual(try project.read("Output/a.pptx"), deck, "the previous deck is kept")
    }

    /// A template named by the style sheet is an input too: a new template makes a new deck.
    func testAStyleSheetsTemplateIsAnInputOfItsDecks() throws {
        let project = try BuildTestProject()
        try project.write("data/a.yaml", BuildTestProject.report(title: "A"))
        let maker = BuildTestProject.packageRoot.appendingPathComponent("Tests/FolioSlidesTests/Fixtures/make-template.py")
        try FileManager.default.createDirectory(at: project.url("styles"), withIntermediateDirectories: true)
        func python(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "python-pptx makes the template (Scripts/setup.sh installs it)")
        }
        try python([maker.path, project.url("styles/org.pptx").path])
        try project.age("styles/org.pptx", by: 60)
        try project.write("styles/org.yaml", "extends: default\ntemplate: org.pptx\n")
        try project.writeBuildFile("sources: {a: data/a.yaml}\ntargets:\n  - deck: a\n    style: styles/org.yaml\n")
        XCTAssertEqual(try project.build().failed, [])
        XCTAssertEqual(try project.build().built.count, 0, "nothing changed")
        // The same template under another title: still usable, other bytes.
        try python(["-c", "import sys; from pptx import Presentation; p = Presentation(sys.argv[1]); "
                    + "p.core_properties.title = 'Other'; p.save(sys.argv[1])", project.url("styles/org.pptx").path])
        let rebuilt = try project.build()
        XCTAssertEqual(rebuilt.built.map(\.id), ["Output/a.pptx"], "the deck is made again on the new template")
    }
}
