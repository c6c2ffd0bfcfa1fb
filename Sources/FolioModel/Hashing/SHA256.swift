import COpenSSL

/// SHA-256 as Folio uses it: fingerprints of input data (builds, PDF keywords) and ETags, as
/// lowercase hexadecimal. The digest itself is OpenSSL's (the system's libcrypto, through its
/// one-shot `EVP_Digest`, which is safe on any thread); this keeps the callers' one-line form.
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
        let hashed: [UInt8]? = bytes.withContiguousStorageIfAvailable { digest(UnsafeRawBufferPointer($0)) }
        return hashed ?? Array(bytes).withUnsafeBytes { digest($0) }
    }

    private static func digest(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // An empty buffer has no address: OpenSSL reads nothing when the count is 0.
        let status = EVP_Digest(buffer.baseAddress, buffer.count, &output, &length, EVP_sha256(), nil)
        precondition(status == 1 && length == 32, "OpenSSL's SHA-256 failed")
        return Array(output.prefix(32))
    }
}
