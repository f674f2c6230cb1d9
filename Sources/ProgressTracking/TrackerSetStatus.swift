#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every tracker's progress in a set and the set's overall progress, read in one snapshot.
///
/// Encodes to the seed's shape,
/// `{"trackers":{"download":{"current":50,"total":100,"percent":50}},"overall":40}`,
/// plus `"order"`, the tracker names in creation order (JSON objects have no order), the
/// set's `state` when it is not running, `failed` and `skipped` when not 0, and its timing
/// keys (`startedAt`, `updatedAt`, `completedAt`, `elapsed`, `rate`, `eta`), those whose value
/// is unknown left out, as `TrackerStatus` does.
public struct TrackerSetStatus: Codable, Sendable, Equatable, StatusTiming {
    /// Each tracker's status, by name.
    public var trackers: [String: TrackerStatus]
    /// The weighted overall progress in percent: finite, within 0...100, exactly 100 when
    /// every tracker that carries weight is complete, and below 100 while one is not.
    public var overall: Double
    /// The names of `trackers` in creation order.
    public var order: [String]
    /// Whether the set's workers should run, wait or stop (see `ProgressTrackerSet.pause()`).
    public var state: ControlState = .running
    /// Items whose failure is unresolved, over all trackers.
    public var failed: Int = 0
    /// Items skipped, over all trackers.
    public var skipped: Int = 0
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

    /// A status with these values, for tests and for decoding other sources; the store makes
    /// its own from the file. `order` should name the keys of `trackers`.
    public init(
        trackers: [String: TrackerStatus] = [:], overall: Double, order: [String] = [],
        state: ControlState = .running, failed: Int = 0, skipped: Int = 0,
        startedAt: Date? = nil, updatedAt: Date? = nil, completedAt: Date? = nil,
        elapsed: Double = 0, rate: Double? = nil, eta: Double? = nil
    ) {
        self.trackers = trackers
        self.overall = overall
        self.order = order
        self.state = state
        self.failed = failed
        self.skipped = skipped
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.elapsed = elapsed
        self.rate = rate
        self.eta = eta
    }

    /// Adds a tracker after the ones already there, and its failed and skipped items to the set's.
    mutating func append(_ name: String, _ status: TrackerStatus) {
        trackers[name] = status
        order.append(name)
        failed += status.failed
        skipped += status.skipped
    }

    private enum CodingKeys: String, CodingKey {
        case trackers, overall, order, state, failed, skipped
    }

    /// Decodes the seed's shape too, which has no `"order"`, state, failures or timing: its
    /// trackers come in name order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trackers = try container.decode([String: TrackerStatus].self, forKey: .trackers)
        overall = try container.decode(Double.self, forKey: .overall)
        order = try container.decodeIfPresent([String].self, forKey: .order) ?? trackers.keys.sorted()
        state = try container.decodeIfPresent(ControlState.self, forKey: .state) ?? .running
        failed = try container.decodeIfPresent(Int.self, forKey: .failed) ?? 0
        skipped = try container.decodeIfPresent(Int.self, forKey: .skipped) ?? 0
        try decodeTiming(from: decoder)
    }

    /// Leaves out what is unknown (the nil values, and `elapsed` before the start), the
    /// failed and skipped counts at 0, and the state while running.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trackers, forKey: .trackers)
        try container.encode(overall, forKey: .overall)
        try container.encode(order, forKey: .order)
        if state != .running { try container.encode(state, forKey: .state) }
        if failed != 0 { try container.encode(failed, forKey: .failed) }
        if skipped != 0 { try container.encode(skipped, forKey: .skipped) }
        try encodeTiming(to: encoder)
    }
}
