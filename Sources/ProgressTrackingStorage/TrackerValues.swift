/// A tracker's stored count, total and weight, and its percentage as the storage's SQL
/// computes it.
package struct TrackerValues: Sendable, Equatable {
    package var current: Int
    package var total: Int
    package var weight: Double?
    package var percent: Double

    package init(current: Int, total: Int, weight: Double?, percent: Double) {
        self.current = current
        self.total = total
        self.weight = weight
        self.percent = percent
    }
}
