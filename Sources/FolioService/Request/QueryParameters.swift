import FolioModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// A request's query string, checked: each parameter at most once, only the ones the route knows,
/// `+` read as a space and percent escapes decoded. Anything else is a 400 naming the parameter.
struct QueryParameters: Sendable {
    private(set) var values: [String: String] = [:]

    init(_ uri: URI, allowed: Set<String>) throws {
        guard let query = uri.query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw ProblemDetails.badParameter("the query string has a malformed percent escape: \"\(pair.prefix(80))\"")
            }
            guard allowed.contains(name) else {
                let known = allowed.sorted().joined(separator: ", ")
                throw ProblemDetails.badParameter("unknown query parameter \"\(name.prefix(40))\""
                                                  + (known.isEmpty ? "; this route takes none" : "; this route takes \(known)"))
            }
            guard values[name] == nil else { throw ProblemDetails.badParameter("query parameter \"\(name)\" is given twice") }
            values[name] = value
        }
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(_ name: String) -> String? { values[name] }

    /// A whole number in `range`, or nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw ProblemDetails.badParameter("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), "
                                              + "found \"\(text.prefix(40))\"")
        }
        return value
    }

    /// A number in `range` (exclusive of `0` when `positive`), or nil when absent.
    func number(_ name: String, above lower: Double, atMost upper: Double) throws -> Double? {
        guard let text = values[name] else { return nil }
        guard let value = Double(text), value.isFinite, value > lower, value <= upper else {
            throw ProblemDetails.badParameter("\(name) must be a number more than \(Self.format(lower)) and at most \(Self.format(upper)), "
                                              + "found \"\(text.prefix(40))\"")
        }
        return value
    }

    /// A date `2016-03-01` or `2016-03-01T12:00:00Z` on the calendar (`DocumentDate.parse`), or nil when absent.
    func date(_ name: String) throws -> Date? {
        guard let text = values[name] else { return nil }
        do { return try DocumentDate.parse(text, setting: name) } catch { throw ProblemDetails.badParameter(error.description) }
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
