/// Limits that keep `ReportLoader.check` bounded in time and memory on hostile input
/// (the same loader serves an HTTP endpoint).
public struct LoadOptions: Sendable {
    /// Files above this size are refused before any parsing.
    public var maxBytes: Int = 16 << 20
    /// Most nodes the document may expand to, YAML aliases counted at every use.
    public var maxNodes: Int = 1_000_000

    public init(maxBytes: Int = 16 << 20, maxNodes: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxNodes = maxNodes
    }
}
