import Foundation
import XCTest
import FolioModel

/// `notes:` on the report, an outcome and an indicator, and the report's `source:`: read in both
/// forms, translated, checked and written back.
final class NotesTests: XCTestCase {
    static let withNotes = """
        title: Notes
        source: National labour force surveys
        notes: [Figures are rounded., {en: Two offices reported late., fr: Deux bureaux ont rendu leurs chiffres en retard.}]
        outcomes:
          - id: "1"
            title: Jobs
            notes: Outcome-wide caveat.
            indicators:
              - id: "1.1"
                description: Countries with a policy
                notes: "Provisional: awaiting confirmation."
                target: 3
                result: 1
                countries: {Africa: [Kenya]}

        """

    func testNotesAreReadAsListsInEitherFormWithTheirTranslations() throws {
        let result = check(Self.withNotes)
        assertDiagnostics(result, [])
        let report = try XCTUnwrap(result.report)
        XCTAssertEqual(report.source, "National labour force surveys")
        XCTAssertEqual(report.notes, ["Figures are rounded.", "Two offices reported late."])
        XCTAssertEqual(report.outcomes[0].notes, ["Outcome-wide caveat."])
        XCTAssertEqual(report.outcomes[0].indicators[0].notes, ["Provisional: awaiting confirmation."])
        let french = report.edition(language: "fr").report
        XCTAssertEqual(french.notes[1], "Deux bureaux ont rendu leurs chiffres en retard.")
        XCTAssertEqual(french.notes[0], "Figures are rounded.", "an untranslated note stays in the data's language")
    }

    func testNotesSurviveYAMLAndJSON() throws {
        let report = try XCTUnwrap(check(Self.withNotes).report)
        for (text, format) in [(ReportYAMLWriter.yaml(report), InputFormat.yaml), (ReportJSONWriter.json(report), .json)] {
            let again = check(text, format)
            assertDiagnostics(again, [])
            XCTAssertEqual(again.report, report, "\(format)")
            XCTAssertEqual(again.report?.translations, report.translations, "\(format)")
        }
    }

    func testNotesSurviveACSVFolderWithTranslations() throws {
        var report = try XCTUnwrap(check(Self.withNotes).report)
        report.outcomes[0].indicators[0].notes.append("Second line.")
        report.translations["outcomes[0].indicators[0].notes[1]"] = Translation(["fr": "Deuxième ligne."])
        let files = ReportCSVWriter.files(report)
        XCTAssertTrue(try XCTUnwrap(files["indicators.csv"]).hasPrefix("outcome,outcome_title,indicator,description,unit,target,result,notes,notes_fr\n"),
                      files["indicators.csv"] ?? "")
        let again = checkCSV(files)
        assertDiagnostics(again, [])
        XCTAssertEqual(again.report, report)
        XCTAssertEqual(again.report?.translations, report.translations)
    }

    func testCSVNotesTranslationsNeedOneLinePerNote() throws {
        let files = ValidCSV.with("indicators.csv", """
            outcome,outcome_title,indicator,description,target,result,notes,notes_fr
            4,Social security,4.1,Policies,10,2,"One.\nTwo.",Un.

            """)
        let result = checkCSV(files)
        XCTAssertNil(result.report)
        XCTAssertTrue(result.diagnostics.contains { $0.file == "indicators.csv" && $0.line == 2 && $0.column == 8 }, "\(result.diagnostics)")
    }

    func testEmptyOrMistypedNotesAreLocatedErrors() {
        let empty = check(Self.withNotes.replacingOccurrences(of: "notes: Outcome-wide caveat.", with: "notes: \"\""))
        XCTAssertNil(empty.report)
        XCTAssertTrue(empty.diagnostics.contains { $0.line == 7 && $0.path == "outcomes[0].notes[0]" }, "\(empty.diagnostics)")
        let typo = check(Self.withNotes.replacingOccurrences(of: "    notes: Outcome", with: "    note: Outcome"))
        XCTAssertTrue(typo.diagnostics.contains { $0.line == 7 && $0.message.contains("did you mean \"notes\"") }, "\(typo.diagnostics)")
    }
}
