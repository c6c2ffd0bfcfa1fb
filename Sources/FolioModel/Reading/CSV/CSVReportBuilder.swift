import Foundation

/// Turns a CSV folder (indicators.csv, countries.csv and report.yaml or report.json) into the
/// same `SourceNode` tree a YAML file gives, with every node placed in the file and cell it came
/// from, so `ReportValidator` checks CSV data with exactly the rules it applies to YAML and JSON.
///
/// Each file is read by `SourceDocument` like any other input; positions carry their file (an
/// index into `names`). In CSV files the column is the 1-based field number, and the field path
/// shown is the column's name.
final class CSVReportBuilder {
    static let reportFile = 0, indicatorsFile = 1, countriesFile = 2

    static let indicatorColumns = ["outcome", "outcome_title", "indicator", "description", "unit", "target", "result"]
    /// Columns of indicators tracked over time: one row per period of the indicator, the baseline
    /// on any of its rows.
    static let periodColumns = ["period", "start", "end", "baseline_year", "baseline_value"]
    /// The indicator's notes, one per line of the cell, on its first row (written only when used).
    static let notesColumn = "notes"
    static let indicatorRequired = ["outcome", "outcome_title", "indicator", "description", "target"]
    static let countryColumns = ["indicator", "region", "country", "territory", "code", "period"]
    /// Columns whose texts may be given in other languages too, in columns named `<column>_<tag>`
    /// (`description_fr`, `outcome_title_es`, `unit_fr-CA`): the plain column is in the data's `language:`.
    static let translatableColumns = ["outcome_title", "description", "unit", "notes"]
    static let countryRequired = ["indicator", "region", "country"]
    /// Keys an entry of report.yaml's `outcomes` may have: the rest of an outcome lives in indicators.csv.
    static let outcomeKeys = ["id", "narrative", "outputs", "notes"]

    /// Where the tables come from: the files of a CSV folder, or the sheets of a workbook (`ReportLoader.checkWorkbook`).
    enum Container { case csvFolder, workbook }

    /// A table as the bytes of a CSV file, or as rows already read (a workbook's sheet, each record's
    /// line its row number and each field at its column).
    enum TableSource {
        case csv(Data)
        case rows(CSVTable)
    }

    private let options: LoadOptions
    private let container: Container
    /// Its `files` are the display names by file index: report file, indicators.csv, countries.csv, then other files.
    private let sink = DiagnosticSink(files: ["report.yaml", "indicators.csv", "countries.csv"])
    private let reader: NodeReader
    private var names: [String] {
        get { sink.files }
        set { sink.files = newValue }
    }
    /// Column names of each CSV file that was read, by field number - 1.
    private var labels: [Int: [String]] = [:]
    private var headerLines: [Int: Int] = [:]
    /// Report index of an outcome → index of its entry in report.yaml's `outcomes`, for paths.
    private var outcomeEntryIndex: [Int: Int] = [:]
    /// A file could not be read at all: diagnostics are returned without validating.
    private var fatal = false
    /// The `language:` of report.yaml (or the default): the language of the plain text columns.
    private var dataLanguage = Report.defaultLanguage

    init(options: LoadOptions, container: Container = .csvFolder) {
        self.options = options
        self.container = container
        reader = NodeReader(sink: sink)
    }

    private func position(_ file: Int, _ line: Int, _ column: Int) -> SourcePosition {
        SourcePosition(file: file, line: line, column: column)
    }

    /// The whole file, before any line of it (shown as 1:1 without a field path).
    private func wholeFile(_ file: Int) -> SourcePosition {
        position(file, 0, 0)
    }

    // MARK: Entry point

    func check(files: [String: Data], defaultTitle: String?) -> CheckResult {
        var reportData: Data?, indicatorsData: TableSource?, countriesData: TableSource?
        for name in files.keys.sorted() {
            let data = files[name]!
            switch name.lowercased() {
            case "indicators.csv":
                if indicatorsData == nil { indicatorsData = .csv(data); names[Self.indicatorsFile] = name } else { duplicate(name, of: Self.indicatorsFile) }
            case "countries.csv":
                if countriesData == nil { countriesData = .csv(data); names[Self.countriesFile] = name } else { duplicate(name, of: Self.countriesFile) }
            case "report.yaml", "report.yml", "report.json":
                if reportData == nil { reportData = data; names[Self.reportFile] = name } else { duplicate(name, of: Self.reportFile) }
            default:
                let ext = (name as NSString).pathExtension.lowercased()
                guard ["csv", "tsv", "yaml", "yml", "json"].contains(ext) else { continue }
                names.append(name)
                var message = "unknown file, ignored (a CSV folder holds indicators.csv, countries.csv and report.yaml)"
                if let guess = Suggestion.closest(to: name, among: ["indicators.csv", "countries.csv", "report.yaml", "report.json"]) {
                    message = "unknown file, ignored; did you mean \(Quoting.quoted(guess))?"
                }
                sink.warning(message, at: wholeFile(names.count - 1))
            }
        }
        return build(report: reportData, indicators: indicatorsData, countries: countriesData, defaultTitle: defaultTitle)
    }

