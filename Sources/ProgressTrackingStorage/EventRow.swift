/// One stored history row: the tracker's name (nil for the set's own events), the event's
/// kind as the service named it, its time, and the tracker's (or the set's) counts just after.
package struct EventRow: Sendable, Equatable {
    package var tracker: String?
    package var kind: String
    package var at: Double
    package var current: Int
    package var total: Int
    package var failed: Int
    package var skipped: Int

    package init(tracker: String?, kind: String, at: Double, current: Int, total: Int, failed: Int, skipped: Int) {
        self.tracker = tracker
        self.kind = kind
        self.at = at
        self.current = current
        self.total = total
        self.failed = failed
        self.skipped = skipped
    }
}
