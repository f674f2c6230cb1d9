internal import ProgressTrackingStorage

/// A named group of trackers whose overall progress is their weighted average.
///
/// Get one from ``ProgressStore/trackerSet(named:)`` (created if absent) or
/// ``ProgressStore/getTrackerSet(named:)``. A handle: cheap to copy and `Sendable`. Every read
/// goes to the store, so a handle shows what other processes write. After the set is removed,
/// every call throws ``ProgressTrackingError/trackerSetRemoved(set:)``.
public struct ProgressTrackerSet: Sendable {
    /// The store the set lives in.
    public let store: ProgressStore
    /// The set's name, unique in its store, in the canonical form (Unicode NFC) the store keeps.
    public let name: String
    let identity: SetIdentity

    init(store: ProgressStore, identity: SetIdentity, name: String) {
        self.store = store
        self.identity = identity
        self.name = name
    }

    var subject: CallSubject { .set(name) }

    // MARK: - Trackers

    /// Creates a tracker expecting `total` items, with a count of 0, and records its creation
    /// in the history.
    ///
    /// - Parameters:
    ///   - name: Not empty, at most 255 UTF-8 bytes, no U+0000. Names are compared as Swift's
    ///     `==` compares strings; the tracker's ``ProgressTracker/name`` is the canonical form
    ///     (Unicode NFC) the store keeps.
    ///   - total: The items expected: 0 or more. A tracker with total 0 is complete.
    ///   - weight: Its share of the overall progress: 0, or between 1e-18 and 1e18; nil weighs
    ///     it by its total (see <doc:Semantics>).
    /// - Returns: A handle to the new tracker.
    /// - Throws: `.trackerExists` if the set has a tracker of that name; `.emptyName`,
    ///   `.nameTooLong`, `.nullCharacter`, `.negativeTotal`, `.invalidWeight`,
    ///   `.trackerSetRemoved`, `.readOnly`, or a store error.
    @discardableResult
    public func createTracker(_ name: String, total: Int, weight: Double? = nil) throws(ProgressTrackingError) -> ProgressTracker {
        let (name, weight) = try Validation.tracker(name, total: total, weight: weight)
        let tracker = try store.connections.writeAtomically(.tracker(name, set: self.name)) { storage throws(StorageError) in
            try create(name, total: total, weight: weight, on: storage)
        }
        return ProgressTracker(trackerSet: self, identity: tracker, name: name)
    }

    /// Creates the tracker, or returns the existing one with its count intact: the resume path.
    ///
    /// On an existing tracker, `total` replaces the stored total, and a given `weight` the
    /// stored weight (nil keeps it); its item keys, failures and cursor stay. Processes opening
    /// the same name at once get one tracker. Opening a tracker that this store did not create
    /// or open before resumes it: the time since its last change is downtime, which its active
    /// time leaves out, and its history records the resume.
    /// - Parameters:
    ///   - name: As for ``createTracker(_:total:weight:)``.
    ///   - total: The items expected: 0 or more; it replaces an existing tracker's total.
    ///   - weight: Its share of the overall progress, as for
    ///     ``createTracker(_:total:weight:)``; nil keeps an existing tracker's weight.
    /// - Returns: A handle to the tracker, new or existing.
    /// - Throws: as ``createTracker(_:total:weight:)``, except `.trackerExists`.
    @discardableResult
    public func openTracker(_ name: String, total: Int, weight: Double? = nil) throws(ProgressTrackingError) -> ProgressTracker {
        let (name, weight) = try Validation.tracker(name, total: total, weight: weight)
        let tracker = try store.connections.writeAtomically(.tracker(name, set: self.name)) { storage throws(StorageError) in
            if try storage.findTracker(named: name, in: identity) == nil {
                do throws(StorageError) {
                    return try create(name, total: total, weight: weight, on: storage)
                } catch where error.kind == .exists {
                    // Another process created it since: open theirs.
                }
            }
            guard let existing = try storage.findTracker(named: name, in: identity) else {
                throw StorageError(.missing(.tracker))
            }
            try reopen(existing, total: total, weight: weight, on: storage)
            return existing
        }
        return ProgressTracker(trackerSet: self, identity: tracker, name: name)
    }

    /// Inserts the tracker and records its creation.
    private func create(_ name: String, total: Int, weight: Double?, on storage: any TrackerStorage) throws(StorageError) -> TrackerIdentity {
        let now = try store.timekeeping.time(on: storage)
        let tracker = try storage.insertTracker(named: name, in: identity, total: total, weight: weight, at: now)
        try storage.recordEvent(HistoryEvent.Kind.created.rawValue, of: tracker, at: now)
        store.openedTrackers.insert(tracker)
        return tracker
    }

    /// Gives an existing tracker its new total and weight, resuming it if an earlier run left it.
    private func reopen(_ tracker: TrackerIdentity, total: Int, weight: Double?, on storage: any TrackerStorage) throws(StorageError) {
        let now = try store.timekeeping.time(on: storage)
        if !store.openedTrackers.contains(tracker) {
            let before = try storage.state(of: tracker)
            // The set first, while its last change is still the earlier run's; once per run,
            // as the scan it takes would cost a run that resumes many trackers dearly.
            if !store.openedTrackers.hasResumed(identity) {
                try storage.addDowntime(to: identity, at: now)
                store.openedTrackers.insertResumed(identity)
            }
            try storage.resume(tracker, downtime: before.completedAt == nil ? max(0, now - before.updatedAt) : 0, at: now)
            try storage.recordEvent(HistoryEvent.Kind.resumed.rawValue, of: tracker, at: now)
            store.openedTrackers.insert(tracker)
        }
        if let weight { try storage.setWeight(weight, of: tracker) }
        // A new total is a change like `setTotal`'s, recorded by the same rule.
        _ = try store.record(.total(total), of: tracker)
    }

