import FolioLanguage

/// Joins the activities of an IATI file into the tree a Folio data file parses into, so that the
/// report is then read and checked by `ReportValidator` like any YAML file, every value placed at
/// its XML element or attribute.
///
/// The mapping (documented in the README, "IATI activity files"):
/// - each outcome result (`result/@type` 2) is an outcome, matched across activities by
///   `reference/@code`, else by title; its indicators (measure 1, counts) are matched within it
///   the same way;
/// - `baseline` is the baseline (values summed over activities, the earliest year);
/// - each `period` (by its start and end dates) is a period whose target and result are the
///   activities' `target/@value` and `actual/@value` summed;
/// - an activity's `recipient-country` is listed in a period, in its region of the region table,
///   when the values of the activities naming it meet their target there (`IATICountRule`).
struct IATIReportTree {
    let sink: DiagnosticSink
    let regions: RegionTable
    let countRule: IATICountRule
    let countries: CountryTable?
    /// The file's name without folder and extension: the title when the data gives none.
    let fileTitle: String

    /// An indicator's sums for one period.
    private struct PeriodSums {
        var start: (text: String, position: SourcePosition)
        var end: (text: String, position: SourcePosition)
        var target: Int?
        var actual: Int?
        var position: SourcePosition
        /// Alpha-3 → the summed values of the activities naming the country.
        var byCountry: [String: (target: Int?, actual: Int?)] = [:]
    }

    private struct IndicatorSums {
        var reference: String?
        var title: IATIText?
        var baselineYear: IATIValue?
        var baselineValue: IATIValue?
        var periods: [String: PeriodSums] = [:]
        var position: SourcePosition
    }

    private struct ResultSums {
        var reference: String?
        var title: IATIText?
        var indicatorKeys: [String] = []
        var indicators: [String: IndicatorSums] = [:]
        var position: SourcePosition
    }

    func tree(_ activities: [IATIActivity], root: XMLElementNode) -> SourceNode? {
        let language = activities.first?.language ?? Report.defaultLanguage
        var resultKeys: [String] = []
        var results: [String: ResultSums] = [:]
        var skipped: [String: Int] = [:]

        var refused = Set<String>()
        for activity in activities {
            activity.skippedResultTypes.forEach { skipped[$0.key, default: 0] += $0.value }
            let codes = countryCodes(activity, refused: &refused)
            for result in activity.results {
                let key = Self.key(reference: result.reference, title: result.title, language: language)
                if results[key] == nil {
                    resultKeys.append(key)
                    results[key] = ResultSums(reference: result.reference, title: result.title, position: result.position)
                }
                for indicator in result.indicators {
                    add(indicator, countries: codes, language: language, to: &results[key]!)
                }
            }
        }
        if !skipped.isEmpty {
            let counts = skipped.sorted { $0.key < $1.key }.map { "\($0.value) of type \($0.key.isEmpty ? "(none)" : $0.key)" }
            sink.warning("results other than outcomes (type 2) are not read: skipped " + counts.joined(separator: ", "),
                         at: root.position)
        }
        guard !resultKeys.isEmpty else {
            sink.error("no outcome results (<result type=\"2\">) in any activity: nothing to report", at: root.position)
            return nil
        }

        var outcomeIDs = Set<String>()
        var outcomes: [SourceNode] = []
        for (r, key) in resultKeys.enumerated() {
            let result = results[key]!
            let id = Self.unique(result.reference ?? String(r + 1), in: &outcomeIDs)
            var indicators: [SourceNode] = []
            for (i, indicatorKey) in result.indicatorKeys.enumerated() {
                if let node = indicatorNode(result.indicators[indicatorKey]!, id: Self.unique(
                    result.indicators[indicatorKey]!.reference ?? "\(id).\(i + 1)", in: &outcomeIDs), language: language) {
                    indicators.append(node)
                }
            }
            var pairs: [(String, SourceNode)] = [("id", .text(id, at: result.position))]
            if let title = result.title { pairs.append(("title", textNode(title, language: language))) }
            pairs.append(("indicators", .list(indicators, at: result.position)))
            outcomes.append(.mapping(pairs, at: result.position))
        }

        var pairs: [(String, SourceNode)] = [("language", .text(language, at: root.position))]
        let orgs = Set(activities.map { $0.reportingOrgRef ?? $0.reportingOrg?.text(in: language) ?? "" })
        let organization = orgs.count == 1 ? activities.first?.reportingOrg : nil
        if activities.count == 1, let title = activities[0].title {
            pairs.append(("title", textNode(title, language: language)))
            if let organization { pairs.append(("organization", textNode(organization, language: language))) }
        } else if let organization {
            pairs.append(("title", textNode(organization, language: language)))
        } else {
            sink.warning("the activities name no common reporting organisation; the file's name is the title", at: root.position)
            pairs.append(("title", .text(fileTitle, at: root.position)))
        }
        pairs.append(("regions", .list(regions.regions.map { regionNode($0, language: language, at: root.position) }, at: root.position)))
        pairs.append(("outcomes", .list(outcomes, at: root.position)))
        return .mapping(pairs, at: root.position)
    }

