/// Limits that keep `ReportLoader.check` bounded in time and memory on hostile input
/// (the same loader serves an HTTP endpoint), and how data without Folio's own structure
/// (IATI activity files) is mapped onto a report.
public struct LoadOptions: Sendable {
    /// Files above this size are refused before any parsing.
    public var maxBytes: Int = 16 << 20
    /// Most nodes the document may expand to, YAML aliases counted at every use (XML: elements).
    public var maxNodes: Int = 1_000_000
    /// The regions IATI recipient countries are grouped in; nil for the UN M49 regions Folio ships.
    public var regionTable: RegionTable?
    /// Which recipient countries of IATI activities a period lists.
    public var iatiCount: IATICountRule = .achieved

    public init(maxBytes: Int = 16 << 20, maxNodes: Int = 1_000_000, regionTable: RegionTable? = nil,
                iatiCount: IATICountRule = .achieved) {
        self.maxBytes = maxBytes
        self.maxNodes = maxNodes
        self.regionTable = regionTable
        self.iatiCount = iatiCount
    }
}
