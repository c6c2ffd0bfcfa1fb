import Foundation

/// The Equal Earth projection (Šavrič, Patterson and Jenny, "The Equal Earth map projection",
/// International Journal of Geographical Information Science 33(3), 2019), on the unit sphere.
///
/// Equal-area, so a country's share of the map is its share of the world and large northern
/// countries do not dwarf Africa, as they do in Web Mercator; pseudocylindrical with straight
/// parallels, so it reads like the familiar world map. Robinson is not equal-area; Mollweide and
/// Eckert IV are, but squeeze the poles more. Coordinates: x east, y north, radius 1.
public enum EqualEarth {
    static let a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796
    static let m = 3.0.squareRoot() / 2

    /// x of the map's edge at the equator (λ = ±180°): half the map's width.
    public static let maxX = project(longitude: 180, latitude: 0).x
    /// y of the poles: half the map's height.
    public static let maxY = project(longitude: 0, latitude: 90).y

    /// Projects a point given in degrees.
    public static func project(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        let lambda = longitude * .pi / 180
        let theta = asin(m * sin(latitude * .pi / 180))
        let t2 = theta * theta, t6 = t2 * t2 * t2
        let x = lambda * cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
        let y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
        return (x, y)
    }
}
