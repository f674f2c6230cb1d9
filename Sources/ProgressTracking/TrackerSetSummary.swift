#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A tracker set at a glance, as listings such as `progress-tracker sets` show it.
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
}
