/// Which recipient countries of IATI activities a period lists for an indicator.
public enum IATICountRule: String, Sendable, CaseIterable {
    /// Countries whose actual value meets their target in the period (summed over the activities
    /// that name the country): "the countries that achieved it", as Folio's data means.
    case achieved
    /// Every country with an actual value in the period, met or not.
    case reported
}
