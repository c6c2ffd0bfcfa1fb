import HTTPTypes
import Hummingbird

/// The `Authorization: Bearer <token>` check itself, shared by the middleware and by routes that
/// check again behind it.
enum BearerToken {
    static func check(_ request: Request, token: [UInt8]) throws {
        guard let header = request.headers[.authorization] else {
            throw ProblemDetails.unauthorized("this server needs a bearer token: send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              constantTimeEqual(Array(parts[1].trimmingCharacters(in: .whitespaces).utf8), token) else {
            throw ProblemDetails.unauthorized("the bearer token is not valid")
        }
    }

    /// Whether `a` and `b` are equal, in a time that depends only on their lengths: every byte
    /// position up to the longer length is compared, and a length difference counts in full (a
    /// difference of 256 must not fold to 0, as it would truncated to a byte).
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = a.count ^ b.count
        for index in 0..<max(a.count, b.count) {
            difference |= Int((index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0))
        }
        return difference == 0
    }
}
