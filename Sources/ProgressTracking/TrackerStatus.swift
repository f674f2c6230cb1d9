#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One tracker's progress and timing, as `ProgressTrackerSet.getStatus()` reports it.
///
/// Encodes to the seed's shape, `{"current":50,"total":100,"percent":50}`, plus `failed` and
/// `skipped` when not 0, the `cursor` when there is one, and the timing keys (`startedAt`,
/// `updatedAt`, `completedAt`, `elapsed`, `rate`, `eta`); a key whose value is unknown is left
/// out, as is `elapsed` before the start. A tracker that no failure, skip or cursor touched
/// thus keeps the seed's shape. Every value comes from
/// the file alone, so two reads of an unchanged file are equal: times are measured up to
/// the last change, `updatedAt`.
public struct TrackerStatus: Codable, Sendable, Equatable, StatusTiming {
    /// Items counted; may exceed `total`.
    public var current: Int
    /// Items expected.
    public var total: Int
    /// The share done in percent: finite, within 0...100, exactly 100 when `current >= total`
    /// (so when `total` is 0) and below 100 otherwise.
    public var percent: Double
    /// Items whose failure is unresolved (`fail(item:reason:)`, not counted or skipped since).
    public var failed: Int = 0
    /// Items skipped (`skip(item:reason:)`), which `current` counts.
    public var skipped: Int = 0
    /// Where the worker is in its input (`setCursor(_:)`); nil when none is set.
    public var cursor: String?
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

    /// A status with these values, for tests and for decoding other sources; the store makes
    /// its own from the file.
    public init(
        current: Int, total: Int, percent: Double,
        failed: Int = 0, skipped: Int = 0, cursor: String? = nil,
        startedAt: Date? = nil, updatedAt: Date? = nil, completedAt: Date? = nil,
        elapsed: Double = 0, rate: Double? = nil, eta: Double? = nil
    ) {
        self.current = current
        self.total = total
        self.percent = percent
        self.failed = failed
        self.skipped = skipped
        self.cursor = cursor
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.elapsed = elapsed
        self.rate = rate
        self.eta = eta
    }

    private enum CodingKeys: String, CodingKey {
        case current, total, percent, failed, skipped, cursor
    }

    /// Decodes the seed's shape too, which has no failures, cursor or timing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        current = try container.decode(Int.self, forKey: .current)
        total = try container.decode(Int.self, forKey: .total)
        percent = try container.decode(Double.self, forKey: .percent)
        failed = try container.decodeIfPresent(Int.self, forKey: .failed) ?? 0
        skipped = try container.decodeIfPresent(Int.self, forKey: .skipped) ?? 0
        cursor = try container.decodeIfPresent(String.self, forKey: .cursor)
        try decodeTiming(from: decoder)
    }

    /// Leaves out what is unknown (the nil values, and `elapsed` before the start) and the
    /// failed and skipped counts at 0.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(current, forKey: .current)
        try container.encode(total, forKey: .total)
        try container.encode(percent, forKey: .percent)
        if failed != 0 { try container.encode(failed, forKey: .failed) }
        if skipped != 0 { try container.encode(skipped, forKey: .skipped) }
        try container.encodeIfPresent(cursor, forKey: .cursor)
        try encodeTiming(to: encoder)
    }
}
