import FolioLanguage
import Foundation

extension ReportLoader {
    /// Checks an IATI activity file (`iati-activities`, versions 2.01–2.03): the same limits and
    /// encoding rules as every input, then the XML read into activities, joined into a report's
    /// tree (`IATIReportTree`) and validated like a YAML file.
    ///
    /// Malformed XML or a DOCTYPE make the file unreadable; another root element or version, or a
    /// value that is not a number, is an error at its place.
    static func checkIATI(data: Data, fileName: String, options: LoadOptions) -> CheckResult {
        LargeStack.run {
            let sink = DiagnosticSink(file: fileName)
            let activities: [IATIActivity]
            let root: XMLElementNode
            do throws(ParseFailure) {
                root = try xmlRoot(data, options: options)
            } catch {
                sink.error(error.message, at: error.position)
                return CheckResult(report: nil, diagnostics: sink.sorted, isUnreadable: true)
            }
            // Well-formed XML that is not an IATI activity file (another root, another version) was
            // read: it is invalid data, as a YAML file of the wrong shape is, not unreadable.
            do throws(ParseFailure) {
                var reader = IATIActivityReader(sink: sink)
                activities = try reader.activities(root)
            } catch {
                sink.error(error.message, at: error.position)
                return CheckResult(report: nil, diagnostics: sink.sorted)
            }
            guard let regions = options.regionTable ?? RegionTable.unM49 else {
                sink.error("the UN M49 region table (Assets/regions/un-m49.yaml) is not installed; give a region table", at: .start)
                return CheckResult(report: nil, diagnostics: sink.sorted)
            }
            let builder = IATIReportTree(sink: sink, regions: regions, countRule: options.iatiCount, countries: CountryTable.bundled,
                                         fileTitle: ((fileName as NSString).lastPathComponent as NSString).deletingPathExtension)
            guard sink.errorCount == 0, let tree = builder.tree(activities, root: root) else {
                return CheckResult(report: nil, diagnostics: sink.sorted)
            }
            var validator = ReportValidator(sink: sink)
            validator.resultCountsEntries = false
            let report = validator.report(from: tree)
            return CheckResult(report: sink.errorCount == 0 ? report : nil, diagnostics: sink.sorted)
        }
    }

    /// The size limit, the encoding (UTF-8, as IATI files are), then the XML parse.
    private static func xmlRoot(_ data: Data, options: LoadOptions) throws(ParseFailure) -> XMLElementNode {
        if data.count > options.maxBytes {
            throw ParseFailure(position: .start, message: "file is larger than the limit of \(SourceDocument.byteCount(options.maxBytes))")
        }
        let bytes = [UInt8](data)
        let problem: ParseFailure? = bytes.withUnsafeBufferPointer { buffer in
            if let encoding = UTF8Validation.foreignByteOrderMark(buffer) {
                return ParseFailure(position: .start, message: "file is not UTF-8 (it starts with a \(encoding) byte order mark); save it as UTF-8")
            }
            guard let offset = UTF8Validation.firstInvalidOffset(buffer) else { return nil }
            return ParseFailure(position: UTF8Validation.position(ofByteOffset: offset, in: buffer),
                                message: UTF8Validation.invalidByteMessage(buffer[offset], offset: offset))
        }
        if let problem { throw problem }
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { throw ParseFailure(position: .start, message: "file is empty") }
        return try XMLTreeParser.parse(bytes, file: 0, maxNodes: options.maxNodes)
    }
}
