#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A tracker set at a glance, as listings such as `progress-tracker sets` show it: the
/// summary of its run, from the first start to the last completion.
public struct TrackerSetSummary: Codable, Sendable, Equatable {
    /// The set's name.
    public var name: String
    /// How many trackers the set has.
    public var trackerCount: Int
    /// The weighted overall progress in percent, 0...100; see `TrackerSetStatus.overall`.
    public var overall: Double
    /// When the set was created.
    public var createdAt: Date
    /// The last time the set or one of its trackers changed.
    public var updatedAt: Date
    /// When the first of its trackers started; nil before.
    public var startedAt: Date?
    /// When its last tracker completed, once every tracker is complete; nil before.
    public var completedAt: Date?
    /// Active seconds from the first start to the completion or the last change, without
    /// downtime between runs; see `TrackerSetStatus.elapsed`.
    public var elapsed: Double
    /// Items counted by all its trackers.
    public var items: Int
    /// `items` per second of `elapsed`; nil while `elapsed` is 0.
    public var meanRate: Double?
    /// Whether the set's workers should run, wait or stop.
    public var state: ControlState = .running

    private enum CodingKeys: String, CodingKey {
        case name, trackerCount, overall, createdAt, updatedAt, startedAt, completedAt, elapsed, items, meanRate, state
    }

    init(
        name: String, trackerCount: Int, overall: Double, createdAt: Date, updatedAt: Date, startedAt: Date?,
        completedAt: Date?, elapsed: Double, items: Int, meanRate: Double?, state: ControlState
    ) {
        self.name = name
        self.trackerCount = trackerCount
        self.overall = overall
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.elapsed = elapsed
        self.items = items
        self.meanRate = meanRate
        self.state = state
    }

    /// Decodes summaries written before sets had a state too: they were running.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        trackerCount = try container.decode(Int.self, forKey: .trackerCount)
        overall = try container.decode(Double.self, forKey: .overall)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        updatedAt = try container.decode(Date.self, forKey: .updatedAt)
        startedAt = try container.decodeIfPresent(Date.self, forKey: .startedAt)
        completedAt = try container.decodeIfPresent(Date.self, forKey: .completedAt)
        elapsed = try container.decode(Double.self, forKey: .elapsed)
        items = try container.decode(Int.self, forKey: .items)
        meanRate = try container.decodeIfPresent(Double.self, forKey: .meanRate)
        state = try container.decodeIfPresent(ControlState.self, forKey: .state) ?? .running
    }
}
