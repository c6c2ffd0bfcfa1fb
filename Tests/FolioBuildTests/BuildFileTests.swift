@testable import FolioBuild
import FolioModel
import Foundation
import XCTest

/// folio.yaml: what it accepts, and the precise errors for what it refuses.
final class BuildFileTests: XCTestCase {
    let folder = URL(fileURLWithPath: "/tmp/project")

    func errors(_ text: String) -> [String] {
        do {
            _ = try Project.parse(Data(text.utf8), directory: folder)
            return []
        } catch let error as BuildFileError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    func testTheExampleLoadsWithEveryKind() throws {
        let project = try Project.parse(Data(ExampleProject.buildFile.utf8), directory: folder)
        XCTAssertEqual(project.sources.map(\.name), ["outcome4"])
        XCTAssertEqual(project.targets.map(\.id), ["Output/outcome4.pdf", "Output/outcome4-countries", "Output/outcome4-charts",
                                                   "Output/outcome4.pptx"])
        XCTAssertEqual(project.targets.map(\.kind), [.briefing, .countries, .charts, .deck])
        XCTAssertEqual(project.targets[2].formats, [.png, .svg])
        XCTAssertEqual(project.targets[2].scales, [1, 2])
        XCTAssertEqual(project.targets[3].style, "slides")
        XCTAssertEqual(project.stateFolder, "Output")
    }

    func testWhatCountsAsAnOutputForServing() throws {
        let project = try Project.parse(Data(ExampleProject.buildFile.utf8), directory: folder)
        for path in ["Output/outcome4.pdf", "Output/outcome4-countries/peru.pdf", "Output/outcome4-charts/charts.json",
                     "Output/outcome4.pptx", "Output/changes.md", "Output/changes.json"] {
            XCTAssertTrue(project.isOutput(path), path)
        }
        for path in ["data/outcome4.yaml", "folio.yaml", "Output/.folio-state.json", "Output/outcome4-countries/../../folio.yaml",
                     "/etc/passwd", "Output/outcome4-countries", "Output/outcome4-countries/x/y.pdf", "Output/other.pdf",
                     "Output/outcome4-countries/.peru.pdf.Ab12Cd", "", "Output//outcome4.pdf"] {
            XCTAssertFalse(project.isOutput(path), path)
        }
    }

    func testPatternsDefaultsAndSourceLists() throws {
        let project = try Project.parse(Data("""
            sources: {a: a.yaml, b: b.json, c: csv/}
            targets:
              - briefing: "*"
                style: letter
                output: out/{style}/{name}.pdf
              - deck: [a, c]
            """.utf8), directory: folder)
        XCTAssertEqual(project.targets.map(\.id), ["out/letter/a.pdf", "out/letter/b.pdf", "out/letter/c.pdf",
                                                   "Output/a.pptx", "Output/c.pptx"])
        XCTAssertEqual(project.source(named: "c")?.url.path, "/tmp/project/csv")
    }

    func testUnreadableBuildFilesNameLineColumnAndKey() {
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    stlye: default\n"),
                       ["folio.yaml:5:5: targets[0].stlye: unknown key \"stlye\"; did you mean \"style\"?"])
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: b\n"),
                       ["folio.yaml:4:15: targets[0].briefing: no source \"b\" in sources:; the sources are a"])
        XCTAssertEqual(errors("sources: [a]\ntargets: []\n").first,
                       "folio.yaml:1:10: sources: expected a mapping of source names to data files, like `outcome4: data/outcome4.yaml`")
        XCTAssertTrue(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: [unclosed\n").first?.hasPrefix("folio.yaml:") == true)
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - charts: a\n    formats: [png, gif]\n"),
                       ["folio.yaml:5:20: targets[0].formats[1]: expected png, svg or pdf"])
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    output: Output/{nmae}.pdf\n"),
                       ["folio.yaml:5:13: targets[0].output: unknown placeholder {nmae} in output; the placeholders are {name}, {style} and {lang}"])
        XCTAssertEqual(errors("sources:\n  ../a: a.yaml\ntargets: []\n").count, 1)
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - deck: a\n    formats: [png]\n"),
                       ["folio.yaml:5:5: targets[0].formats: formats is for chart sets"])
    }

    func testLanguagesMakeOneEditionEachAndNeedLangInTheOutput() throws {
        let project = try Project.parse(Data("""
            sources: {a: a.yaml}
            targets:
              - briefing: a
                languages: [en, fr, es]
                output: out/{name}-{lang}.pdf
              - charts: a
                languages: [ar]
                output: out/charts
            """.utf8), directory: folder)
        XCTAssertEqual(project.targets.map(\.id), ["out/a-en.pdf", "out/a-fr.pdf", "out/a-es.pdf", "out/charts"])
        XCTAssertEqual(project.targets.map(\.language), ["en", "fr", "es", "ar"])
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    languages: [en, fr]\n    output: out/a.pdf\n"),
                       ["folio.yaml:4:5: targets[0].output: this target makes one output per language (en, fr), so output needs {lang}"])
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    languages: [fr, ../x]\n    output: out/{lang}.pdf\n"),
                       ["folio.yaml:5:21: targets[0].languages[1]: expected a BCP 47 language tag such as en, fr or es-419"])
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    output: out/{lang}.pdf\n"),
                       ["folio.yaml:5:13: targets[0].output: output uses {lang} but the target lists no languages:"])
    }

    func testOutputsLeavingTheProjectAreRefused() {
        for output in ["../elsewhere/{name}.pdf", "Output/../../x.pdf", "/etc/{name}.pdf"] {
            let found = errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    output: \(output)\n")
            XCTAssertEqual(found.count, 1, output)
            XCTAssertTrue(found.first?.contains("folio.yaml:5:13: targets[0].output:") == true, "\(found)")
            XCTAssertTrue(found.first?.contains("outside the project folder") == true, "\(found)")
        }
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    output: Output/.hidden.pdf\n").count, 1)
        XCTAssertEqual(errors("sources:\n  a: a.yaml\ntargets:\n  - briefing: a\n    output: Output/changes.md.pdf\n"), [])
    }

    func testTwoTargetsWritingOneFileAreRefused() {
        let found = errors("""
            sources: {a: a.yaml, b: b.yaml}
            targets:
              - briefing: a
                output: Output/report.pdf
              - briefing: b
                output: Output/./report.pdf
            """)
        XCTAssertEqual(found, ["folio.yaml:5:5: targets (line 5): two targets write Output/report.pdf: the briefing of a (line 3) "
                               + "and the briefing of b"])
        XCTAssertEqual(errors("sources: {a: a.yaml, b: b.yaml}\ntargets:\n  - briefing: \"*\"\n    output: Output/one.pdf\n"),
                       ["folio.yaml:4:13: targets[0].output: this target makes one output per source (2 sources), so output needs {name}"])
        let nested = errors("sources: {a: a.yaml}\ntargets:\n  - countries: a\n    output: Output/x\n  - briefing: a\n    output: Output/x/a.pdf\n")
        XCTAssertEqual(nested.count, 1)
        XCTAssertTrue(nested.first?.contains("is inside Output/x") == true, "\(nested)")
        XCTAssertEqual(errors("sources: {a: a.yaml}\ntargets:\n  - briefing: a\n    output: a.yaml.pdf\n"), [])
        XCTAssertEqual(errors("sources: {a: a.pdf}\ntargets:\n  - briefing: a\n    output: a.pdf\n").count, 1,
                       "an output must not overwrite a source")
    }

    func testHostileBuildFilesAreErrorsNotCrashes() {
        let cases = ["", "---\n", "[1, 2]", "sources: &a {x: *a}", String(repeating: "[", count: 5000),
                     "sources:\n  a: a.yaml\ntargets:\n  - {briefing: a, charts: a}\n", "\u{FEFF}sources: 3\ntargets: 4\n"]
        for text in cases {
            XCTAssertFalse(errors(text).isEmpty, text.prefix(40).description)
        }
    }
}
