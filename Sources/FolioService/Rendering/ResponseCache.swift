import FolioModel
import Foundation
import NIOCore
import FolioConcurrency

/// Rendered responses by request fingerprint, least recently used dropped first, bounded by bytes.
///
/// The key is also the response's strong ETag: the SHA-256 of everything that decides the output
/// (engine version, route, every parameter with its default filled in, the style, the media type
/// and the body). Rendering is deterministic (fixed PDF dates, bundled fonts), so equal keys mean
/// byte-identical responses, on every replica running the same build.
public final class ResponseCache: Sendable {
    public struct Entry: Sendable {
        public var body: ByteBuffer
        public var contentType: String
        public var fileName: String
    }

    public let capacity: Int
    /// The entries and their recency; the nodes never leave the mutex (only their `Entry`s do).
    private let state = Guarded(State())

    private final class Node {
        let key: String
        let entry: Entry
        var previous: Node?
        var next: Node?
        init(key: String, entry: Entry) { self.key = key; self.entry = entry }
        var cost: Int { entry.body.readableBytes + key.utf8.count + 128 }
    }

    /// A dictionary for lookup and a doubly linked recency list (`head` most recent) for eviction.
    private struct State {
        var entries: [String: Node] = [:]
        var head: Node?
        var tail: Node?
        var bytes = 0

        mutating func unlink(_ node: Node) {
            node.previous?.next = node.next
            node.next?.previous = node.previous
            if head === node { head = node.next }
            if tail === node { tail = node.previous }
            node.previous = nil
            node.next = nil
        }

        mutating func pushFront(_ node: Node) {
            node.next = head
            head?.previous = node
            head = node
            if tail == nil { tail = node }
        }
    }

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    public var isEnabled: Bool { capacity > 0 }

    public var count: Int {
        state.withLock { $0.entries.count }
    }

    public var byteCount: Int {
        state.withLock { $0.bytes }
    }

    public func get(_ key: String) -> Entry? {
        state.withLock { state in
            guard let node = state.entries[key] else { return nil }
            state.unlink(node)
            state.pushFront(node)
            return node.entry
        }
    }

    /// Stores `entry` unless it alone would take more than an eighth of the cache.
    public func put(_ key: String, _ entry: Entry) {
        let cost = entry.body.readableBytes + key.utf8.count + 128
        guard isEnabled, cost <= capacity / 8 else { return }
        let capacity = self.capacity
        state.withLock { state in
            let node = Node(key: key, entry: entry)
            if let old = state.entries.removeValue(forKey: key) {
                state.unlink(old)
                state.bytes -= old.cost
            }
            state.entries[key] = node
            state.pushFront(node)
            state.bytes += node.cost
            while state.bytes > capacity, let last = state.tail {
                state.unlink(last)
                state.entries.removeValue(forKey: last.key)
                state.bytes -= last.cost
            }
        }
    }

    /// The fingerprint of a request: hex SHA-256 over the engine version, the route, the parameters
    /// (sorted), the body's media type and the body.
    static func key(engine: String, route: String, parameters: [String: String], format: InputFormat, body: [UInt8]) -> String {
        var text = "folio-response-v1\n\(engine)\n\(route)\n"
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) {
            text += "\(name.utf8.count):\(name)=\(value.utf8.count):\(value)\n"
        }
        text += "format=\(format.rawValue)\nbody=\(body.count)\n"
        return SHA256.hex(Array(text.utf8) + body)
    }
}
