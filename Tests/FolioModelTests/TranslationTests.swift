import Foundation
import XCTest
import FolioModel

/// Text fields in several languages: how each format gives them, and what the model keeps.
final class TranslationTests: XCTestCase {
    static let yaml = """
        title: {en: Programme implementation, fr: Exécution du programme, es: Aplicación del programa}
        period: "2014–15"
        regions:
          - {en: Africa, fr: Afrique}
          - Arab States
        outcomes:
          - id: "4"
            title:
              en: Social security
              fr: Sécurité sociale
            indicators:
              - id: "4.1"
                description: {en: Member States that improve their systems, fr: États Membres qui améliorent leurs systèmes}
                unit: {en: member States, fr: États Membres, es: Estados Miembros}
                target: 2
                countries:
                  Africa: [{name: Côte d’Ivoire, code: CIV}]
                  Arab States: [{name: Occupied Palestinian Territory, territory: true, code: PSE}, Jordan]
            narrative:
              - heading: {en: Partnerships, fr: Partenariats}
                paragraphs:
                  - en: The ILO led.
                    fr: L’OIT a dirigé.
                  - Only in English.
            outputs:
              - category: {en: Capacity development, es: Desarrollo de capacidades}
                items: [Academy]

        """

    func testEachTextKeepsItsTranslationsBesideTheDataLanguage() throws {
        let result = check(Self.yaml)
        XCTAssertEqual(result.diagnostics, [])
        let report = try XCTUnwrap(result.report)
        XCTAssertEqual(report.title, "Programme implementation")
        XCTAssertEqual(report.regions, ["Africa", "Arab States"])
        XCTAssertEqual(report.outcomes[0].indicators[0].unit, "member States")
        XCTAssertEqual(report.outcomes[0].narrative[0].paragraphs, ["The ILO led.", "Only in English."])
        XCTAssertEqual(report.translations["title"], Translation(["fr": "Exécution du programme", "es": "Aplicación del programa"]))
        XCTAssertEqual(report.translations["regions[0]"], Translation(["fr": "Afrique"]))
        XCTAssertEqual(report.translations["outcomes[0].narrative[0].paragraphs[0]"], Translation(["fr": "L’OIT a dirigé."]))
        XCTAssertEqual(report.translations["outcomes[0].outputs[0].category"], Translation(["es": "Desarrollo de capacidades"]))
        XCTAssertNil(report.translations["period"])
        XCTAssertNil(report.translations["outcomes[0].narrative[0].paragraphs[1]"])
        XCTAssertEqual(report.locations["outcomes[0].title"], FieldLocation(file: "test.yaml", line: 9, column: 7))
        XCTAssertEqual(report.locations["outcomes[0].indicators[0].description"], FieldLocation(file: "test.yaml", line: 13, column: 22))
        XCTAssertEqual(report.locations["period"], FieldLocation(file: "test.yaml", line: 2, column: 9))
        let entries = report.outcomes[0].indicators[0].countries
        XCTAssertEqual(entries["Africa"], [CountryEntry(name: "Côte d’Ivoire", code: "CIV")])
        XCTAssertEqual(entries["Arab States"], [CountryEntry(name: "Occupied Palestinian Territory", isTerritory: true, code: "PSE"),
                                                CountryEntry(name: "Jordan")])
    }

    func testTheDataLanguagePicksThePlainText() throws {
        let result = check("language: fr\ntitle: {en: Programme implementation, fr: Exécution du programme, es: Aplicación del programa}\n"
                           + "outcomes: [{id: \"4\", title: Sécurité sociale}]\n")
        let report = try XCTUnwrap(result.report, "\(result.diagnostics)")
        XCTAssertEqual(report.title, "Exécution du programme")
        XCTAssertEqual(report.translations["title"], Translation(["en": "Programme implementation", "es": "Aplicación del programa"]))
        XCTAssertNil(report.translations["outcomes[0].title"])
    }

    func testATranslatedTextNeedsTheDataLanguage() {
        assertDiagnostics(check("language: es\ntitle: {en: T, fr: T fr}\noutcomes:\n  - id: \"4\"\n    title: O\n"), [
            "test.yaml:2:8: title: no \"es\" text (the data's language); every translated text needs one",
        ])
    }

    func testABrokenLanguageIsReportedOnceAndTextsTakeTheDefault() {
        assertDiagnostics(check("language: fr_FR\ntitle: {en: T, fr: T fr}\noutcomes: [{id: \"4\", title: O}]\n"), [
            "test.yaml:1:11: language: expected a language tag such as \"en\" or \"fr-CA\", found \"fr_FR\"",
        ])
    }

    func testTranslationsFollowTheFieldsRules() {
        assertDiagnostics(check(validYAML(replacingLine: 7, with: "        description: {en: Members, fr: \"\", de: [x]}")), [
            "test.yaml:7:40: outcomes[0].indicators[0].description.fr: must not be empty",
            "test.yaml:7:48: outcomes[0].indicators[0].description.de: expected text, found a list",
        ])
    }

    func testACountryCodeMustBeText() {
        assertDiagnostics(check(validYAML(replacingLine: 11, with: "          Africa: [{name: Ethiopia, code: [ETH]}, Niger]")), [
            "test.yaml:11:43: outcomes[0].indicators[0].countries.Africa[0].code: expected text, found a list",
        ])
    }

    // MARK: CSV folders

