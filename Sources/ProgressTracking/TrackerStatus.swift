#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One tracker's progress and timing, as `ProgressTrackerSet.getStatus()` reports it.
///
/// Encodes to the seed's shape, `{"current":50,"total":100,"percent":50}`, plus the timing
/// keys (`startedAt`, `updatedAt`, `completedAt`, `elapsed`, `rate`, `eta`); a key whose
/// value is unknown is left out, as is `elapsed` before the start. Every value comes from
/// the file alone, so two reads of an unchanged file are equal: times are measured up to
/// the last change, `updatedAt`.
public struct TrackerStatus: Codable, Sendable, Equatable, StatusTiming {
    /// Items counted; may exceed `total`.
    public var current: Int
    /// Items expected.
    public var total: Int
    /// min(current, total) / total in percent, 0...100; 100 when `total` is 0.
    public var percent: Double
    /// When the first item was counted; nil before.
    public var startedAt: Date?
    /// When the count or the total last changed (or the tracker was created or resumed).
    public var updatedAt: Date?
    /// When the count first reached the total; nil before.
    public var completedAt: Date?
    /// Active seconds from the start to the completion, or else to `updatedAt`. Time between
    /// one run's last change and a later run's resume (`openTracker`) does not count.
    public var elapsed: Double = 0
    /// Items per second over the last minute of counting before `updatedAt`, never across a
    /// resume or a lowered count; nil until two changes a moment apart tell it.
    public var rate: Double?
    /// Seconds from `updatedAt` to completion at `rate`: 0 when complete, nil when unknown.
    public var eta: Double?

    public init(
        current: Int, total: Int, percent: Double,
        startedAt: Date? = nil, updatedAt: Date? = nil, completedAt: Date? = nil,
        elapsed: Double = 0, rate: Double? = nil, eta: Double? = nil
    ) {
        self.current = current
        self.total = total
        self.percent = percent
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.elapsed = elapsed
        self.rate = rate
        self.eta = eta
    }

    private enum CodingKeys: String, CodingKey {
        case current, total, percent
    }

    /// Decodes the seed's shape too, which has no timing keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        current = try container.decode(Int.self, forKey: .current)
        total = try container.decode(Int.self, forKey: .total)
        percent = try container.decode(Double.self, forKey: .percent)
        try decodeTiming(from: decoder)
    }

    /// Leaves out what is unknown: the nil values, and `elapsed` before the start.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(current, forKey: .current)
        try container.encode(total, forKey: .total)
        try container.encode(percent, forKey: .percent)
        try encodeTiming(to: encoder)
    }
}
