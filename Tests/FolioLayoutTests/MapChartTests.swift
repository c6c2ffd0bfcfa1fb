@testable import FolioLayout
import FolioLanguage
import FolioModel
import XCTest

/// The world map's maths and layout, without Cairo: the projection against PROJ, the asset against
/// itself, which countries get colour, dots, and what stays put in a mirrored edition.
final class MapChartTests: XCTestCase {
    // MARK: - Equal Earth

    /// Forward values from PROJ 9.1.1 (`echo LON LAT | proj +proj=eqearth +R=1 -f %.10f`), the
    /// reference implementation the projection's authors contributed.
    func testEqualEarthMatchesPROJ() {
        let references: [(Double, Double, Double, Double)] = [
            (0, 0, 0, 0),
            (180, 0, 2.7066299837, 0),
            (0, 90, 0, 1.3173627592),
            (-180, -90, -1.6035886483, -1.3173627592),
            (30, 45, 0.3866181664, 0.8602310855),
            (-74, 40.7, -0.9818620902, 0.7868414442),
            (151.2, -33.9, 2.0866400672, -0.6652554427),
            (179.2, -8.5, 2.6804503773, -0.1718632713),
            (-5.35, 36.14, -0.0729475636, 0.7059856513),
            (100, -60, 1.1328111598, -1.0883008355),
        ]
        for (lon, lat, x, y) in references {
            let p = EqualEarth.project(longitude: lon, latitude: lat)
            XCTAssertEqual(p.x, x, accuracy: 1e-9, "x at \(lon), \(lat)")
            XCTAssertEqual(p.y, y, accuracy: 1e-9, "y at \(lon), \(lat)")
        }
        XCTAssertEqual(EqualEarth.maxX, 2.7066299837, accuracy: 1e-9)
        XCTAssertEqual(EqualEarth.maxY, 1.3173627592, accuracy: 1e-9)
    }

    // MARK: - The asset