    // MARK: - Summing

    private func add(_ indicator: IATIIndicator, countries: [String], language: String, to result: inout ResultSums) {
        let key = Self.key(reference: indicator.reference, title: indicator.title, language: language)
        if result.indicators[key] == nil {
            result.indicatorKeys.append(key)
            result.indicators[key] = IndicatorSums(reference: indicator.reference, title: indicator.title, position: indicator.position)
        }
        var sums = result.indicators[key]!
        for baseline in indicator.baselines {
            if let year = sums.baselineYear, year.value != baseline.year.value {
                sink.warning("baseline year \(baseline.year.value) differs from \(year.value) given for the same indicator by another "
                             + "activity; the baseline is the sum of their values in the earliest year",
                             at: baseline.year.position)
            }
            if sums.baselineYear.map({ baseline.year.value < $0.value }) ?? true { sums.baselineYear = baseline.year }
            sums.baselineValue = IATIValue(value: (sums.baselineValue?.value ?? 0) + baseline.value.value,
                                           position: sums.baselineValue?.position ?? baseline.value.position)
        }
        for period in indicator.periods {
            let periodKey = period.start.text + "/" + period.end.text
            var periodSums = sums.periods[periodKey] ?? PeriodSums(start: period.start, end: period.end, position: period.position)
            let target = period.targets.isEmpty ? nil : period.targets.reduce(0) { $0 + $1.value }
            let actual = period.actuals.isEmpty ? nil : period.actuals.reduce(0) { $0 + $1.value }
            if let target { periodSums.target = (periodSums.target ?? 0) + target }
            if let actual { periodSums.actual = (periodSums.actual ?? 0) + actual }
            for code in countries {
                let before = periodSums.byCountry[code] ?? (nil, nil)
                periodSums.byCountry[code] = (target.map { (before.target ?? 0) + $0 } ?? before.target,
                                             actual.map { (before.actual ?? 0) + $0 } ?? before.actual)
            }
            sums.periods[periodKey] = periodSums
        }
        result.indicators[key] = sums
    }

    /// The activity's recipient countries as alpha-3 codes of the region table's countries.
    /// A code that cannot be placed is warned about once, where it first appears (`refused`).
    private func countryCodes(_ activity: IATIActivity, refused: inout Set<String>) -> [String] {
        var codes: [String] = []
        for (code, position) in activity.countries {
            if refused.contains(code) { continue }
            guard let country = countries?.country(code: code), code.count == 2 else {
                refused.insert(code)
                sink.warning("unknown recipient-country code \(Quoting.quoted(code)) (expected ISO 3166-1 alpha-2); not listed",
                             at: position)
                continue
            }
            guard regions.regionIndex(ofAlpha3: country.alpha3) != nil else {
                refused.insert(code)
                sink.warning("\(country.name) is in no region of the region table; not listed", at: position)
                continue
            }
            if !codes.contains(country.alpha3) { codes.append(country.alpha3) }
        }
        return codes
    }

    // MARK: - Nodes

    private func indicatorNode(_ sums: IndicatorSums, id: String, language: String) -> SourceNode? {
        var periods: [SourceNode] = []
        for period in sums.periods.values.sorted(by: { ($0.start.text, $0.end.text) < ($1.start.text, $1.end.text) }) {
            guard let target = period.target else {
                sink.warning("period \(period.start.text) – \(period.end.text) has no target in any activity; left out",
                             at: period.position)
                continue
            }
            var pairs: [(String, SourceNode)] = [
                ("start", .text(period.start.text, at: period.start.position)),
                ("end", .text(period.end.text, at: period.end.position)),
                ("target", .number(target, at: period.position)),
            ]
            if let actual = period.actual { pairs.append(("result", .number(actual, at: period.position))) }
            let listed = countriesNode(period, language: language)
            if !listed.isEmpty { pairs.append(("countries", .mapping(listed, at: period.position))) }
            periods.append(.mapping(pairs, at: period.position))
        }
        guard !periods.isEmpty else {
            sink.warning("indicator has no period with a target; left out", at: sums.position)
            return nil
        }
        var pairs: [(String, SourceNode)] = [("id", .text(id, at: sums.position))]
        if let title = sums.title { pairs.append(("description", textNode(title, language: language))) }
        if let year = sums.baselineYear, let value = sums.baselineValue {
            pairs.append(("baseline", .mapping([("year", .number(year.value, at: year.position)),
                                                ("value", .number(value.value, at: value.position))], at: year.position)))
        }
        pairs.append(("periods", .list(periods, at: sums.position)))
        return .mapping(pairs, at: sums.position)
    }

