import Foundation
import XCTest
import FolioModel

/// `Report.edition(language:)`: the texts of one language, and a warning at every text the data lacks in it.
final class TranslatedEditionTests: XCTestCase {
    func report(_ yaml: String = TranslationTests.yaml) throws -> Report {
        let result = check(yaml)
        return try XCTUnwrap(result.report, "\(result.diagnostics)")
    }

    func testAnEditionTakesItsLanguageAndWarnsWhereItFallsBack() throws {
        let (edition, diagnostics) = try report().edition(language: "fr")
        XCTAssertEqual(edition.language, "fr")
        XCTAssertEqual(edition.title, "Exécution du programme")
        XCTAssertEqual(edition.period, "2014–15")
        XCTAssertEqual(edition.outcomes[0].title, "Sécurité sociale")
        XCTAssertEqual(edition.outcomes[0].indicators[0].description, "États Membres qui améliorent leurs systèmes")
        XCTAssertEqual(edition.outcomes[0].indicators[0].unit, "États Membres")
        XCTAssertEqual(edition.outcomes[0].narrative[0].paragraphs, ["L’OIT a dirigé.", "Only in English."])
        XCTAssertEqual(edition.translations, [:])
        XCTAssertEqual(diagnostics.map(\.description), [
            "test.yaml:2:9: warning: period: no \"fr\" text; using \"en\"",
            "test.yaml:5:5: warning: regions[1]: no \"fr\" text; using \"en\"",
            "test.yaml:24:13: warning: outcomes[0].narrative[0].paragraphs[1]: no \"fr\" text; using \"en\"",
            "test.yaml:26:19: warning: outcomes[0].outputs[0].category: no \"fr\" text; using \"en\"",
            "test.yaml:27:17: warning: outcomes[0].outputs[0].items[0]: no \"fr\" text; using \"en\"",
        ])
    }

    func testRegionsAndCountriesAreRenamedEverywhere() throws {
        let (edition, _) = try report().edition(
            language: "fr-CA", regionNames: ["Africa": "Afrique (catalogue)", "Arab States": "États arabes"],
            countryName: { entry, language in entry.code.map { "\($0) in \(language)" } })
        // The data's own translation of a region wins over the catalogue's.
        XCTAssertEqual(edition.regions, ["Afrique", "États arabes"])
        let countries = edition.outcomes[0].indicators[0].countries
        XCTAssertEqual(Set(countries.keys), ["Afrique", "États arabes"])
        XCTAssertEqual(countries["Afrique"], [CountryEntry(name: "CIV in fr-CA", code: "CIV")])
        XCTAssertEqual(countries["États arabes"]?.map(\.name), ["PSE in fr-CA", "Jordan"])
        XCTAssertEqual(edition.title, "Exécution du programme", "fr-CA takes the fr text")
    }

    func testTheDataLanguageEditionIsTheReportUnchanged() throws {
        let report = try report()
        var asked = false
        let (edition, diagnostics) = report.edition(language: "en", regionNames: ["Africa": "Afrika"]) { _, _ in
            asked = true
            return "renamed"
        }
        XCTAssertEqual(edition, report)
        XCTAssertEqual(edition.translations, report.translations)
        XCTAssertEqual(diagnostics, [])
        XCTAssertFalse(asked, "the data's spelling is kept in the data's language")
    }

    func testDataWithoutAnyTextInTheLanguageGetsOneWarning() throws {
        let (edition, diagnostics) = try report(validYAML).edition(language: "es", regionNames: ["Africa": "África"])
        XCTAssertEqual(diagnostics.map(\.description), ["test.yaml:1:8: warning: no \"es\" text in the data; every text stays in \"en\""])
        XCTAssertEqual(edition.title, "ILO programme implementation 2014–15")
        XCTAssertEqual(edition.regions.first, "África")
        XCTAssertEqual(edition.outcomes[0].indicators[0].entries(in: "África").map(\.name), ["Ethiopia", "Niger"])
    }

    func testCSVFallbacksArePlacedAtTheirCells() throws {
        let result = checkCSV(ValidCSV.with("indicators.csv", """
            outcome,outcome_title,indicator,description,unit,target,result,description_es
            4,More people have access to social security,4.1,Number of member States,,10,3,Número de Estados Miembros

            """))
        let (edition, diagnostics) = try XCTUnwrap(result.report).edition(language: "es")
        XCTAssertEqual(edition.outcomes[0].indicators[0].description, "Número de Estados Miembros")
        // Regions and the unit are Folio's defaults, not written in the data: the catalogue's to name.
        // A CSV folder's files come by name.
        XCTAssertEqual(diagnostics.map(\.description), [
            "indicators.csv:2:2: warning: outcomes[0].title: no \"es\" text; using \"en\"",
            "report.yaml:1:8: warning: title: no \"es\" text; using \"en\"",
        ])
    }

    func testTheSampleHasEveryTextInFrenchAndSpanish() throws {
        let sample = try sampleReport()
        for language in ["fr", "es"] {
            let (edition, diagnostics) = sample.edition(language: language)
            XCTAssertEqual(diagnostics, [], language)
            XCTAssertNotEqual(edition.title, sample.title, language)
            XCTAssertTrue(Set(edition.regions).isDisjoint(with: sample.regions), language)
            XCTAssertEqual(Set(edition.outcomes[0].indicators[1].countries.keys), Set(edition.regions), language)
            let english = sample.outcomes[0].narrative.flatMap(\.paragraphs) + sample.outcomes[0].outputs.flatMap(\.items)
            let translated = edition.outcomes[0].narrative.flatMap(\.paragraphs) + edition.outcomes[0].outputs.flatMap(\.items)
            XCTAssertEqual(translated.count, english.count)
            XCTAssertTrue(zip(english, translated).allSatisfy { $0 != $1 }, language)
        }
    }
}
