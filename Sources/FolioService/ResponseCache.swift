import FolioModel
import Foundation
import NIOCore

/// Rendered responses by request fingerprint, least recently used dropped first, bounded by bytes.
///
/// The key is also the response's strong ETag: the SHA-256 of everything that decides the output
/// (engine version, route, every parameter with its default filled in, the style, the media type
/// and the body). Rendering is deterministic (fixed PDF dates, bundled fonts), so equal keys mean
/// byte-identical responses, on every replica running the same build.
public final class ResponseCache: @unchecked Sendable {
    public struct Entry: Sendable {
        public var body: ByteBuffer
        public var contentType: String
        public var fileName: String
    }

    public let capacity: Int
    private let lock = NSLock()
    private var entries: [String: Node] = [:]
    // Doubly linked recency list: `head` most recent.
    private var head: Node?
    private var tail: Node?
    private(set) var bytes = 0

    private final class Node {
        let key: String
        let entry: Entry
        var previous: Node?
        var next: Node?
        init(key: String, entry: Entry) { self.key = key; self.entry = entry }
        var cost: Int { entry.body.readableBytes + key.utf8.count + 128 }
    }

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    public var isEnabled: Bool { capacity > 0 }

    public var count: Int {
        lock.lock(); defer { lock.unlock() }
        return entries.count
    }

    public var byteCount: Int {
        lock.lock(); defer { lock.unlock() }
        return bytes
    }

    public func get(_ key: String) -> Entry? {
        lock.lock(); defer { lock.unlock() }
        guard let node = entries[key] else { return nil }
        unlink(node)
        pushFront(node)
        return node.entry
    }

    /// Stores `entry` unless it alone would take more than an eighth of the cache.
    public func put(_ key: String, _ entry: Entry) {
        let node = Node(key: key, entry: entry)
        guard isEnabled, node.cost <= capacity / 8 else { return }
        lock.lock(); defer { lock.unlock() }
        if let old = entries.removeValue(forKey: key) {
            unlink(old)
            bytes -= old.cost
        }
        entries[key] = node
        pushFront(node)
        bytes += node.cost
        while bytes > capacity, let last = tail {
            unlink(last)
            entries.removeValue(forKey: last.key)
            bytes -= last.cost
        }
    }

    private func unlink(_ node: Node) {
        node.previous?.next = node.next
        node.next?.previous = node.previous
        if head === node { head = node.next }
        if tail === node { tail = node.previous }
        node.previous = nil
        node.next = nil
    }

    private func pushFront(_ node: Node) {
        node.next = head
        head?.previous = node
        head = node
        if tail == nil { tail = node }
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
