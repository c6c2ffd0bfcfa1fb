import FolioLanguage
import Foundation

/// The world's countries as `Assets/map/world.txt` holds them (Natural Earth 1:50m, made by
/// `Scripts/make-world-map`): rings and a label point per ISO 3166-1 alpha-3 code, and the
/// boundary lines between countries, disputed ones marked.
///
/// Kept in degrees, not projected, so that the file serves any projection or crop; projecting the
/// whole world (about 60,000 points) takes about a millisecond.
public struct WorldMap: Sendable {
    public struct Place: Sendable {
        public var code: String
        /// Natural Earth's label point (or the centre of the largest ring), in degrees: where a
        /// country too small to see is drawn as a dot.
        public var label: (longitude: Double, latitude: Double)
        /// Rings as (longitude, latitude) in degrees; outer rings and holes alike. Empty for a
        /// place known only as a point at this scale (Tuvalu).
        public var rings: [[(longitude: Double, latitude: Double)]]
    }

    public struct Boundary: Sendable {
        public var disputed: Bool
        public var points: [(longitude: Double, latitude: Double)]
    }

    public var places: [Place]
    public var boundaries: [Boundary]
    /// Code → index in `places`.
    public let index: [String: Int]

    /// The bundled map, read once per process; nil when `Assets/map/world.txt` is missing or broken.
    public static let bundled: WorldMap? = {
        guard let url = BundledAssets.path("map/world.txt"), let data = try? Data(contentsOf: url),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return try? WorldMap(text: text)
    }()

    public func place(code: String) -> Place? { index[code].map { places[$0] } }

    /// Reads the file's form (see `Assets/map/README.md`).
    /// - Throws: `WorldMapError` with the line of the first malformed record.
    public init(text: String) throws {
        var places: [Place] = []
        var boundaries: [Boundary] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            guard let kind = line.first, kind != "#" else { continue }
            let fields = line.split(separator: " ")
            func numbers(from start: Int) throws -> [(longitude: Double, latitude: Double)] {
                var values: [Int] = []
                values.reserveCapacity(fields.count)
                for field in fields[start...] {
                    guard let value = Int(field) else { throw WorldMapError(line: offset + 1, message: "not a number: \(field)") }
                    values.append(value)
                }
                guard values.count % 2 == 0 else { throw WorldMapError(line: offset + 1, message: "odd number of coordinates") }
                var x = 0, y = 0
                var points: [(longitude: Double, latitude: Double)] = []
                points.reserveCapacity(values.count / 2)
                for pair in stride(from: 0, to: values.count, by: 2) {
                    x += values[pair]; y += values[pair + 1]
                    points.append((Double(x) / 100, Double(y) / 100))
                }
                return points
            }
            switch kind {
            case "C":
                guard fields.count == 4, let lon = Int(fields[2]), let lat = Int(fields[3]) else {
                    throw WorldMapError(line: offset + 1, message: "expected C CODE LONGITUDE LATITUDE")
                }
                places.append(Place(code: String(fields[1]), label: (Double(lon) / 100, Double(lat) / 100), rings: []))
            case "R":
                guard !places.isEmpty else { throw WorldMapError(line: offset + 1, message: "a ring before any country") }
                places[places.count - 1].rings.append(try numbers(from: 1))
            case "B":
                guard fields.count > 2 else { throw WorldMapError(line: offset + 1, message: "expected B KIND POINTS") }
                boundaries.append(Boundary(disputed: fields[1] == "disputed", points: try numbers(from: 2)))
            default:
                throw WorldMapError(line: offset + 1, message: "unknown record \(kind)")
            }
        }
        self.places = places
        self.boundaries = boundaries
        var index: [String: Int] = [:]
        for (position, place) in places.enumerated() { index[place.code] = position }
        self.index = index
    }
}

public struct WorldMapError: Error, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "world.txt:\(line): \(message)" }
}