    func testCSVColumnsGiveTranslationsAndCodes() throws {
        let result = checkCSV([
            "report.yaml": "title: {en: T, fr: T fr}\n",
            "indicators.csv": """
                outcome,outcome_title,indicator,description,unit,target,outcome_title_fr,Description_fr-CA,unit_es
                4,Social security,4.1,Members improve,member States,2,Sécurité sociale,Les membres,Estados Miembros
                4,,4.2,Second,,1,,,

                """,
            "countries.csv": "indicator,region,country,territory,code\n4.1,Africa,Viet Nam,,VNM\n4.2,Africa,Niger,,\n",
        ])
        XCTAssertEqual(result.diagnostics, [])
        let report = try XCTUnwrap(result.report)
        XCTAssertEqual(report.outcomes[0].title, "Social security")
        XCTAssertEqual(report.translations["title"], Translation(["fr": "T fr"]))
        XCTAssertEqual(report.translations["outcomes[0].title"], Translation(["fr": "Sécurité sociale"]))
        XCTAssertEqual(report.translations["outcomes[0].indicators[0].description"], Translation(["fr-CA": "Les membres"]))
        XCTAssertEqual(report.translations["outcomes[0].indicators[0].unit"], Translation(["es": "Estados Miembros"]))
        XCTAssertNil(report.translations["outcomes[0].indicators[1].description"])
        XCTAssertEqual(report.locations["outcomes[0].indicators[0].description"], FieldLocation(file: "indicators.csv", line: 2, column: 4))
        XCTAssertEqual(report.outcomes[0].indicators[0].countries["Africa"], [CountryEntry(name: "Viet Nam", code: "VNM")])
        XCTAssertEqual(report.outcomes[0].indicators[1].countries["Africa"], [CountryEntry(name: "Niger")])
    }

    func testCSVTranslationProblemsArePlacedAtTheirCells() {
        let result = checkCSV(ValidCSV.with("indicators.csv", """
            outcome,outcome_title,indicator,description,unit,target,result,unit_fr,outcome_title_fr
            4,Social security,4.1,Members improve,,10,3,États Membres,Sécurité sociale
            4,,4.2,Second,,1,,,Protection sociale

            """))
        assertDiagnostics(result, [
            "indicators.csv:2:8: warning: unit_fr: ignored: this row has no unit in \"en\" to translate",
            "indicators.csv:3:9: outcome_title_fr: differs from the title given for outcome \"4\" on line 2",
        ])
    }

    // MARK: Writers

    func testWritersCarryTranslationsAndCodesThroughEveryFormat() throws {
        let report = try XCTUnwrap(check(Self.yaml).report)
        let yaml = ReportYAMLWriter.yaml(report)
        let fromYAML = ReportLoader.check(data: Data(yaml.utf8), fileName: "r.yaml", format: .yaml)
        XCTAssertEqual(fromYAML.diagnostics, [])
        let json = ReportJSONWriter.json(try XCTUnwrap(fromYAML.report))
        let fromJSON = ReportLoader.check(data: Data(json.utf8), fileName: "r.json", format: .json)
        XCTAssertEqual(fromJSON.diagnostics, [])
        let csv = ReportCSVWriter.files(try XCTUnwrap(fromJSON.report))
        let fromCSV = ReportLoader.checkCSV(files: csv.mapValues { Data($0.utf8) })
        XCTAssertEqual(fromCSV.diagnostics, [])
        let back = ReportLoader.check(data: Data(ReportYAMLWriter.yaml(try XCTUnwrap(fromCSV.report)).utf8), fileName: "r.yaml", format: .yaml)
        XCTAssertEqual(back.report, report)
        XCTAssertEqual(back.report?.translations, report.translations)
        XCTAssertEqual(back.report?.outcomes[0].indicators[0].countries, report.outcomes[0].indicators[0].countries)
        // The same text, whatever format it went through.
        XCTAssertEqual(ReportYAMLWriter.yaml(try XCTUnwrap(back.report)), yaml)
    }

    func testYAMLWriterGivesEachLanguageALine() throws {
        let yaml = ReportYAMLWriter.yaml(try XCTUnwrap(check(Self.yaml).report))
        XCTAssertTrue(yaml.hasPrefix("""
            title:
              en: Programme implementation
              es: Aplicación del programa
              fr: Exécution du programme
            period: "2014–15"
            regions:
              - en: Africa
                fr: Afrique
              - Arab States

            """), yaml)
        XCTAssertTrue(yaml.contains("""
                narrative:
                  - heading:
                      en: Partnerships
                      fr: Partenariats
                    paragraphs:
                      - en: The ILO led.
                        fr: L’OIT a dirigé.
                      - Only in English.

            """), yaml)
        XCTAssertTrue(yaml.contains("- {name: Occupied Palestinian Territory, territory: true, code: PSE}\n"), yaml)
    }

    func testCSVWriterAddsColumnsOnlyForWhatTheDataHas() throws {
        let files = ReportCSVWriter.files(try XCTUnwrap(check(Self.yaml).report))
        XCTAssertEqual(files["indicators.csv"]?.split(separator: "\n").first,
                       "outcome,outcome_title,indicator,description,unit,target,result,outcome_title_fr,description_fr,unit_es,unit_fr")
        XCTAssertEqual(files["countries.csv"]?.split(separator: "\n").first, "indicator,region,country,territory,code")
        let plain = ReportCSVWriter.files(ValidCSV.model)
        XCTAssertEqual(plain["indicators.csv"]?.split(separator: "\n").first, "outcome,outcome_title,indicator,description,unit,target,result")
        XCTAssertEqual(plain["countries.csv"]?.split(separator: "\n").first, "indicator,region,country,territory")
    }
}