    /// A workbook's sheets: `names` are the display names of the report, indicators and countries
    /// sheets (as the workbook spells them), then of other sheets, which are ignored with a warning.
    func check(workbook names: [String], report: Data?, indicators: CSVTable?, countries: CSVTable?, defaultTitle: String?) -> CheckResult {
        self.names = names
        for other in names.indices.dropFirst(3) {
            sink.warning("unknown sheet, ignored (a workbook holds the sheets indicators, countries and report)", at: wholeFile(other))
        }
        return build(report: report, indicators: indicators.map(TableSource.rows), countries: countries.map(TableSource.rows), defaultTitle: defaultTitle)
    }

    private func build(report reportData: Data?, indicators indicatorsData: TableSource?, countries countriesData: TableSource?,
                       defaultTitle: String?) -> CheckResult {
        let reportRoot = reportData.flatMap { reportNode($0, json: names[Self.reportFile].lowercased().hasSuffix(".json")) }
        dataLanguage = Self.language(of: reportRoot)
        var indicators: CSVTable?, countries: CSVTable?
        if let indicatorsData {
            indicators = table(indicatorsData, file: Self.indicatorsFile)
        } else {
            sink.error((container == .workbook ? "sheet not found: a workbook needs a sheet named indicators (columns "
                        : "file not found: a CSV folder needs indicators.csv (columns ")
                       + Self.indicatorColumns.joined(separator: ", ") + ")", at: wholeFile(Self.indicatorsFile))
            fatal = true
        }
        if let countriesData {
            countries = table(countriesData, file: Self.countriesFile)
        } else if indicatorsData != nil {
            sink.warning((container == .workbook ? "sheet not found: " : "file not found: ")
                         + "no indicator lists any country (columns " + Self.countryColumns.joined(separator: ", ") + ")",
                         at: wholeFile(Self.countriesFile))
        }
        let indicatorHeader = indicators.flatMap {
            header($0, file: Self.indicatorsFile, known: Self.indicatorColumns + Self.periodColumns + [Self.notesColumn], required: Self.indicatorRequired)
        }
        let countryHeader = countries.flatMap {
            header($0, file: Self.countriesFile, known: Self.countryColumns, required: Self.countryRequired)
        }
        guard !fatal, let indicators, let indicatorHeader else { return finish(report: nil, validatorStart: Int.max) }

        var drafts = outcomes(indicators, header: indicatorHeader)
        if let countries, let countryHeader { addCountries(countries, header: countryHeader, to: &drafts) }

        var rootPairs: [SourceNode.Pair] = []
        var rootPosition = wholeFile(Self.reportFile)
        var entries: SourceNode?
        if let reportRoot {
            guard case let .mapping(pairs) = reportRoot.content else {
                sink.error("expected a mapping at the top level, found \(reader.describe(reportRoot))", at: reportRoot.position)
                return finish(report: nil, validatorStart: Int.max)
            }
            for pair in pairs {
                if pair.key.scalar?.text == "outcomes" { entries = pair.value } else { rootPairs.append(pair) }
            }
            rootPosition = reportRoot.position
        } else if reportData == nil, let defaultTitle, !defaultTitle.isEmpty {
            rootPairs.append(pair("title", quoted(defaultTitle, at: wholeFile(Self.reportFile))))
            sink.warning(container == .workbook
                         ? "sheet not found: the title is the file's name, \(Quoting.quoted(defaultTitle)); the sheet report holds "
                            + "the title and the other report fields (report.yaml's lines in column A)"
                         : "file not found: the title is the folder's name, \(Quoting.quoted(defaultTitle)); "
                            + "report.yaml holds the title and the other report fields", at: wholeFile(Self.reportFile))
        }
        if let entries { addReportEntries(entries, to: &drafts) }
        guard !fatal, !sink.isFull else { return finish(report: nil, validatorStart: Int.max) }

        let start = wholeFile(Self.indicatorsFile)
        rootPairs.append(SourceNode.Pair(key: plain("outcomes", at: start),
                                         value: SourceNode(content: .sequence(drafts.map(\.node)), position: start)))
        let root = SourceNode(content: .mapping(rootPairs), position: rootPosition)
        let validatorStart = sink.entries.count
        var validator = ReportValidator(sink: sink)
        let report = validator.report(from: root)
        return finish(report: report, validatorStart: validatorStart)
    }

