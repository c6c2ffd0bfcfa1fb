import FolioLanguage
import FolioModel
import Foundation

/// What a world map shows: which indicator's countries (all of the outcome's by default), and the
/// one country a per-country briefing puts forward.
public struct MapOptions: Sendable, Equatable {
    /// An indicator id of the outcome; nil maps every country the outcome lists.
    public var indicator: String?
    /// ISO 3166-1 alpha-3 code of the one country to colour (a country briefing); the others listed stay neutral.
    public var highlight: String?

    public init(indicator: String? = nil, highlight: String? = nil) {
        self.indicator = indicator; self.highlight = highlight
    }
}

/// Where results were achieved, on a world map: each country listed filled with its region's
/// colour (the regions chart's palette), the others a light neutral.
///
/// Equal Earth (`EqualEarth`), cropped to 58° S–84° N: Antarctica is left out, as results maps
/// of this kind do, which gives the inhabited world 20 % more of the space. No graticule or sphere
/// outline: at slide and A4 size they only compete with the countries. A listed country whose
/// shape would cover less than a dot's area at this size (Tuvalu, Malta, Barbados) is drawn as a
/// dot at its label point, so every listed country can be seen. The geography is never mirrored
/// (Arabic editions mirror legend and text only). The UN disclaimer stands under every map.
struct MapChart {
    var outcome: Outcome
    var report: Report
    var options: MapOptions
    var world: WorldMap?
    var table: CountryTable?

    static let southernmost = -58.0, northernmost = 84.0

    /// The countries the map colours, by code, and the entries it could not place.
    struct Listing {
        struct Entry { var code: String; var name: String; var region: Int; var isTerritory: Bool }
        var entries: [Entry] = []
        var unplaced: [String] = []
        func count(inRegion region: Int) -> Int { entries.filter { $0.region == region }.count }
    }

    var indicators: [Indicator] {
        guard let id = options.indicator else { return outcome.indicators }
        return outcome.indicators.filter { $0.id == id }
    }

    /// The ISO alpha-3 code of a name the outcome lists (its `code` if the data gives one), or nil
    /// when the country table cannot place it.
    static func code(of name: String, in outcome: Outcome, report: Report, table: CountryTable? = CountryTable.bundled) -> String? {
        for indicator in outcome.indicators {
            for region in report.regions {
                for entry in indicator.entries(in: region) where entry.name == name {
                    if let code = entry.code, let country = table?.country(code: code) { return country.alpha3 }
                }
            }
        }
        return table?.country(named: name, language: report.language)?.alpha3
    }

    func listing() -> Listing {
        var listing = Listing()
        var seen: Set<String> = []
        var unplacedSeen: Set<String> = []
        for indicator in indicators {
            for (regionIndex, region) in report.regions.enumerated() {
                for entry in indicator.entries(in: region) {
                    let country = entry.code.flatMap { table?.country(code: $0) }
                        ?? table?.country(named: entry.name, language: report.language)
                    guard let code = country?.alpha3, world?.place(code: code) != nil else {
                        if unplacedSeen.insert(entry.name).inserted { listing.unplaced.append(entry.name) }
                        continue
                    }
                    if options.highlight != nil && options.highlight != code { continue }
                    guard seen.insert(code).inserted else { continue }
                    listing.entries.append(.init(code: code, name: entry.name, region: regionIndex, isTerritory: entry.isTerritory))
                }
            }
        }
        return listing
    }

    func layout(size: Size, look: ChartLook, measurer: TextMeasurer) -> Frame {
        let style = look.style
        let edition = look.edition
        let listing = listing()
        var legend: [LegendEntry] = []
        if options.highlight != nil {
            // A country briefing's map: the one country, named, in its region's colour.
            for entry in listing.entries {
                legend.append(LegendEntry(color: style.regionColor(at: entry.region), label: entry.name))
            }
        } else {
            for (index, region) in report.regions.enumerated() {
                let count = listing.count(inRegion: index)
                legend.append(LegendEntry(color: style.regionColor(at: index),
                                          label: edition.text("chart.map.legend_region", ["region": region, "count": edition.number(count)])))
            }
        }
        if listing.entries.contains(where: \.isTerritory) {
            legend.append(LegendEntry(color: style.regionColor(at: 0), label: edition.text("chart.map.territory"), mark: .outlined))
        }
        legend.append(LegendEntry(color: MapChart.neutral(style), label: edition.text("chart.map.not_listed")))

        // The outcome's and the report's notes, as under every chart; indicators' notes need the
        // indicator labels they are marked at, which a map has not.
        var notes = ChartNotes(report: report, outcome: outcome, indicators: [], edition: edition).lines
        if !listing.unplaced.isEmpty {
            notes.append(edition.count("chart.map.unplaced", listing.unplaced.count))
        }
        notes.append(style.mapDisclaimer.isEmpty ? edition.text("chart.map.disclaimer") : style.mapDisclaimer)
        var subtitle: String? = options.highlight == nil ? edition.heading(outcome) : nil
        if let id = options.indicator, let heading = subtitle {
            subtitle = edition.text("chart.map.subtitle_indicator", ["outcome": heading, "id": id])
        }
        // The legend explains dots only when the map draws some, which depends on the room the
        // legend leaves: lay out with the key, and again without it if no country needed a dot.
        func scaffold(dotKey: Bool) -> ChartScaffold {
            var entries = legend
            if dotKey {
                entries.append(LegendEntry(color: style.mutedTextColor, label: edition.text("chart.map.dot"), mark: .dot))
            }
            return ChartScaffold(size: size, title: edition.text("chart.map.title"), subtitle: subtitle, legend: entries,
                                 source: edition.sourceLine(report), notes: notes, look: look, measurer: measurer)
        }
        var chosen = scaffold(dotKey: true)
        guard let world else { return chosen.withNote(edition.text("chart.map.no_data"), look: look) }
        var drawing = geography(world: world, listing: listing, area: chosen.body, look: look)
        if drawing.dots == 0 {
            chosen = scaffold(dotKey: false)
            drawing = geography(world: world, listing: listing, area: chosen.body, look: look)
        }
        var frame = chosen.frame
        frame.append(.group(drawing.frame, origin: Point(x: 0, y: 0), scale: 1))
        return frame
    }