    func testTheBundledAssetReadsAndNoEdgeCrossesTheAntimeridian() throws {
        let world = try XCTUnwrap(WorldMap.bundled, "Assets/map/world.txt not found or broken")
        XCTAssertGreaterThan(world.places.count, 240)
        XCTAssertTrue(world.boundaries.contains(where: \.disputed), "Kosovo, Western Sahara… are marked disputed")
        for place in world.places {
            for ring in place.rings {
                // An edge along a pole (Antarctica's ring runs along 90° S) is the map's bottom edge, not a streak.
                for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) where !(abs(a.latitude) == 90 && a.latitude == b.latitude) {
                    XCTAssertLessThanOrEqual(abs(a.longitude - b.longitude), 180, "\(place.code): an edge would streak across the map")
                }
            }
        }
        // Fiji and Russia straddle ±180°: they come in pieces on both sides.
        for code in ["FJI", "RUS"] {
            let rings = try XCTUnwrap(world.place(code: code)).rings
            XCTAssertTrue(rings.contains { $0.contains { $0.longitude > 170 } } && rings.contains { $0.contains { $0.longitude < -170 } }, code)
        }
    }

    func testEveryPlaceOfTheAssetIsInTheCountryTable() throws {
        let world = try XCTUnwrap(WorldMap.bundled)
        let table = try XCTUnwrap(CountryTable.bundled)
        for place in world.places where place.code != "-" {
            XCTAssertNotNil(table.country(code: place.code), "\(place.code) is not in countries.tsv")
        }
    }

    func testABrokenAssetLineIsReportedWithItsNumber() {
        XCTAssertThrowsError(try WorldMap(text: "# c\nC AFG 1 2\nR 1 2 x 4\n")) { error in
            XCTAssertEqual((error as? WorldMapError)?.line, 3)
        }
        XCTAssertThrowsError(try WorldMap(text: "R 1 2 3 4\n"))
    }

    // MARK: - The chart

    static func report(_ entries: [String: [CountryEntry]]) -> Report {
        let indicator = Indicator(id: "1.1", description: "Countries", target: 5, result: 5, countries: entries)
        return Report(title: "Map", regions: ["Africa", "Americas", "Asia", "Europe", "Oceania"],
                      outcomes: [Outcome(id: "1", title: "Map test", indicators: [indicator])])
    }

    func chart(_ report: Report, options: MapOptions = MapOptions()) -> MapChart {
        MapChart(outcome: report.outcomes[0], report: report, options: options, world: WorldMap.bundled, table: CountryTable.bundled)
    }

    func geography(_ frame: Frame) throws -> Frame {
        for item in frame.items { if case .group(let inner, _, _) = item, !inner.mirrors { return inner } }
        throw XCTSkip("no map drawing in the frame")
    }

    func filledColors(_ frame: Frame) -> [Color] {
        frame.items.compactMap { if case .path(let path) = $0, let fill = path.fill { return fill } else { return nil } }
    }

    func dots(_ frame: Frame) -> [Point] {
        frame.items.compactMap { if case .line(let from, let to, let stroke) = $0, from == to, stroke.cap == .round { return from } else { return nil } }
    }

    func testListedCountriesTakeTheirRegionColourAndTheOthersStayNeutral() throws {
        let report = Self.report(["Africa": [CountryEntry(name: "Ethiopia"), CountryEntry(name: "Niger")],
                                  "Americas": [CountryEntry(name: "Peru")]])
        let frame = ChartKind.map.layout(outcome: report.outcomes[0], report: report, size: Size(width: 800, height: 450),
                                         style: .standard, measurer: Fixtures.measurer)
        let fills = filledColors(try geography(frame))
        XCTAssertEqual(fills.filter { $0 == Style.standard.regionColor(at: 0) }.count, 2)
        XCTAssertEqual(fills.filter { $0 == Style.standard.regionColor(at: 1) }.count, 1)
        XCTAssertGreaterThan(fills.filter { $0 == MapChart.neutral(.standard) }.count, 200)
        assertLegible(frame)
    }

    func testSmallStatesBecomeDotsAndLargeOnesDoNot() throws {
        let report = Self.report(["Oceania": [CountryEntry(name: "Tuvalu"), CountryEntry(name: "Nauru"), CountryEntry(name: "Australia")],
                                  "Europe": [CountryEntry(name: "Malta")], "Americas": [CountryEntry(name: "Barbados")]])
        let look = ChartLook(style: .standard, scale: 1, edition: .english)
        let listing = chart(report).listing()
        XCTAssertEqual(listing.entries.count, 5)
        let frame = chart(report).layout(size: Size(width: 800, height: 450), look: look, measurer: Fixtures.measurer)
        // Each dot is a dark rim and a coloured disc: two round-capped points at one place.
        XCTAssertEqual(Set(dots(try geography(frame)).map { "\($0.x),\($0.y)" }).count, 4, "Tuvalu, Nauru, Malta and Barbados as dots")
    }

    func testACountryBriefingMapColoursOnlyThatCountry() throws {
        let report = Self.report(["Africa": [CountryEntry(name: "Ethiopia"), CountryEntry(name: "Niger")],
                                  "Americas": [CountryEntry(name: "Peru")]])
        let frame = ChartKind.map.layout(outcome: report.outcomes[0], report: report, size: Size(width: 800, height: 450),
                                         style: .standard, measurer: Fixtures.measurer, map: MapOptions(highlight: "NER"))
        let fills = filledColors(try geography(frame))
        XCTAssertEqual(fills.filter { $0 != MapChart.neutral(.standard) }, [Style.standard.regionColor(at: 0)])
        XCTAssertEqual(MapChart.code(of: "Niger", in: report.outcomes[0], report: report), "NER")
    }

    func testAnIndicatorMapShowsOnlyItsCountries() throws {
        var report = Self.report(["Africa": [CountryEntry(name: "Ethiopia")]])
        report.outcomes[0].indicators.append(Indicator(id: "1.2", description: "More", target: 1, result: 1,
                                                       countries: ["Africa": [CountryEntry(name: "Kenya"), CountryEntry(name: "Chad")]]))
        XCTAssertEqual(chart(report, options: MapOptions(indicator: "1.2")).listing().entries.map(\.code), ["KEN", "TCD"])
        XCTAssertEqual(chart(report).listing().entries.map(\.code), ["ETH", "KEN", "TCD"])
    }

    func testUnplacedNamesAreCountedOnTheMapAndInItsAlternativeText() throws {
        let report = Self.report(["Africa": [CountryEntry(name: "Ethiopia"), CountryEntry(name: "Atlantis"), CountryEntry(name: "Zanzibar", isTerritory: true)]])
        let frame = ChartKind.map.layout(outcome: report.outcomes[0], report: report, size: Size(width: 800, height: 450),
                                         style: .standard, measurer: Fixtures.measurer)
        let texts = frame.items.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } }
        XCTAssertTrue(texts.contains("2 listed entries could not be placed on the map."), "\(texts)")
        let alt = ChartKind.map.alternativeText(outcome: report.outcomes[0], report: report)
        XCTAssertTrue(alt.contains("Africa 1") && alt.contains("Ethiopia") && alt.contains("2 listed entries could not be placed"), alt)
    }

    func testTheDisclaimerComesFromTheCatalogueUnlessTheStyleReplacesIt() throws {
        let report = Self.report(["Africa": [CountryEntry(name: "Ethiopia")]])
        func texts(_ style: Style) -> [String] {
            ChartKind.map.layout(outcome: report.outcomes[0], report: report, size: Size(width: 1600, height: 900), style: style,
                                 measurer: Fixtures.measurer).items.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } }
        }
        XCTAssertTrue(texts(.standard).contains { $0.hasPrefix("The boundaries and names shown") })
        var style = Style.standard
        style.mapDisclaimer = "Map for illustration only."
        XCTAssertTrue(texts(style).contains("Map for illustration only."))
        XCTAssertFalse(texts(style).contains { $0.hasPrefix("The boundaries and names shown") })
    }

    func testAMirroredMapKeepsItsGeography() throws {
        let report = Self.report(["Africa": [CountryEntry(name: "Ethiopia")]])
        let frame = ChartKind.map.layout(outcome: report.outcomes[0], report: report, size: Size(width: 800, height: 450),
                                         style: .standard, measurer: Fixtures.measurer)
        let mirrored = frame.mirrored(measurer: Fixtures.measurer)
        XCTAssertEqual(try geography(mirrored), try geography(frame), "the world is not mirrored")
        XCTAssertNotEqual(mirrored.items.first { if case .text = $0 { return true } else { return false } },
                          frame.items.first { if case .text = $0 { return true } else { return false } }, "the text is")
    }
}
