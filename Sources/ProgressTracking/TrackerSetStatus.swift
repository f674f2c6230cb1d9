#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every tracker's progress in a set and the set's overall progress, read in one snapshot.
///
/// Encodes to the seed's shape,
/// `{"trackers":{"download":{"current":50,"total":100,"percent":50}},"overall":40}`,
/// plus `"order"`, the tracker names in creation order (JSON objects have no order), and the
/// set's timing keys (`startedAt`, `updatedAt`, `completedAt`, `elapsed`, `rate`, `eta`),
/// those whose value is unknown left out, as `TrackerStatus` does.
public struct TrackerSetStatus: Codable, Sendable, Equatable, StatusTiming {
    /// Each tracker's status, by name.
    public var trackers: [String: TrackerStatus]
    /// The weighted overall progress in percent, 0...100.
    public var overall: Double
    /// The names of `trackers` in creation order.
    public var order: [String]
    /// When the first of its trackers started; nil before.
    public var startedAt: Date?
    /// When one of its trackers last changed; nil when it has none.
    public var updatedAt: Date?
    /// When its last tracker completed, once every tracker is complete; nil before.
    public var completedAt: Date?
    /// Active seconds from the first start to the completion, or else to `updatedAt`,
    /// without the time between a run's last change and a later run's resume.
    public var elapsed: Double = 0
    /// How fast `overall` grows, in percentage points per second: the trackers' rates,
    /// weighted as the overall progress weighs them. Nil when no tracker has a rate.
    public var rate: Double?
    /// Seconds until `overall` reaches 100 at `rate`: 0 when complete, nil when unknown.
    public var eta: Double?

    public init(
        trackers: [String: TrackerStatus] = [:], overall: Double, order: [String] = [],
        startedAt: Date? = nil, updatedAt: Date? = nil, completedAt: Date? = nil,
        elapsed: Double = 0, rate: Double? = nil, eta: Double? = nil
    ) {
        self.trackers = trackers
        self.overall = overall
        self.order = order
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.elapsed = elapsed
        self.rate = rate
        self.eta = eta
    }

    /// Adds a tracker after the ones already there.
    mutating func append(_ name: String, _ status: TrackerStatus) {
        trackers[name] = status
        order.append(name)
    }

    private enum CodingKeys: String, CodingKey {
        case trackers, overall, order
    }

    /// Decodes the seed's shape too, which has no `"order"` and no timing: its trackers come
    /// in name order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trackers = try container.decode([String: TrackerStatus].self, forKey: .trackers)
        overall = try container.decode(Double.self, forKey: .overall)
        order = try container.decodeIfPresent([String].self, forKey: .order) ?? trackers.keys.sorted()
        try decodeTiming(from: decoder)
    }

    /// Leaves out what is unknown: the nil values, and `elapsed` before the start.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trackers, forKey: .trackers)
        try container.encode(overall, forKey: .overall)
        try container.encode(order, forKey: .order)
        try encodeTiming(to: encoder)
    }
}
