import Crypto

/// SHA-256 as Folio uses it: fingerprints of input data (builds, PDF keywords) and ETags, as
/// lowercase hexadecimal. The digest itself is swift-crypto's (BoringSSL on Linux, CryptoKit on
/// Apple platforms); this keeps the callers' one-line form.
public enum SHA256 {
    /// Lowercase hexadecimal digest.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest(bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = Crypto.SHA256()
        let hashedInPlace: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if hashedInPlace == nil { hasher.update(data: Array(bytes)) }
        return Array(hasher.finalize())
    }
}