    /// A valid `language:` of the report file; the validator reports an invalid one.
    private static func language(of root: SourceNode?) -> String {
        guard case let .mapping(pairs)? = root?.content,
              let value = pairs.first(where: { $0.key.scalar?.text == "language" })?.value.scalar?.text,
              LanguageTag.isValid(value) else { return Report.defaultLanguage }
        return value
    }

    private func duplicate(_ name: String, of file: Int) {
        names.append(name)
        sink.error("\(Quoting.quoted(names[file])) is here too; keep one of them", at: wholeFile(names.count - 1))
        fatal = true
    }

    // MARK: Files

    /// report.yaml or report.json as a tree placed in file 0; a blank file is an empty mapping.
    private func reportNode(_ data: Data, json: Bool) -> SourceNode? {
        let file = Self.reportFile
        do throws(ParseFailure) {
            let root = try SourceDocument.tree(data, syntax: json ? .json : .yaml, file: file, options: options)
            guard let root, !SourceDocument.isEmpty(root) else {
                return SourceNode(content: .mapping([]), position: position(file, 1, 1))
            }
            return root
        } catch {
            sink.error(error.message, at: error.position)
            fatal = true
            return nil
        }
    }

    private func table(_ source: TableSource, file: Int) -> CSVTable? {
        do throws(ParseFailure) {
            let table: CSVTable
            switch source {
            case .csv(let data): table = try SourceDocument.table(data, file: file, options: options)
            case .rows(let rows): table = rows
            }
            guard table.records.contains(where: { !$0.isBlank }) else {
                let columns = file == Self.indicatorsFile ? Self.indicatorColumns : Self.countryColumns
                sink.error((container == .workbook ? "sheet is empty; it needs at least the header row ("
                            : "file is empty; it needs at least the header line (") + columns.joined(separator: ", ") + ")",
                           at: position(file, 1, 1))
                fatal = true
                return nil
            }
            return table
        } catch {
            sink.error(error.message, at: error.position)
            fatal = true
            return nil
        }
    }

    // MARK: Headers

    /// Where each known column is, and the records below the header.
    private struct Header {
        var file: Int
        var columns: [String: Int]
        /// Translation columns by the column they translate: `description` → [("fr", 7)].
        var translations: [String: [(tag: String, column: Int)]] = [:]
        var width: Int
        var rows: ArraySlice<CSVRecord>
    }

    /// `Outcome Title`, ` outcome-title ` and `OUTCOME_TITLE` all name `outcome_title`.
    static func columnName(_ text: String) -> String {
        var name = text.trimmingCharacters(in: .whitespaces).lowercased()
        name = name.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        return name
    }

