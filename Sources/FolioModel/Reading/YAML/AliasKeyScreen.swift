import Yams

/// Guards Yams against YAML aliases used in mapping keys.
///
/// Yams resolves an alias by copying the anchored node (cheap, copy-on-write), but its
/// duplicate-key check hashes every key in full. A key that is, or contains, an alias to a
/// "billion laughs" node therefore hangs inside Yams, before any of our own traversal can count
/// nodes. Keys in a report are plain text, so keys that are not scalars are refused before the
/// real document is composed.
///
/// The check composes a copy in which every `*name` that may be an alias is replaced by `[ ]`
/// padded to the same length: an empty flow sequence stands wherever the alias stood (same
/// token boundaries, same positions), and inside quoted, plain or block text the replacement
/// only changes characters. Without aliases the copy composes in linear time.
enum AliasKeyScreen {
    /// The copy to compose, or `nil` when no `*` could start an alias (the usual case: no extra work).
    ///
    /// An alias is a node, so it can only stand where a node starts: first on its line, or after
    /// `-`, `?`, `:`, `[`, `{` or `,` with only blanks between. A `*` after an anchor, a tag or other
    /// text is not an alias, or else a syntax error that stops Yams before it hashes any key.
    static func maskedCopy(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var copy: [UInt8]?
        var previous: UInt8? // last non-blank byte on this line; nil at a line start
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case 0x0A, 0x0D:
                previous = nil
            case 0x20, 0x09:
                break
            case UInt8(ascii: "*") where previous.map(canPrecedeNode) ?? true:
                var end = i + 1
                while end < bytes.count, isAnchorCharacter(bytes[end]) { end += 1 }
                guard end > i + 1 else {
                    previous = byte
                    break
                }
                if copy == nil { copy = Array(bytes) }
                copy![i] = UInt8(ascii: "[")
                for k in (i + 1)..<(end - 1) { copy![k] = UInt8(ascii: " ") }
                copy![end - 1] = UInt8(ascii: "]")
                previous = UInt8(ascii: "]")
                i = end - 1
            default:
                previous = byte
            }
            i += 1
        }
        return copy
    }

    private static func canPrecedeNode(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
            return true
        // Last bytes of a byte order mark and of the line breaks NEL, LS and PS, which libyaml also honours.
        case 0xBF, 0x85, 0xA8, 0xA9:
            return true
        default:
            return false
        }
    }

    /// The first key, in document order, that is a sequence or mapping.
    static func firstNonScalarKey(in node: Node) -> Mark? {
        switch node {
        case .scalar, .alias:
            return nil
        case let .sequence(sequence):
            for child in sequence {
                if let mark = firstNonScalarKey(in: child) { return mark }
            }
            return nil
        case let .mapping(mapping):
            for i in mapping.startIndex..<mapping.endIndex {
                let pair = mapping[i]
                if case .scalar = pair.key {} else { return pair.key.mark ?? mapping.mark }
                if let mark = firstNonScalarKey(in: pair.value) { return mark }
            }
            return nil
        }
    }

    static let message = "mapping keys must be plain text; aliases, lists and mappings cannot be used as keys"

    /// libyaml's anchor name characters.
    private static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
