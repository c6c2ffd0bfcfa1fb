extension Report {
    /// The report with every translatable text except region names passed through `transform`,
    /// which gets the field's path (as `translations` and diagnostics name it) and its text.
    /// Region names are left out because they are also keys of every indicator's `countries`.
    func mappingTexts(_ transform: (String, String) -> String) -> Report {
        var copy = self
        copy.title = transform("title", title)
        copy.subtitle = subtitle.map { transform("subtitle", $0) }
        copy.organization = organization.map { transform("organization", $0) }
        copy.period = period.map { transform("period", $0) }
        copy.source = source.map { transform("source", $0) }
        copy.notes = notes.enumerated().map { transform("notes[\($0.offset)]", $0.element) }
        for o in copy.outcomes.indices {
            let outcome = "outcomes[\(o)]"
            copy.outcomes[o].title = transform(outcome + ".title", copy.outcomes[o].title)
            copy.outcomes[o].notes = copy.outcomes[o].notes.enumerated().map { transform(outcome + ".notes[\($0.offset)]", $0.element) }
            for i in copy.outcomes[o].indicators.indices {
                let indicator = outcome + ".indicators[\(i)]"
                copy.outcomes[o].indicators[i].description = transform(indicator + ".description", copy.outcomes[o].indicators[i].description)
                copy.outcomes[o].indicators[i].unit = transform(indicator + ".unit", copy.outcomes[o].indicators[i].unit)
                copy.outcomes[o].indicators[i].notes = copy.outcomes[o].indicators[i].notes.enumerated().map {
                    transform(indicator + ".notes[\($0.offset)]", $0.element)
                }
            }
            for k in copy.outcomes[o].narrative.indices {
                let section = outcome + ".narrative[\(k)]"
                copy.outcomes[o].narrative[k].heading = transform(section + ".heading", copy.outcomes[o].narrative[k].heading)
                for m in copy.outcomes[o].narrative[k].paragraphs.indices {
                    copy.outcomes[o].narrative[k].paragraphs[m] = transform(section + ".paragraphs[\(m)]", copy.outcomes[o].narrative[k].paragraphs[m])
                }
            }
            for k in copy.outcomes[o].outputs.indices {
                let output = outcome + ".outputs[\(k)]"
                copy.outcomes[o].outputs[k].category = transform(output + ".category", copy.outcomes[o].outputs[k].category)
                for m in copy.outcomes[o].outputs[k].items.indices {
                    copy.outcomes[o].outputs[k].items[m] = transform(output + ".items[\(m)]", copy.outcomes[o].outputs[k].items[m])
                }
            }
        }
        return copy
    }

    /// The texts of one field in every language the data gives, its own language first.
    func texts(at path: String, _ text: String) -> [(language: String, text: String)] {
        let others = translations[path]?.texts.sorted { $0.key < $1.key } ?? []
        return [(language, text)] + others.map { ($0.key, $0.value) }
    }
}
