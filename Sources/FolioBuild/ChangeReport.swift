import FolioModel
import Foundation

/// `changes.md` and `changes.json`: what the last build changed, for the person who publishes the
/// outputs to check before sending them — the figures that moved, the countries added and removed,
/// the sources that were refused (and so still show their previous version), the files rewritten.
struct ChangeReport {
    var changes: [DataChanges]
    var built: [TargetReport]
    var failed: [TargetFailure]

    func markdown() -> String {
        var lines = ["# What changed", ""]
        if changes.isEmpty {
            lines.append("No figures changed in any source since its last successful build.")
            lines.append("")
        }
        for change in changes {
            lines.append("## \(change.source) (`\(change.path)`)")
            lines.append("")
            if change.firstBuild {
                lines.append("First build of this source: \(Self.count(change.indicatorCount, "indicator")), "
                             + "data SHA-256 `\(change.fingerprint.prefix(16))`.")
                lines.append("")
                continue
            }
            lines.append("Data SHA-256 `\(change.previousFingerprint?.prefix(16) ?? "")` → `\(change.fingerprint.prefix(16))`.")
            lines.append("")
            if !change.hasFigureChanges {
                lines.append("No target, result or country list changed (only other text).")
                lines.append("")
                continue
            }
            for indicator in change.changed {
                lines.append("### Indicator \(indicator.id)" + (indicator.period.map { ", \($0)" } ?? "") + " (outcome \(indicator.outcome))")
                lines.append("")
                lines.append(Self.quote(indicator.description))
                lines.append("")
                if let target = indicator.target { lines.append("- Target: \(Self.number(target.old)) → \(Self.number(target.new))") }
                if let result = indicator.result { lines.append("- Result: \(Self.number(result.old)) → \(Self.number(result.new))") }
                if !indicator.countriesAdded.isEmpty {
                    lines.append("- Countries added: " + Self.countries(indicator.countriesAdded))
                }
                if !indicator.countriesRemoved.isEmpty {
                    lines.append("- Countries removed: " + Self.countries(indicator.countriesRemoved))
                }
                lines.append("")
            }
            for (title, list) in [("Indicators added", change.added), ("Indicators removed", change.removed)] where !list.isEmpty {
                lines.append("### \(title)")
                lines.append("")
                for figures in list {
                    lines.append("- \(figures.id)" + (figures.period.map { ", \($0)" } ?? "") + " (outcome \(figures.outcome)): target \(figures.target), result \(Self.number(figures.result)), "
                                 + Self.count(figures.countries.values.reduce(0) { $0 + $1.count }, "country", "countries"))
                }
                lines.append("")
            }
        }
        if !failed.isEmpty {
            lines.append("## Not updated")
            lines.append("")
            lines.append("These targets failed; readers still have their previous outputs.")
            lines.append("")
            for failure in failed {
                lines.append("- `\(failure.id)` (\(failure.kind.rawValue) of \(failure.source)):")
                lines.append("")
                lines.append("  ```")
                failure.messages.forEach { lines.append("  " + $0) }
                lines.append("  ```")
            }
            lines.append("")
        }
        let written = built.flatMap(\.written), removed = built.flatMap(\.removed)
        lines.append("## Files")
        lines.append("")
        if written.isEmpty && removed.isEmpty { lines.append("No output file changed.") }
        written.forEach { lines.append("- written: `\($0)`") }
        removed.forEach { lines.append("- removed: `\($0)`") }
        return lines.joined(separator: "\n") + "\n"
    }

    func json() throws -> [UInt8] {
        struct Body: Encodable {
            var changes: [DataChanges]
            var failed: [TargetFailure]
            var written: [String]
            var removed: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(Body(changes: changes, failed: failed, written: built.flatMap(\.written),
                                             removed: built.flatMap(\.removed)))) + [10]
    }

    static func number(_ value: Int?) -> String { value.map(String.init) ?? "none" }

    static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + (n == 1 ? one : many ?? one + "s")
    }

    /// "Kenya, Uganda (Africa); Peru (Americas)".
    static func countries(_ list: [DataChanges.CountryInRegion]) -> String {
        var groups: [(String, [String])] = []
        for item in list {
            if groups.last?.0 == item.region { groups[groups.count - 1].1.append(item.country) } else { groups.append((item.region, [item.country])) }
        }
        return groups.map { $0.1.joined(separator: ", ") + " (\($0.0))" }.joined(separator: "; ")
    }

    /// A quoted paragraph, each line prefixed so a newline in the data cannot start a heading.
    static func quote(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    }
}
