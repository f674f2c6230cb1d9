/// The page's drawing grid: every chart is `width` wide in its own units (the browser scales
/// it to the page) and plots time between the same edges, so that the charts line up.
enum ReportGeometry {
    static let width = 1200.0
    /// Room on the left for the timeline's names and the charts' value labels.
    static let plotLeft = 170.0
    static let plotRight = 1180.0
    static var plotWidth: Double { plotRight - plotLeft }
    /// The most columns a name takes in a chart's labels; the table shows more.
    static let labelColumns = 22
}

/// The colours of the lines and bars: one per tracker in creation order, repeating after ten,
/// chosen to stay apart from each other on screen and on paper; the overall line is ink.
enum ReportPalette {
    static let overall = "#1f2328"
    private static let trackers = [
        "#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1",
        "#76b7b2", "#c9a227", "#9c755f", "#ff9da7", "#7f7f7f",
    ]

    static func colour(of index: Int) -> String {
        trackers[index % trackers.count]
    }
}
