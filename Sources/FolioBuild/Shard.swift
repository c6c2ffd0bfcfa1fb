/// One of N equal parts of a build, for spreading a large regeneration over machines
/// (`folio build --shard K/N`, e.g. one Kubernetes indexed Job completion or CI matrix entry each).
///
/// Targets are sorted by id (their output path) and dealt out in turn, so the parts differ in size by
/// at most one target, every target falls in exactly one part, and the split depends only on the
/// build file, never on the machine or the order shards start in.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= 10_000, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// "2/3".
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The ids of this shard's targets, among all of them.
    public func select(_ ids: [String]) -> Set<String> {
        Set(ids.sorted().enumerated().filter { $0.offset % count == index - 1 }.map(\.element))
    }
}
