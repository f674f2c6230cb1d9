/// One stored history row: the tracker's name, the event's kind as the service named it, its
/// time, and the tracker's count and total just after it.
package struct EventRow: Sendable, Equatable {
    package var tracker: String
    package var kind: String
    package var at: Double
    package var current: Int
    package var total: Int

    package init(tracker: String, kind: String, at: Double, current: Int, total: Int) {
        self.tracker = tracker
        self.kind = kind
        self.at = at
        self.current = current
        self.total = total
    }
}
