/// One stored failure of an item: its key, the last reason, how often it failed and when,
/// and how it was resolved, if it was.
package struct FailureRow: Sendable, Equatable {
    package var tracker: String
    package var key: String
    package var reason: String
    package var attempts: Int
    package var firstAt: Double
    package var lastAt: Double
    package var resolvedAt: Double?
    /// `counted` or `skipped`, once resolved.
    package var resolution: String?

    package init(
        tracker: String, key: String, reason: String, attempts: Int, firstAt: Double, lastAt: Double,
        resolvedAt: Double?, resolution: String?
    ) {
        self.tracker = tracker
        self.key = key
        self.reason = reason
        self.attempts = attempts
        self.firstAt = firstAt
        self.lastAt = lastAt
        self.resolvedAt = resolvedAt
        self.resolution = resolution
    }
}
