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
    /// The weighted overall progress in percent, 0...100.
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
}
