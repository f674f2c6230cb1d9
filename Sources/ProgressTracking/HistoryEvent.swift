#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One row of a tracker's history, as `ProgressStore.history(set:tracker:since:until:)` returns it.
///
/// History outlives the tracker: a removed tracker's events stay, under its name, until its
/// set is removed.
public struct HistoryEvent: Codable, Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The tracker was created.
        case created
        /// The tracker was opened by a later run (`openTracker` on an existing tracker).
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
    }

    /// The set's name.
    public var set: String
    /// The tracker's name.
    public var tracker: String
    public var kind: Kind
    /// When it happened.
    public var at: Date
    /// The tracker's count just after the event.
    public var current: Int
    /// The tracker's total just after the event.
    public var total: Int

    public init(set: String, tracker: String, kind: Kind, at: Date, current: Int, total: Int) {
        self.set = set
        self.tracker = tracker
        self.kind = kind
        self.at = at
        self.current = current
        self.total = total
    }
}