    private func header(_ table: CSVTable, file: Int, known: [String], required: [String]) -> Header? {
        guard let headerIndex = table.records.firstIndex(where: { !$0.isBlank }) else { return nil }
        let record = table.records[headerIndex]
        var columns: [String: Int] = [:]
        var translations: [String: [(tag: String, column: Int)]] = [:]
        var fieldLabels: [String] = []
        for (i, raw) in record.fields.enumerated() {
            let name = Self.columnName(raw)
            let at = position(file, record.line, i + 1)
            fieldLabels.append(known.contains(name) ? name : raw.trimmingCharacters(in: .whitespaces))
            guard !name.isEmpty else { continue }
            if !known.contains(name), let (base, tag) = Self.translationColumn(raw, known: known) {
                if let first = translations[base]?.first(where: { $0.tag.lowercased() == tag.lowercased() }) {
                    sink.error("duplicate column \(Quoting.quoted(raw.trimmingCharacters(in: .whitespaces))) (first at column \(first.column + 1))", at: at)
                    fatal = true
                } else {
                    translations[base, default: []].append((tag, i))
                }
            } else if known.contains(name) {
                if let first = columns[name] {
                    sink.error("duplicate column \(Quoting.quoted(name)) (first at column \(first + 1))", at: at)
                    fatal = true
                } else {
                    columns[name] = i
                }
            } else {
                var message = "unknown column \(Quoting.quoted(raw)), ignored"
                if let guess = Suggestion.closest(to: name, among: known) { message += "; did you mean \(Quoting.quoted(guess))?" }
                sink.warning(message, at: at)
            }
        }
        labels[file] = fieldLabels
        headerLines[file] = record.line
        let missing = required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            var message = (missing.count == 1 ? "missing column " : "missing columns ") + missing.map(Quoting.quoted).joined(separator: ", ")
                + " (the columns are " + known.joined(separator: ", ") + ")"
            if record.fields.count == 1, record.fields[0].contains("\t") {
                message += "; separate them with commas or semicolons"
            }
            sink.error(message, at: position(file, record.line, 1))
            fatal = true
            return nil
        }
        let rows = table.records[(headerIndex + 1)...].filter { !$0.isBlank }
        // Text under no column name is probably a shifted row (an unquoted separator): say so once per file.
        let named = record.fields.map { !Self.columnName($0).isEmpty }
        let unnamed = { (i: Int) in i >= named.count || !named[i] }
        for row in rows {
            guard let i = row.fields.indices.first(where: { unnamed($0) && !Cell.blank(row.fields[$0]) }) else { continue }
            let separator = Character(Unicode.Scalar(table.separator))
            sink.warning(i >= record.fields.count
                         ? "text beyond the header's \(record.fields.count) columns is ignored"
                            + (container == .workbook ? "" : " (an unquoted \(separator) in a field?)")
                         : "text in a column without a name in the header is ignored", at: position(file, row.line, i + 1))
            break
        }
        return Header(file: file, columns: columns, translations: translations, width: record.fields.count, rows: ArraySlice(rows))
    }

    /// `Description_fr-CA` → ("description", "fr-CA"): a translatable column of `known`, `_`, and a
    /// language tag kept as written (tags are compared ignoring case, but written back as they were).
    static func translationColumn(_ raw: String, known: [String]) -> (base: String, tag: String)? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let name = columnName(trimmed)
        for base in translatableColumns where known.contains(base) && name.hasPrefix(base + "_") {
            // Bases are ASCII and `columnName` maps one character to one, so the prefix has the same length.
            let tag = String(trimmed.dropFirst(base.count + 1))
            if LanguageTag.isValid(tag) { return (base, tag) }
        }
        return nil
    }

    // MARK: Cells and nodes

    private struct Cell {
        var text: String
        var position: SourcePosition
        var isBlank: Bool { Self.blank(text) }

        static func blank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
    }

    private func cell(_ record: CSVRecord, _ name: String, _ header: Header) -> Cell? {
        guard let column = header.columns[name] else { return nil }
        let text = column < record.fields.count ? record.fields[column] : ""
        return Cell(text: text, position: position(header.file, record.line, column + 1))
    }

    private func plain(_ text: String, at position: SourcePosition) -> SourceNode {
        SourceNode(content: .scalar(.init(text: text, style: .plain)), position: position)
    }

    private func quoted(_ text: String, at position: SourcePosition) -> SourceNode {
        SourceNode(content: .scalar(.init(text: text, style: .quoted)), position: position)
    }

    /// Text exactly as written: a cell is never a number, a boolean or null.
    private func text(_ cell: Cell) -> SourceNode {
        quoted(cell.text, at: cell.position)
    }

    /// An empty cell is absent (null); anything else is text as written.
    private func optionalText(_ cell: Cell) -> SourceNode {
        cell.text.isEmpty ? plain("", at: cell.position) : quoted(cell.text, at: cell.position)
    }

    /// Read as YAML reads an unquoted value, so `10` is a number and `ten` or `-3` are refused with
    /// the same messages; spaces around the digits are dropped.
    private func number(_ cell: Cell) -> SourceNode {
        plain(cell.text.trimmingCharacters(in: .whitespaces), at: cell.position)
    }

    private func pair(_ key: String, _ value: SourceNode) -> SourceNode.Pair {
        SourceNode.Pair(key: plain(key, at: value.position), value: value)
    }

    /// The row's non-blank cells in the translation columns of `base`, as `tag: text` pairs.
    private func translationPairs(_ row: CSVRecord, base: String, _ header: Header) -> [SourceNode.Pair] {
        (header.translations[base] ?? []).compactMap { tag, column in
            let text = column < row.fields.count ? row.fields[column] : ""
            guard !Cell.blank(text) else { return nil }
            let at = position(header.file, row.line, column + 1)
            return SourceNode.Pair(key: plain(tag, at: at), value: quoted(text, at: at))
        }
    }

    /// A `notes` cell as the list a YAML file would give: one note per line, each with the line of
    /// the same number in every translation column (which must have as many lines).
    private func notesList(_ cell: Cell, _ translations: [SourceNode.Pair]) -> SourceNode {
        func lines(_ text: String) -> [String] {
            text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func count(_ n: Int) -> String { n == 1 ? "1 line" : "\(n) lines" }
        let own = lines(cell.text)
        var translated: [(key: SourceNode, lines: [String])] = []
        for translation in translations {
            let theirs = lines(translation.value.scalar?.text ?? "")
            if theirs.count == own.count {
                translated.append((translation.key, theirs))
            } else {
                sink.error("has \(count(theirs.count)) where the notes column has \(count(own.count)); give one line per note, "
                           + "an empty line for a note not translated",
                           at: translation.value.position)
            }
        }
        let items = own.enumerated().map { index, line in
            translatable(quoted(line, at: cell.position), translated.compactMap {
                $0.lines[index].isEmpty ? nil : SourceNode.Pair(key: $0.key, value: quoted($0.lines[index], at: $0.key.position))
            })
        }
        return SourceNode(content: .sequence(items), position: cell.position)
    }

    /// `own` alone, or with translations the mapping a YAML file would give: `{en: own, fr: ...}`.
    private func translatable(_ own: SourceNode, _ translations: [SourceNode.Pair]) -> SourceNode {
        guard !translations.isEmpty else { return own }
        return SourceNode(content: .mapping([SourceNode.Pair(key: plain(dataLanguage, at: own.position), value: own)] + translations),
                          position: own.position)
    }

    // MARK: indicators.csv

    /// The countries of an indicator or of one of its periods, by region in order of first appearance.
    private struct CountriesDraft {
        var regions: [(key: SourceNode, entries: [SourceNode])] = []
        var regionIndex: [String: Int] = [:]

        mutating func add(_ entry: SourceNode, region: SourceNode) {
            let name = region.scalar!.text
            if let r = regionIndex[name] {
                regions[r].entries.append(entry)
            } else {
                regionIndex[name] = regions.count
                regions.append((region, [entry]))
            }
        }

        /// `countries: {region: [entries]}` when any entry was added.
        func appending(to pairs: [SourceNode.Pair]) -> [SourceNode.Pair] {
            guard let first = regions.first else { return pairs }
            let countries = regions.map { SourceNode.Pair(key: $0.key, value: SourceNode(content: .sequence($0.entries), position: $0.key.position)) }
            return pairs + [SourceNode.Pair(key: SourceNode(content: .scalar(.init(text: "countries", style: .plain)), position: first.key.position),
                                            value: SourceNode(content: .mapping(countries), position: first.key.position))]
        }
    }

    /// One row of a period: its label as the countries file names it, and its fields.
    private struct PeriodDraft {
        var label: String
        var row: Int
        var pairs: [SourceNode.Pair]
        var countries = CountriesDraft()
    }

    private struct IndicatorDraft {
        var pairs: [SourceNode.Pair]
        var position: SourcePosition
        var countries = CountriesDraft()
        /// `nil` for the one-period form (a row without a period).
        var periods: [PeriodDraft]?
        /// The cells of the first row, which later rows of the same indicator may repeat but not change.
        var description: Cell
        var unit: Cell?
        var baseline: (year: Cell, value: Cell)?
        var notes: Cell?

        var node: SourceNode {
            var pairs = countries.appending(to: self.pairs)
            if let periods, let first = periods.first {
                let items = periods.map { SourceNode(content: .mapping($0.countries.appending(to: $0.pairs)), position: $0.pairs[0].value.position) }
                pairs.append(SourceNode.Pair(key: SourceNode(content: .scalar(.init(text: "periods", style: .plain)), position: first.pairs[0].value.position),
                                             value: SourceNode(content: .sequence(items), position: first.pairs[0].value.position)))
            }
            return SourceNode(content: .mapping(pairs), position: position)
        }
    }

    private struct OutcomeDraft {
        var id: Cell
        var title: Cell?
        var firstTitle: Cell
        var language: String
        /// `outcome_title_<tag>` cells, each tag from the first row that gives it.
        var titleTranslations: [SourceNode.Pair]
        var indicators: [IndicatorDraft] = []
        /// `narrative` and `outputs` from report.yaml.
        var extra: [SourceNode.Pair] = []

        var node: SourceNode {
            let title = self.title ?? firstTitle
            var pairs = [SourceNode.Pair(key: Self.key("id", id.position), value: Self.quoted(id)),
                         SourceNode.Pair(key: Self.key("title", title.position), value: translatedTitle(title)),
                         SourceNode.Pair(key: Self.key("indicators", id.position),
                                         value: SourceNode(content: .sequence(indicators.map(\.node)), position: id.position))]
            pairs += extra
            return SourceNode(content: .mapping(pairs), position: id.position)
        }

        private func translatedTitle(_ title: Cell) -> SourceNode {
            guard !titleTranslations.isEmpty else { return Self.quoted(title) }
            let own = SourceNode.Pair(key: Self.key(language, title.position), value: Self.quoted(title))
            return SourceNode(content: .mapping([own] + titleTranslations), position: title.position)
        }

        private static func key(_ text: String, _ position: SourcePosition) -> SourceNode {
            SourceNode(content: .scalar(.init(text: text, style: .plain)), position: position)
        }

        private static func quoted(_ cell: Cell) -> SourceNode {
            SourceNode(content: .scalar(.init(text: cell.text, style: .quoted)), position: cell.position)
        }
    }

    private var outcomeIndex: [String: Int] = [:]
    private var indicatorIndex: [String: (outcome: Int, indicator: Int)] = [:]
    private var indicatorIDs: [String] = []

    /// One indicator per row, grouped by outcome in order of first appearance. A row with an
    /// outcome but no indicator cells declares an outcome without indicators.
    private func outcomes(_ table: CSVTable, header: Header) -> [OutcomeDraft] {
        var drafts: [OutcomeDraft] = []
        for row in header.rows where !sink.isFull {
            let outcome = cell(row, "outcome", header)!
            let title = cell(row, "outcome_title", header)!
            let index: Int
            if let known = outcomeIndex[outcome.text] {
                index = known
                for translation in translationPairs(row, base: "outcome_title", header) {
                    let tag = translation.key.scalar!.text
                    if let established = drafts[index].titleTranslations.first(where: { $0.key.scalar!.text == tag }) {
                        if established.value.scalar!.text != translation.value.scalar!.text {
                            sink.error("differs from the title given for outcome \(Quoting.quoted(outcome.text)) on line \(established.value.position.line)",
                                       at: translation.value.position)
                        }
                    } else {
                        drafts[index].titleTranslations.append(translation)
                    }
                }
                if !title.isBlank {
                    if let established = drafts[index].title {
                        if established.text != title.text {
                            sink.error("differs from the title given for outcome \(Quoting.quoted(outcome.text)) on line \(established.position.line)",
                                       at: title.position)
                        }
                    } else {
                        drafts[index].title = title
                    }
                }
            } else {
                index = drafts.count
                outcomeIndex[outcome.text] = index
                drafts.append(OutcomeDraft(id: outcome, title: title.isBlank ? nil : title, firstTitle: title, language: dataLanguage,
                                           titleTranslations: translationPairs(row, base: "outcome_title", header)))
            }

            let id = cell(row, "indicator", header)!
            let description = cell(row, "description", header)!
            let unit = cell(row, "unit", header)
            let target = cell(row, "target", header)!
            let result = cell(row, "result", header)
            guard [id, description, target].contains(where: { !$0.isBlank }) || unit?.isBlank == false || result?.isBlank == false else {
                continue
            }
            let period = periodCells(row, header)
            let baseline = baselineCells(row, header)
            if let (o, i) = indicatorIndex[id.text], o == index, let periods = drafts[o].indicators[i].periods, let period {
                // A further period of an indicator: its texts and baseline may be repeated, not changed.
                var draft = drafts[o].indicators[i]
                sameAsFirst(description, draft.description, what: "description", indicator: id.text)
                if let notes = cell(row, Self.notesColumn, header) {
                    if let first = draft.notes { sameAsFirst(notes, first, what: "notes", indicator: id.text) }
                    else if !notes.isBlank { sink.error("notes belong on the first row of indicator \(Quoting.quoted(id.text))", at: notes.position) }
                }
                if let unit, let first = draft.unit { sameAsFirst(unit, first, what: "unit", indicator: id.text) }
                if let baseline {
                    if let first = draft.baseline {
                        sameAsFirst(baseline.year, first.year, what: "baseline year", indicator: id.text)
                        sameAsFirst(baseline.value, first.value, what: "baseline value", indicator: id.text)
                    } else {
                        draft.baseline = baseline
                        draft.pairs.append(baselinePair(baseline))
                    }
                }
                draft.periods = periods + [periodDraft(period, target: target, result: result, line: row.line)]
                drafts[o].indicators[i] = draft
                continue
            }
            var pairs = [pair("id", text(id)), pair("description", translatable(text(description), translationPairs(row, base: "description", header)))]
            let unitTranslations = translationPairs(row, base: "unit", header)
            if let unit, !unit.isBlank {
                pairs.append(pair("unit", translatable(optionalText(unit), unitTranslations)))
            } else {
                if let unit { pairs.append(pair("unit", optionalText(unit))) }
                if let first = unitTranslations.first {
                    sink.warning("ignored: this row has no unit in \(Quoting.quoted(dataLanguage)) to translate", at: first.value.position)
                }
            }
            if let baseline { pairs.append(baselinePair(baseline)) }
            let notes = cell(row, Self.notesColumn, header)
            if let notes, !notes.isBlank { pairs.append(pair("notes", notesList(notes, translationPairs(row, base: "notes", header)))) }
            var periods: [PeriodDraft]?
            if let period {
                periods = [periodDraft(period, target: target, result: result, line: row.line)]
            } else {
                pairs.append(pair("target", number(target)))
                if let result { pairs.append(pair("result", number(result))) }
            }
            if indicatorIndex[id.text] == nil {
                indicatorIndex[id.text] = (index, drafts[index].indicators.count)
                indicatorIDs.append(id.text)
            }
            drafts[index].indicators.append(IndicatorDraft(pairs: pairs, position: id.position, periods: periods,
                                                           description: description, unit: unit, baseline: baseline,
                                                           notes: notes.flatMap { $0.isBlank ? nil : $0 }))
        }
        return drafts
    }

    /// The row's `period`, `start` and `end` cells, when any is filled in.
    private func periodCells(_ row: CSVRecord, _ header: Header) -> (label: Cell?, start: Cell?, end: Cell?)? {
        let cells = ["period", "start", "end"].map { cell(row, $0, header).flatMap { $0.isBlank ? nil : $0 } }
        return cells.allSatisfy { $0 == nil } ? nil : (cells[0], cells[1], cells[2])
    }

    private func baselineCells(_ row: CSVRecord, _ header: Header) -> (year: Cell, value: Cell)? {
        let year = cell(row, "baseline_year", header), value = cell(row, "baseline_value", header)
        guard year?.isBlank == false || value?.isBlank == false else { return nil }
        // A missing half is reported by the validator, as in YAML, at the row's cells.
        let position = (year ?? value)!.position
        return (year ?? Cell(text: "", position: position), value ?? Cell(text: "", position: position))
    }

    private func baselinePair(_ baseline: (year: Cell, value: Cell)) -> SourceNode.Pair {
        var pairs: [SourceNode.Pair] = []
        for (key, cell) in [("year", baseline.year), ("value", baseline.value)] where !cell.isBlank {
            pairs.append(pair(key, number(cell)))
        }
        return pair("baseline", SourceNode(content: .mapping(pairs), position: baseline.year.position))
    }

    private func periodDraft(_ period: (label: Cell?, start: Cell?, end: Cell?), target: Cell, result: Cell?, line: Int) -> PeriodDraft {
        var pairs: [SourceNode.Pair] = []
        if let label = period.label { pairs.append(pair("period", text(label))) }
        if let start = period.start { pairs.append(pair("start", text(start))) }
        if let end = period.end { pairs.append(pair("end", text(end))) }
        pairs.append(pair("target", number(target)))
        if let result, !result.isBlank { pairs.append(pair("result", number(result))) }
        let name = period.label?.text
            ?? period.start.flatMap { start in period.end.map { IndicatorPeriod.label(start: start.text, end: $0.text) } } ?? ""
        return PeriodDraft(label: name, row: line, pairs: pairs)
    }

    private func sameAsFirst(_ cell: Cell, _ first: Cell, what: String, indicator: String) {
        guard !cell.isBlank, cell.text != first.text else { return }
        sink.error("differs from the \(what) given for indicator \(Quoting.quoted(indicator)) on line \(first.position.line)", at: cell.position)
    }

    // MARK: countries.csv

    static let territoryTrue: Set<String> = ["true", "yes", "1"]
    static let territoryFalse: Set<String> = ["false", "no", "0", ""]

    private func addCountries(_ table: CSVTable, header: Header, to drafts: inout [OutcomeDraft]) {
        for row in header.rows where !sink.isFull {
            let indicator = cell(row, "indicator", header)!
            let region = cell(row, "region", header)!
            let country = cell(row, "country", header)!
            guard !indicator.isBlank else {
                sink.error("must not be empty", at: indicator.position)
                continue
            }
            guard let (o, i) = indicatorIndex[indicator.text] else {
                var message = "no indicator \(Quoting.quoted(indicator.text)) in \(names[Self.indicatorsFile])"
                if let guess = Suggestion.closest(to: indicator.text, among: indicatorIDs) {
                    message += "; did you mean \(Quoting.quoted(guess))?"
                }
                sink.error(message, at: indicator.position)
                continue
            }
            guard !region.isBlank else {
                sink.error("must not be empty", at: region.position)
                continue
            }
            var isTerritory = false
            if let territory = cell(row, "territory", header) {
                let word = territory.text.trimmingCharacters(in: .whitespaces).lowercased()
                if Self.territoryTrue.contains(word) {
                    isTerritory = true
                } else if !Self.territoryFalse.contains(word) {
                    sink.error("expected true, false, yes, no, 1, 0 or nothing, found \(Quoting.quoted(territory.text))",
                               at: territory.position)
                }
            }
            let name = text(country)
            var entryPairs = [pair("name", name)]
            if isTerritory { entryPairs.append(pair("territory", plain("true", at: country.position))) }
            if let code = cell(row, "code", header), !code.isBlank { entryPairs.append(pair("code", text(code))) }
            let entry = entryPairs.count > 1 ? SourceNode(content: .mapping(entryPairs), position: country.position) : name
            let period = cell(row, "period", header).flatMap { $0.isBlank ? nil : $0 }
            switch (drafts[o].indicators[i].periods, period) {
            case (nil, nil):
                drafts[o].indicators[i].countries.add(entry, region: text(region))
            case let (periods?, period?):
                guard let p = periods.firstIndex(where: { $0.label == period.text }) else {
                    var message = "indicator \(Quoting.quoted(indicator.text)) has no period \(Quoting.quoted(period.text)) in \(names[Self.indicatorsFile])"
                    if let guess = Suggestion.closest(to: period.text, among: periods.map(\.label)) {
                        message += "; did you mean \(Quoting.quoted(guess))?"
                    }
                    sink.error(message, at: period.position)
                    continue
                }
                drafts[o].indicators[i].periods![p].countries.add(entry, region: text(region))
            case (_?, nil):
                sink.error("indicator \(Quoting.quoted(indicator.text)) has periods in \(names[Self.indicatorsFile]); "
                           + "say which one (column period)", at: country.position)
            case let (nil, period?):
                sink.error("indicator \(Quoting.quoted(indicator.text)) has no periods in \(names[Self.indicatorsFile]); "
                           + "leave period empty", at: period.position)
            }
        }
    }

    // MARK: report.yaml's outcomes

    /// `outcomes: [{id, narrative, outputs}]`: prose for outcomes that indicators.csv defines.
    private func addReportEntries(_ node: SourceNode, to drafts: inout [OutcomeDraft]) {
        guard !node.isNull else { return }
        let path = FieldPath.root.appending("outcomes")
        guard let items = reader.list(node, path: path) else { return }
        var seen: [String: SourcePosition] = [:]
        for (j, item) in items.enumerated() where !sink.isFull {
            let itemPath = path.appending(j)
            guard let fields = reader.fields(item, path: itemPath, known: nil) else { continue }
            for (key, pair) in fields.entries where !Self.outcomeKeys.contains(key) {
                let message: String
                switch key {
                case "title": message = "key \"title\" is ignored here: outcome titles are in \(names[Self.indicatorsFile]) (column outcome_title)"
                case "indicators": message = "key \"indicators\" is ignored here: indicators are in \(names[Self.indicatorsFile])"
                default:
                    message = "unknown key \(Quoting.quoted(key))"
                        + (Suggestion.closest(to: key, among: Self.outcomeKeys).map { "; did you mean \(Quoting.quoted($0))?" } ?? "")
                }
                sink.warning(message, at: pair.key.position, path: itemPath)
            }
            guard let idNode = fields.required("id"),
                  let id = reader.text(idNode, path: itemPath.appending("id"), nonEmpty: true) else { continue }
            if let first = seen[id] {
                sink.error("duplicate outcome id \(Quoting.quoted(id)) (\(sink.firstAt(first, seenFrom: idNode.position)))",
                           at: idNode.position, path: itemPath.appending("id"))
                continue
            }
            seen[id] = idNode.position
            guard let index = outcomeIndex[id] else {
                var message = "outcome \(Quoting.quoted(id)) is not in \(names[Self.indicatorsFile])"
                if let guess = Suggestion.closest(to: id, among: drafts.map(\.id.text)) { message += "; did you mean \(Quoting.quoted(guess))?" }
                sink.error(message, at: idNode.position, path: itemPath.appending("id"))
                continue
            }
            drafts[index].extra = fields.entries.filter { ["narrative", "outputs", "notes"].contains($0.key) }.map(\.pair)
            outcomeEntryIndex[index] = j
        }
    }

    // MARK: Diagnostics

    private func finish(report: Report?, validatorStart: Int) -> CheckResult {
        var placed: [(file: Int, offset: Int, diagnostic: Diagnostic)] = []
        for (offset, entry) in sink.entries.enumerated() {
            let file = entry.position.file
            var diagnostic = sink.diagnostic(entry)
            if diagnostic.line == 0 {
                // A workbook's whole-sheet problems keep line 0 for `ReportLoader.checkWorkbook` to name the sheet alone.
                if container == .csvFolder {
                    diagnostic.line = 1
                    diagnostic.column = 1
                }
                diagnostic.path = ""
            } else if let fieldLabels = labels[file] {
                let isHeader = diagnostic.line == headerLines[file]
                let column = diagnostic.column - 1
                if !isHeader, !entry.message.hasPrefix("too many problems"), fieldLabels.indices.contains(column) {
                    diagnostic.path = fieldLabels[column]
                } else {
                    diagnostic.path = ""
                }
            } else if file == Self.reportFile, offset >= validatorStart {
                diagnostic.path = reportPath(entry.path)
            }
            placed.append((file, offset, diagnostic))
        }
        placed.sort { ($0.file, $0.diagnostic.line, $0.diagnostic.column, $0.offset) < ($1.file, $1.diagnostic.line, $1.diagnostic.column, $1.offset) }
        return CheckResult(report: sink.errorCount == 0 ? report : nil, diagnostics: placed.map(\.diagnostic))
    }

    /// `outcomes[2].narrative[0]` counts outcomes of the report; in report.yaml the entry may have another index.
    private func reportPath(_ path: String) -> String {
        let prefix = "outcomes["
        guard path.hasPrefix(prefix), let close = path.firstIndex(of: "]"),
              let index = Int(path[path.index(path.startIndex, offsetBy: prefix.count)..<close]),
              let entry = outcomeEntryIndex[index] else { return path }
        return "outcomes[\(entry)]" + path[path.index(after: close)...]
    }
}
