#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An item that failed, as `failures(_:limit:)` lists it: one record per item key however
/// often it failed, with the last reason.
public struct ItemFailure: Codable, Sendable, Equatable {
    /// How a failure was resolved.
    public enum Resolution: String, Codable, Sendable {
        /// A later `increment(item:)` counted the item.
        case counted
        /// A later `skip(item:reason:)` skipped it.
        case skipped
    }

    /// The tracker the item belongs to.
    public var tracker: String
    /// The item's key.
    public var key: String
    /// The reason given with the last failure.
    public var reason: String
    /// How many times it failed.
    public var attempts: Int
    /// When it first failed.
    public var firstFailedAt: Date
    /// When it last failed.
    public var lastFailedAt: Date
    /// When it was counted or skipped after failing; nil while unresolved.
    public var resolvedAt: Date?
    /// How it was resolved; nil while unresolved.
    public var resolution: Resolution?

    /// A failure with these values, for tests and for decoding other sources; the store makes
    /// its own from the file.
    public init(
        tracker: String, key: String, reason: String, attempts: Int, firstFailedAt: Date, lastFailedAt: Date,
        resolvedAt: Date? = nil, resolution: Resolution? = nil
    ) {
        self.tracker = tracker
        self.key = key
        self.reason = reason
        self.attempts = attempts
        self.firstFailedAt = firstFailedAt
        self.lastFailedAt = lastFailedAt
        self.resolvedAt = resolvedAt
        self.resolution = resolution
    }
}
