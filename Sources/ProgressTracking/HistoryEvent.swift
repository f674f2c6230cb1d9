#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One row of a set's history, as `ProgressStore.history(set:tracker:since:until:)` returns
/// it: an event of one of its trackers, or of the set itself (paused, resumed, cancelled).
///
/// History outlives the tracker: a removed tracker's events stay, under its name, until its
/// set is removed.
public struct HistoryEvent: Codable, Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The tracker was created.
        case created
        /// The tracker was opened by a later run (`openTracker` on an existing tracker); or, as
        /// the set's own event, the set was resumed after a pause or a cancel.
        case resumed
        /// The first item was counted.
        case started
        /// A sample of the count, written at most once per sample interval while counting.
        case progress
        /// The count was set lower (`setCurrent`): a restart, from which the rate is measured anew.
        case currentSet
        /// The total changed (`setTotal`, or `openTracker` with another total).
        case totalChanged
        /// The count reached the total for the first time.
        case completed
        /// The tracker was removed.
        case removed
        /// A sample of the tracker's failures, written when an item first fails, at most once
        /// per sample interval: failures of a million items write a bounded number of rows.
        case failed
        /// The set was paused (the set's own event).
        case paused
        /// The set was cancelled (the set's own event).
        case cancelled
    }

    /// The set's name.
    public var set: String
    /// The tracker's name; nil for the set's own events.
    public var tracker: String?
    /// What happened.
    public var kind: Kind
    /// When it happened.
    public var at: Date
    /// The tracker's count just after the event (for the set's own, its trackers' sum).
    public var current: Int
    /// The tracker's total just after the event (for the set's own, its trackers' sum).
    public var total: Int
    /// Items whose failure was unresolved just after the event.
    public var failed: Int
    /// Items skipped just after the event.
    public var skipped: Int

    /// An event with these values, for tests and for decoding other sources; the store makes
    /// its own from the file.
    public init(
        set: String, tracker: String?, kind: Kind, at: Date, current: Int, total: Int, failed: Int = 0, skipped: Int = 0
    ) {
        self.set = set
        self.tracker = tracker
        self.kind = kind
        self.at = at
        self.current = current
        self.total = total
        self.failed = failed
        self.skipped = skipped
    }
}
