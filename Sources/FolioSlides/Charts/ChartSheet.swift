import FolioWorkbook

/// The workbook embedded with a native chart: what "Edit Data" opens. Its cells hold exactly the
/// values cached in the chart part, laid out as the part's ranges say (A1 empty, series names
/// across row 1 from B1, categories down column A from A2), on a sheet named `Sheet1`.
enum ChartSheet {
    static let name = "Sheet1"

    static func workbook(of chart: NativeChart) -> Workbook {
        let header: [Cell] = [.empty] + chart.series.map { .text($0.name) } + chart.legendKeys.map { .text($0.name) }
        let rows: [[Cell]] = chart.categories.enumerated().map { index, category in
            [.text(category)] + chart.series.map { series in
                (index < series.values.count ? series.values[index] : nil).map(Cell.number) ?? .empty
            }
        }
        return Workbook(sheets: [Worksheet(name: name, rows: [header] + rows)])
    }
}
