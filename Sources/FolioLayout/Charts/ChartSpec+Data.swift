/// What an overview chart plots, for those that chart the same data another way (a native
/// PowerPoint chart): its rows and the axis shared by all its parts.
extension ChartSpec {
    public var overviewRows: [OverviewChart.Row] { rows }
    public var overviewScale: AxisScale? { scale }
}