    /// Region name → the entries listed in it, regions in the table's order, countries by name.
    private func countriesNode(_ period: PeriodSums, language: String) -> [(String, SourceNode)] {
        var byRegion: [Int: [Country]] = [:]
        for (code, values) in period.byCountry {
            let listed: Bool
            switch countRule {
            case .achieved:
                guard let target = values.target, let actual = values.actual else { continue }
                listed = actual >= target
            case .reported:
                listed = values.actual != nil
            }
            guard listed, let country = countries?.country(code: code), let region = regions.regionIndex(ofAlpha3: code) else { continue }
            byRegion[region, default: []].append(country)
        }
        return byRegion.keys.sorted().map { region in
            let entries = byRegion[region]!.sorted { $0.name < $1.name }.map { country in
                SourceNode.mapping([("name", .text(country.name, at: period.position)),
                                    ("code", .text(country.alpha3, at: period.position))], at: period.position)
            }
            return (regions.regions[region].name(in: language), .list(entries, at: period.position))
        }
    }

    /// A text in the report's language, or a mapping from language tags to texts when the
    /// narratives give several (part of `Report.translations` once read).
    private func textNode(_ text: IATIText, language: String) -> SourceNode {
        var narratives = text.narratives
        if !narratives.contains(where: { $0.language.lowercased() == language.lowercased() }) {
            let first = narratives[0]
            sink.warning("no narrative in \(Quoting.quoted(language)) (the first activity's language); "
                         + "the \(Quoting.quoted(first.language)) one stands in for it", at: first.position)
            narratives.insert((language, first.text, first.position), at: 0)
        }
        if narratives.count == 1 { return .text(narratives[0].text, at: narratives[0].position) }
        return .mapping(narratives.map { ($0.language, SourceNode.text($0.text, at: $0.position)) }, at: text.position)
    }

    private func regionNode(_ region: RegionTable.Region, language: String, at position: SourcePosition) -> SourceNode {
        let own = region.name(in: language)
        let others = region.names.filter { $0.language.lowercased() != language.lowercased() }
        guard !others.isEmpty, region.names.contains(where: { $0.language.lowercased() == language.lowercased() }) else {
            return .text(own, at: position)
        }
        return .mapping([(language, SourceNode.text(own, at: position))] + others.map { ($0.language, SourceNode.text($0.name, at: position)) },
                        at: position)
    }

    // MARK: - Keys

    /// Results and indicators are the same across activities when their reference codes are, or,
    /// without one, their titles in the report's language.
    private static func key(reference: String?, title: IATIText?, language: String) -> String {
        if let reference { return "code:" + reference }
        return "title:" + (title?.text(in: language)?.lowercased() ?? "")
    }

    /// `id`, or `id` with a number added when another outcome or indicator already has it.
    private static func unique(_ id: String, in used: inout Set<String>) -> String {
        var candidate = id, n = 2
        while used.contains(candidate) {
            candidate = "\(id)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}

private extension SourceNode {
    /// Quoted, so that a title like "10" or "yes" stays text.
    static func text(_ text: String, at position: SourcePosition) -> SourceNode {
        SourceNode(content: .scalar(Scalar(text: text, style: .quoted)), position: position)
    }

    static func number(_ value: Int, at position: SourcePosition) -> SourceNode {
        SourceNode(content: .scalar(Scalar(text: String(value), style: .plain)), position: position)
    }

    static func list(_ items: [SourceNode], at position: SourcePosition) -> SourceNode {
        SourceNode(content: .sequence(items), position: position)
    }

    static func mapping(_ pairs: [(String, SourceNode)], at position: SourcePosition) -> SourceNode {
        SourceNode(content: .mapping(pairs.map { Pair(key: .text($0.0, at: $0.1.position), value: $0.1) }), position: position)
    }
}
