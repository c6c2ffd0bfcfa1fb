import FolioLanguage
@testable import FolioLayout
import FolioModel
import XCTest

/// How the edition words a report's counts: the default unit from the catalogue, other units as
/// the data writes them, territories apart.
final class EditionWordingTests: XCTestCase {
    func indicator(unit: String = Indicator.defaultUnit, target: Int = 10, territories: Int = 0) -> Indicator {
        let members = (0..<24).map { CountryEntry(name: "Country \($0)") }
        let places = (0..<territories).map { CountryEntry(name: "Territory \($0)", isTerritory: true) }
        return Indicator(id: "1.1", description: "d", unit: unit, target: target, countries: ["Africa": members + places])
    }

    func testEnglishCountsMembersAndTerritoriesApart() throws {
        let english = Edition.english
        XCTAssertEqual(english.resultText(indicator(territories: 1)), "24 member States and 1 territory")
        XCTAssertEqual(english.targetText(indicator(target: 1)), "1 member State")
        XCTAssertEqual(english.targetText(indicator(unit: "countries", target: 1)), "1 country")
        let french = try CatalogueLibrary.bundled().edition("fr")
        XCTAssertEqual(french.resultText(indicator(territories: 2)), "24 États Membres et 2 territoires")
        XCTAssertEqual(french.targetText(indicator(target: 1)), "1 État Membre")
    }

    func testAnIndicatorWithoutAUnitPrintsTheNumberAlone() throws {
        let french = try CatalogueLibrary.bundled().edition("fr")
        XCTAssertEqual(Edition.english.count(1600, unit: ""), "1,600")
        XCTAssertEqual(french.count(1600, unit: ""), french.number(1600))
        XCTAssertEqual(Edition.english.count(1, unit: "countries"), "1 country")
    }
}
