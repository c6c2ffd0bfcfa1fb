import Foundation

/// Reads the activities of an `iati-activities` document: the versions Folio knows, the parts a
/// report is made of, every number checked at its attribute.
///
/// Errors that make the whole file unusable as IATI (wrong root, unknown version) are thrown as
/// `ParseFailure`; a bad value is recorded in the sink and reading goes on, so one check shows
/// every bad value in the file.
struct IATIActivityReader {
    static let versions = ["2.01", "2.02", "2.03"]
    /// IATI's ResultType code for outcomes; outputs (1), impacts (3) and others (9) are not read.
    static let outcomeResultType = "2"
    /// IATI's IndicatorMeasure code for counts ("unit"); percentages, nominal, ordinal and
    /// qualitative measures cannot be summed over activities.
    static let unitMeasure = "1"

    let sink: DiagnosticSink
    /// The language of narratives with no `xml:lang` when their activity names none either.
    private(set) var fileLanguage = Report.defaultLanguage
    /// Indicators not read for their measure, by measure code: one warning each, at the first,
    /// as a file may hold hundreds of percentage indicators.
    private var skippedMeasures: [String: (count: Int, position: SourcePosition, path: FieldPath)] = [:]
    /// Rounded values past the first `roundingWarnings`, summed up in one warning at the first of them.
    private let rounded = RoundedValues()
    static let roundingWarnings = 10

    private final class RoundedValues {
        var count = 0
        var firstUnreported: (position: SourcePosition, path: FieldPath)?
    }

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    mutating func activities(_ root: XMLElementNode) throws(ParseFailure) -> [IATIActivity] {
        guard root.name == "iati-activities" else {
            throw ParseFailure(position: root.position, message: "expected an IATI activity file (root element <iati-activities>), "
                               + "found <\(root.name)>")
        }
        guard let version = root.attribute("version") else {
            throw ParseFailure(position: root.position, message: "<iati-activities> has no version; Folio reads IATI "
                               + Self.versions.joined(separator: ", "))
        }
        guard Self.versions.contains(version.value.trimmingCharacters(in: .whitespaces)) else {
            throw ParseFailure(position: version.position, message: "IATI version \(Quoting.quoted(version.value)) is not one "
                               + "Folio reads (\(Self.versions.joined(separator: ", ")))")
        }
        if let language = root.attribute("xml:lang").flatMap({ languageTag($0, path: .root) }) { fileLanguage = language }
        let path = FieldPath.root.appending("iati-activity")
        var activities: [IATIActivity] = []
        for (i, element) in root.children(named: "iati-activity").enumerated() {
            activities.append(activity(element, path: path.appending(i)))
        }
        for (measure, skipped) in skippedMeasures.sorted(by: { $0.value.position < $1.value.position }) {
            let count = skipped.count == 1 ? "indicator" : "\(skipped.count) indicators (this one first)"
            sink.warning("\(count) with measure \(measure) skipped: Folio sums counts (measure 1, \"unit\") only",
                         at: skipped.position, path: skipped.path)
        }
        if let first = rounded.firstUnreported {
            let more = rounded.count - Self.roundingWarnings
            sink.warning("\(more) more value\(more == 1 ? " is" : "s are") not whole numbers and \(more == 1 ? "was" : "were") rounded "
                         + "(this one first)", at: first.position, path: first.path)
        }
        return activities
    }

    private mutating func activity(_ element: XMLElementNode, path: FieldPath) -> IATIActivity {
        let language = element.attribute("xml:lang").flatMap { languageTag($0, path: path) } ?? fileLanguage
        let countries = element.children(named: "recipient-country").compactMap { country -> (String, SourcePosition)? in
            guard let code = country.attribute("code") else { return nil }
            return (code.value.trimmingCharacters(in: .whitespaces), code.position)
        }
        let org = element.child(named: "reporting-org")
        var results: [IATIResult] = []
        var skipped: [String: Int] = [:]
        for (r, result) in element.children(named: "result").enumerated() {
            let type = result.attribute("type")?.value.trimmingCharacters(in: .whitespaces) ?? ""
            guard type == Self.outcomeResultType else {
                skipped[type, default: 0] += 1
                continue
            }
            results.append(self.result(result, language: language, path: path.appending("result").appending(r)))
        }
        return IATIActivity(language: language, countries: countries, reportingOrg: org.flatMap { text($0, language: language) },
                            reportingOrgRef: org?.attribute("ref")?.value, title: element.child(named: "title").flatMap { text($0, language: language) },
                            results: results, skippedResultTypes: skipped, position: element.position)
    }

    private mutating func result(_ element: XMLElementNode, language: String, path: FieldPath) -> IATIResult {
        var indicators: [IATIIndicator] = []
        for (i, indicator) in element.children(named: "indicator").enumerated() {
            let measure = indicator.attribute("measure")?.value.trimmingCharacters(in: .whitespaces) ?? Self.unitMeasure
            guard measure == Self.unitMeasure else {
                let first = skippedMeasures[measure]
                skippedMeasures[measure] = ((first?.count ?? 0) + 1,
                                            first?.position ?? indicator.attribute("measure")?.position ?? indicator.position,
                                            first?.path ?? path.appending("indicator").appending(i))
                continue
            }
            indicators.append(self.indicator(indicator, language: language, path: path.appending("indicator").appending(i)))
        }
        return IATIResult(reference: reference(element), title: element.child(named: "title").flatMap { text($0, language: language) },
                          indicators: indicators, position: element.position)
    }