    /// The tracker of that name, or nil (also once the set is removed); creates nothing.
    /// - Complexity: one lookup by name.
    /// - Throws: `.emptyName`, `.nameTooLong`, `.nullCharacter`, or a store error.
    public func getTracker(_ name: String) throws(ProgressTrackingError) -> ProgressTracker? {
        let name = try Validation.name(name, of: .tracker)
        return try store.connections.read(.tracker(name, set: self.name)) { storage throws(StorageError) in
            try storage.findTracker(named: name, in: identity)
        }.map { ProgressTracker(trackerSet: self, identity: $0, name: name) }
    }

    /// Removes the tracker with its item keys, failures and skips, and keeps its history, under
    /// its name, until the set is removed; handles to it throw `.trackerRemoved` from now on,
    /// even after a tracker of the same name is created again.
    /// - Returns: Whether a tracker of that name existed.
    /// - Throws: `.emptyName`, `.nameTooLong`, `.nullCharacter`, `.readOnly`, or a store error.
    @discardableResult
    public func removeTracker(_ name: String) throws(ProgressTrackingError) -> Bool {
        let name = try Validation.name(name, of: .tracker)
        return try store.connections.writeAtomically(.tracker(name, set: self.name)) { storage throws(StorageError) in
            guard let tracker = try storage.findTracker(named: name, in: identity) else { return false }
            let now = try store.timekeeping.time(on: storage)
            try storage.recordEvent(HistoryEvent.Kind.removed.rawValue, of: tracker, at: now)
            try storage.deleteTracker(tracker)
            // Removing a tracker is a change to its set, which the set's updated_at shows.
            try storage.touchSet(identity, at: now)
            return true
        }
    }

    /// The set's trackers in creation order; none once the set is removed.
    /// - Complexity: O(n) in the set's trackers.
    /// - Throws: A store error.
    public func getAllTrackers() throws(ProgressTrackingError) -> [ProgressTracker] {
        try store.connections.read(subject) { storage throws(StorageError) in try storage.trackers(in: identity) }
            .map { ProgressTracker(trackerSet: self, identity: $0.identity, name: $0.name) }
    }

    // MARK: - Progress

    /// The weighted overall progress in percent, 0...100:
    /// 100 · Σ weightᵢ·fractionᵢ / Σ weightᵢ with fractionᵢ = min(currentᵢ, totalᵢ) / totalᵢ.
    ///
    /// Exactly 100 when every tracker that carries weight is complete, below 100 while one is
    /// not, never NaN or infinite. An empty set is at 0; when the weights add up to 0, the set
    /// is at 100 if every tracker is complete and at 0 otherwise. See <doc:Semantics>.
    /// - Complexity: one SQL aggregate, O(n) in the set's trackers.
    /// - Throws: `.trackerSetRemoved`, or a store error.
    public func getOverallProgress() throws(ProgressTrackingError) -> Double {
        try store.connections.read(subject) { storage throws(StorageError) in try storage.overall(of: identity) }
    }

    /// Every tracker's status and the overall progress, read in one snapshot: counts, failed
    /// and skipped items, cursors, the set's control state, and the timing of each tracker and
    /// of the set (see <doc:HistoryAndTiming>).
    /// - Complexity: one SQL query, O(n) in the set's trackers.
    /// - Throws: `.trackerSetRemoved`, or a store error.
    public func getStatus() throws(ProgressTrackingError) -> TrackerSetStatus {
        TrackerSetStatus(try store.connections.read(subject) { storage throws(StorageError) in try storage.status(of: identity) })
    }

    /// The failed items of every tracker in the set, oldest first (by first failure); see
    /// ``ProgressTracker/failures(_:limit:)``.
    /// - Parameters:
    ///   - filter: ``FailureFilter/unresolved`` (the default), ``FailureFilter/resolved``, or
    ///     ``FailureFilter/all``.
    ///   - limit: At most this many, the oldest; nil for all.
    /// - Complexity: O(f log f) in the set's failures of that kind.
    /// - Throws: `.negativeLimit`, `.trackerSetRemoved`, or a store error.
    public func failures(_ filter: FailureFilter = .unresolved, limit: Int? = nil) throws(ProgressTrackingError) -> [ItemFailure] {
        let query = FailureQuery(scope: .set(identity), resolved: filter.resolved, limit: try Validation.limit(limit))
        return try store.connections.read(subject) { storage throws(StorageError) in try storage.failures(query) }
            .map(ItemFailure.init)
    }

    /// The set's tracker count, overall progress, items counted, and the times of its run:
    /// what `progress-tracker sets` lists.
    /// - Complexity: one SQL query, O(n) in the set's trackers (the status's).
    /// - Throws: `.trackerSetRemoved`, or a store error.
    public func summary() throws(ProgressTrackingError) -> TrackerSetSummary {
        TrackerSetSummary(name: name, try store.connections.read(subject) { storage throws(StorageError) in try storage.status(of: identity) })
    }
}