    /// The countries, boundaries and dots, in a frame that keeps its geography when mirrored.
    private func geography(world: WorldMap, listing: Listing, area: Rect, look: ChartLook) -> (frame: Frame, dots: Int) {
        let style = look.style
        let top = EqualEarth.project(longitude: 0, latitude: MapChart.northernmost).y
        let bottom = EqualEarth.project(longitude: 0, latitude: MapChart.southernmost).y
        let scale = min(area.width / (2 * EqualEarth.maxX), area.height / (top - bottom))
        let originX = area.minX + area.width / 2, originY = area.minY + (area.height - (top - bottom) * scale) / 2 + top * scale
        // Points snap to a quarter of a unit (a quarter pixel, a tenth of a millimetre in a PDF) and
        // repeats are dropped: a small map keeps a fraction of the points, and since both neighbours
        // of a boundary snap the same points the same way, no sliver opens between them.
        func point(_ lon: Double, _ lat: Double) -> Point {
            let p = EqualEarth.project(longitude: lon, latitude: max(lat, MapChart.southernmost))
            return Point(x: ((originX + p.x * scale) * 4).rounded() / 4, y: ((originY - p.y * scale) * 4).rounded() / 4)
        }
        func line(_ points: [(longitude: Double, latitude: Double)]) -> [Point] {
            var out: [Point] = []
            out.reserveCapacity(points.count)
            for position in points {
                let next = point(position.longitude, position.latitude)
                if out.last != next { out.append(next) }
            }
            return out
        }
        var map = Frame(size: Size(width: area.maxX + look.padding, height: area.maxY + look.padding))
        map.mirrors = false
        let neutral = MapChart.neutral(style)
        let listed = Dictionary(listing.entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let boundary = Stroke(color: style.chartBackground ?? .white, width: max(0.3, 0.55 * look.scale))
        // A listed country whose shapes together cover less than 0.6 of a dot-wide square
        // (Malta, Barbados, Lebanon at slide size) is drawn as a dot as well, so it can be seen.
        let dot = max(3, 5.5 * look.scale)
        var dots: [(Point, Color, Bool)] = []
        for place in world.places where place.code != "ATA" {
            let pieces = place.rings.map(line).filter { $0.count > 2 }
            let entry = listed[place.code]
            let fill = entry.map { entry -> Color in
                let color = style.regionColor(at: entry.region)
                return entry.isTerritory ? MapChart.lighter(color) : color
            } ?? neutral
            if !pieces.isEmpty {
                map.append(.path(PathItem(pieces: pieces, closed: true, fill: fill, stroke: nil)))
                if let entry, entry.isTerritory {
                    map.append(.path(PathItem(pieces: pieces, closed: true, fill: nil,
                                              stroke: Stroke(color: style.regionColor(at: entry.region), width: max(0.5, 1.1 * look.scale)))))
                }
            }
            if let entry, pieces.map(MapChart.area).reduce(0, +) < dot * dot * 0.6 {
                dots.append((point(place.label.longitude, place.label.latitude), style.regionColor(at: entry.region), entry.isTerritory))
            }
        }
        let land = world.boundaries.filter { !$0.disputed }.map { line($0.points) }
        map.append(.path(PathItem(pieces: land, closed: false, fill: nil, stroke: boundary)))
        let disputed = world.boundaries.filter(\.disputed).map { line($0.points) }
        map.append(.path(PathItem(pieces: disputed, closed: false, fill: nil,
                                  stroke: Stroke(color: style.mutedTextColor, width: max(0.4, 0.7 * look.scale),
                                                 dash: [max(1.8, 2.6 * look.scale), max(1.2, 1.8 * look.scale)]))))
        // A dot has a thin dark rim, so it reads as a point symbol on the sea, on neutral land and on
        // a neighbour of its own colour alike; a territory's dot is lighter inside, as its shape is.
        let rim = max(0.4, 0.6 * look.scale)
        func disc(_ center: Point, _ diameter: Double, _ color: Color) -> FrameItem {
            .line(from: center, to: center, stroke: Stroke(color: color, width: diameter, cap: .round))
        }
        for (center, color, territory) in dots {
            map.append(disc(center, dot + 2 * rim, style.textColor))
            map.append(disc(center, dot, color))
            if territory { map.append(disc(center, dot - 2.2 * look.scale, MapChart.lighter(color))) }
        }
        return (map, dots.count)
    }

    /// The fill of countries not listed: a light warm grey that recedes behind every region colour.
    static func neutral(_ style: Style) -> Color { Color(red: 0.87, green: 0.87, blue: 0.85) }

    /// A territory's fill: its region's colour, half-way to white, under an outline of the full colour.
    static func lighter(_ color: Color) -> Color {
        Color(red: 1 - (1 - color.red) * 0.45, green: 1 - (1 - color.green) * 0.45, blue: 1 - (1 - color.blue) * 0.45)
    }

    /// Area of a closed ring (shoelace), in the frame's units squared.
    static func area(_ ring: [Point]) -> Double {
        guard ring.count > 2 else { return 0 }
        var sum = 0.0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            sum += a.x * b.y - b.x * a.y
        }
        return abs(sum) / 2
    }
}
