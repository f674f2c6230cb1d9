/// One tracker's progress, as `ProgressTrackerSet.getStatus()` reports it.
///
/// Encodes to the seed's shape: `{"current":50,"total":100,"percent":50}`.
public struct TrackerStatus: Codable, Sendable, Equatable {
    /// Items counted; may exceed `total`.
    public var current: Int
    /// Items expected.
    public var total: Int
    /// min(current, total) / total in percent, 0...100; 100 when `total` is 0.
    public var percent: Double

    public init(current: Int, total: Int, percent: Double) {
        self.current = current
        self.total = total
        self.percent = percent
    }
}
