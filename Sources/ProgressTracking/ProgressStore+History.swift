#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import ProgressTrackingStorage

extension ProgressStore {
    /// The history of the set named `set`, oldest first: when each tracker was created,
    /// started, resumed, changed total, completed and removed, when the set was paused, resumed
    /// or cancelled, with progress and failure samples between (at most one of each per tracker
    /// per sample interval; see ``init(path:durability:readOnly:busyTimeout:sampleInterval:)``).
    ///
    /// Removed trackers' events are included; a removed set has no history. See
    /// <doc:HistoryAndTiming>.
    /// - Parameters:
    ///   - set: The set's name, compared as names always are (Swift's `==`).
    ///   - tracker: Only this tracker's events and the set's own (paused, resumed,
    ///     cancelled), which concern every tracker; nil for every event of the set.
    ///   - since: Only events at or after this time.
    ///   - until: Only events before this time.
    /// - Returns: The events in time order; empty if no set has that name.
    /// - Complexity: an index range scan over the set's events in the time range.
    /// - Throws: `.emptyName`, `.nameTooLong`, `.nullCharacter`, or a store error.
    public func history(
        set: String, tracker: String? = nil, since: Date? = nil, until: Date? = nil
    ) throws(ProgressTrackingError) -> [HistoryEvent] {
        let set = try Validation.name(set, of: .trackerSet)
        var trackerName: String?
        if let tracker { trackerName = try Validation.name(tracker, of: .tracker) }
        let rows = try connections.read(.set(set)) { storage throws(StorageError) in
            try storage.history(
                setNamed: set, trackerNamed: trackerName, since: since?.timeIntervalSince1970, until: until?.timeIntervalSince1970
            )
        }
        return rows.compactMap { HistoryEvent(set: set, $0) }
    }
}