    private func indicator(_ element: XMLElementNode, language: String, path: FieldPath) -> IATIIndicator {
        var baselines: [(year: IATIValue, value: IATIValue)] = []
        for (b, baseline) in element.children(named: "baseline").enumerated() {
            let baselinePath = path.appending("baseline").appending(b)
            guard baseline.child(named: "dimension") == nil, let valueAttribute = baseline.attribute("value") else { continue }
            guard let yearAttribute = baseline.attribute("year") else {
                sink.error("baseline has a value but no year", at: baseline.position, path: baselinePath)
                continue
            }
            let year = number(yearAttribute, path: baselinePath.appending("year"))
            let value = number(valueAttribute, path: baselinePath.appending("value"))
            if let year, let value { baselines.append((year, value)) }
        }
        var periods: [IATIPeriod] = []
        for (p, period) in element.children(named: "period").enumerated() {
            if let period = self.period(period, path: path.appending("period").appending(p)) { periods.append(period) }
        }
        return IATIIndicator(reference: reference(element), title: element.child(named: "title").flatMap { text($0, language: language) },
                             baselines: baselines, periods: periods, position: element.position)
    }

    private func period(_ element: XMLElementNode, path: FieldPath) -> IATIPeriod? {
        var dates: [(text: String, position: SourcePosition)] = []
        for name in ["period-start", "period-end"] {
            guard let date = element.child(named: name)?.attribute("iso-date") else {
                sink.error("period without <\(name) iso-date=\"...\">", at: element.position, path: path)
                return nil
            }
            dates.append((date.value.trimmingCharacters(in: .whitespaces), date.position))
        }
        func values(_ name: String) -> [IATIValue] {
            element.children(named: name).enumerated().compactMap { k, value in
                guard value.child(named: "dimension") == nil, let attribute = value.attribute("value") else { return nil }
                return number(attribute, path: path.appending(name).appending(k).appending("value"))
            }
        }
        return IATIPeriod(start: dates[0], end: dates[1], targets: values("target"), actuals: values("actual"), position: element.position)
    }

    // MARK: - Values

    /// An `xsd:decimal` as a whole number: a decimal is rounded (half away from zero) with a warning,
    /// anything else is an error at the value.
    private func number(_ attribute: XMLElementNode.Attribute, path: FieldPath) -> IATIValue? {
        let text = attribute.value.trimmingCharacters(in: .whitespaces)
        guard Self.isDecimal(text), let value = Double(text) else {
            sink.error("expected a number, found \(Quoting.quoted(attribute.value))", at: attribute.position, path: path)
            return nil
        }
        let rounded = value.rounded(.toNearestOrAwayFromZero)
        guard abs(rounded) < 1e15 else {
            sink.error("number \(text) is too large", at: attribute.position, path: path)
            return nil
        }
        if rounded != value {
            self.rounded.count += 1
            if self.rounded.count <= Self.roundingWarnings {
                sink.warning("\(text) is not a whole number; Folio counts whole numbers and reads it as \(Int(rounded))",
                             at: attribute.position, path: path)
            } else if self.rounded.firstUnreported == nil {
                self.rounded.firstUnreported = (attribute.position, path)
            }
        }
        return IATIValue(value: Int(rounded), position: attribute.position)
    }

    /// `xsd:decimal`: an optional sign, digits, an optional point and digits; no exponent, no "NaN".
    static func isDecimal(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars
        if let first = scalars.first, first == "+" || first == "-" { scalars = scalars.dropFirst() }
        let parts = String(scalars).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.contains(where: { !$0.isEmpty }) else { return false }
        return parts.allSatisfy { $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }

    // MARK: - Texts

    /// `reference/@code`: how results and indicators are matched across activities when given.
    private func reference(_ element: XMLElementNode) -> String? {
        let code = element.child(named: "reference")?.attribute("code")?.value.trimmingCharacters(in: .whitespaces)
        return code?.isEmpty == false ? code : nil
    }

    /// The element's narratives, whitespace folded; nil when it has none with text.
    private func text(_ element: XMLElementNode, language: String) -> IATIText? {
        var narratives: [(language: String, text: String, position: SourcePosition)] = []
        for narrative in element.children(named: "narrative") {
            let tag = narrative.attribute("xml:lang").flatMap { languageTag($0, path: .root) } ?? language
            let text = narrative.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !text.isEmpty, !narratives.contains(where: { $0.language.lowercased() == tag.lowercased() }) else { continue }
            narratives.append((tag, text, narrative.position))
        }
        return narratives.isEmpty ? nil : IATIText(narratives: narratives, position: element.position)
    }

    /// A valid BCP 47 tag; an invalid one is warned about and ignored.
    private func languageTag(_ attribute: XMLElementNode.Attribute, path: FieldPath) -> String? {
        let tag = attribute.value.trimmingCharacters(in: .whitespaces)
        guard LanguageTag.isValid(tag) else {
            sink.warning("xml:lang \(Quoting.quoted(attribute.value)) is not a language tag; ignored", at: attribute.position, path: path)
            return nil
        }
        return tag
    }
}
