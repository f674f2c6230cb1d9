/// Which points of a long line a chart draws: it samples the drawing, not the data's
/// meaning. Per column of the chart it keeps the first, the last, the lowest and the highest
/// point, so that every rise, fall and spike still shows, and it keeps every point marked
/// `keep` (lifecycle events, run ends, breaks) wherever it falls.
enum SeriesThinning {
    /// The indices of the points to draw, in order; all of them when there are no more than
    /// four per column. `column` gives a time's column and never decreases with time.
    /// - Complexity: O(n).
    static func kept(_ points: [SeriesPoint], columns: Int, column: (Double) -> Int) -> [Int] {
        guard points.count > 4 * columns else { return Array(points.indices) }
        var kept: [Int] = []
        var pending: [Int] = []  // the current column's candidates
        var current: Int?
        var first = 0
        var low = 0
        var high = 0
        var last = 0

        func flush() {
            guard current != nil else { return }
            pending += [first, low, high, last]
            pending.sort()
            for index in pending where kept.last != index { kept.append(index) }
            pending.removeAll(keepingCapacity: true)
        }

        for index in points.indices {
            let point = points[index]
            let pointColumn = column(point.time)
            if pointColumn != current {
                flush()
                current = pointColumn
                (first, low, high) = (index, index, index)
            }
            last = index
            if point.value < points[low].value { low = index }
            if point.value > points[high].value { high = index }
            if point.keep { pending.append(index) }
        }
        flush()
        return kept
    }

    /// `points` with the points just before and just after each downtime marked `keep`, so
    /// that a line leaves a run where its data ends and enters the next where it begins.
    /// - Complexity: O(n + d).
    static func keepingEdges(of downtimes: [Downtime], in points: [SeriesPoint]) -> [SeriesPoint] {
        var points = points
        var index = 0
        for downtime in downtimes {
            while index < points.count, points[index].time <= downtime.start { index += 1 }
            if index > 0 { points[index - 1].keep = true }
            while index < points.count, points[index].time < downtime.end { index += 1 }
            if index < points.count { points[index].keep = true }
        }
        return points
    }
}
