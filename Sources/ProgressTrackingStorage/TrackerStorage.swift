/// One connection's worth of storage for tracker sets: the operations the service runs,
/// in rows. The SQLite storage implements it; a storage for another database implements the
/// same protocol, and the service works with it unchanged.
///
/// The service owns the domain: it validates input, serializes calls (an implementation is
/// used by one thread at a time and need not be `Sendable`), keeps the transaction state and
/// decides what each change means for history and timing. A storage stores and reads rows,
/// computes progress with its database's aggregates, and reports failures as `StorageError`s:
/// every operation on a set or tracker throws `.missing` when the identity it is given is no
/// longer stored. Times are Unix seconds.
package protocol TrackerStorage: AnyObject {
    // MARK: Transactions

    /// Begins a transaction that takes the write lock at once.
    func begin() throws(StorageError)
    func commit() throws(StorageError)
    /// Rolls back the open transaction, if the database has not already ended it.
    func rollback()
    /// Opens a savepoint inside the open transaction.
    func savepoint() throws(StorageError)
    func releaseSavepoint() throws(StorageError)
    /// Undoes and closes the innermost savepoint, if the transaction is still open.
    func rollbackToSavepoint()

    // MARK: Time and changes

    /// The storage's clock, for a service that has no clock of its own: every time written
    /// comes from one clock, whichever process or host writes it.
    func now() throws(StorageError) -> Double
    /// Changes whenever anyone commits a change to the store.
    /// - Complexity: O(1).
    func changeToken() throws(StorageError) -> StorageChangeToken

    // MARK: Sets

    func findSet(named name: String) throws(StorageError) -> SetIdentity?
    /// The set of that name, created if absent; safe against another process doing the same.
    func createSet(named name: String, at now: Double) throws(StorageError) -> SetIdentity
    /// Every set, in creation order.
    func allSets() throws(StorageError) -> [NamedIdentity<SetIdentity>]
    /// Deletes the set, its trackers, their item keys and its history. Returns whether it existed.
    func deleteSet(named name: String) throws(StorageError) -> Bool
    /// Records a change to the set itself (a tracker removed) at `now`.
    func touchSet(_ set: SetIdentity, at now: Double) throws(StorageError)
    /// Adds the time from the set's last change to `now` to its downtime, if it was started
    /// and is not complete: a later run resumes it.
    /// - Complexity: O(n) in the set's trackers.
    func addDowntime(to set: SetIdentity, at now: Double) throws(StorageError)

    // MARK: Trackers

    func findTracker(named name: String, in set: SetIdentity) throws(StorageError) -> TrackerIdentity?
    /// The set's trackers in creation order.
    func trackers(in set: SetIdentity) throws(StorageError) -> [NamedIdentity<TrackerIdentity>]
    /// Inserts a tracker with count 0. Throws `.exists` if the set has one of that name.
    func insertTracker(
        named name: String, in set: SetIdentity, total: Int, weight: Double?, at now: Double
    ) throws(StorageError) -> TrackerIdentity
    /// Replaces the weight of an existing tracker.
    func setWeight(_ weight: Double, of tracker: TrackerIdentity) throws(StorageError)
    /// Deletes the tracker and its item keys; its history stays.
    func deleteTracker(_ tracker: TrackerIdentity) throws(StorageError)
    func values(of tracker: TrackerIdentity) throws(StorageError) -> TrackerValues
    /// The tracker's state, read to be changed in the open transaction: no other connection
    /// changes it before the transaction ends.
    func state(of tracker: TrackerIdentity) throws(StorageError) -> TrackerState

    // MARK: Counting

    /// The hot path: applies `change` (`.add` or `.assign`) only if it needs no history row,
    /// by the rule the service's `HistoryPolicy` defines, in one statement. Returns whether it applied it;
    /// when it did not, the service records the change through `apply`. `now` nil means the
    /// storage's clock.
    func applyQuietly(_ change: CountChange, to tracker: TrackerIdentity, at now: Double?) throws(StorageError) -> Bool
    /// Applies `change` whatever it means for history; the service records that meaning.
    func apply(_ change: CountChange, to tracker: TrackerIdentity, at now: Double) throws(StorageError)
    /// Sets the tracker's timing marks.
    func mark(_ tracker: TrackerIdentity, _ marks: TrackerMarks, at now: Double) throws(StorageError)
    /// Moves the sample the tracker's rate is measured from to its last history row at least
    /// `window` seconds before `now`, if there is one since counting last (re)started; else
    /// it stays where the restart put it. Called when the tracker's history gets a row.
    func advanceRateBase(of tracker: TrackerIdentity, window: Double, at now: Double) throws(StorageError)
    /// Resumes a tracker that an earlier run left: adds `downtime` to its paused time,
    /// measures its rate anew from `now`, and takes `now` as its last change.
    func resume(_ tracker: TrackerIdentity, downtime: Double, at now: Double) throws(StorageError)
    /// Stores the item key; returns false if the tracker had it already.
    func insertItem(_ key: String, into tracker: TrackerIdentity) throws(StorageError) -> Bool
    /// Forgets an item key stored in the open transaction whose count then failed.
    func deleteItem(_ key: String, from tracker: TrackerIdentity) throws(StorageError)
    func hasItem(_ key: String, in tracker: TrackerIdentity) throws(StorageError) -> Bool

    // MARK: Failures, skips and cursors

    /// Records that the item failed, unless it is counted: a first failure (or one after its
    /// last was resolved) adds one to the tracker's failures; a repeated one adds an attempt.
    func recordFailure(_ key: String, reason: String, of tracker: TrackerIdentity, at now: Double) throws(StorageError) -> FailureRecording
    /// Notes that the tracker's failures were sampled into the history at `now`.
    func markFailuresSampled(_ tracker: TrackerIdentity, at now: Double) throws(StorageError)
    /// Resolves the item's unresolved failure, if it has one, as `resolution` (`counted` or
    /// `skipped`), taking one from the tracker's failures. Returns whether it had one. `now`
    /// nil means the storage's clock.
    func resolveFailure(_ key: String, of tracker: TrackerIdentity, as resolution: String, at now: Double?) throws(StorageError) -> Bool
    /// Undoes `resolveFailure` of the item in the open transaction, whose count then failed.
    func reopenFailure(_ key: String, of tracker: TrackerIdentity) throws(StorageError)
    /// Records that the counted item was skipped, with its reason, adding one to the
    /// tracker's skipped items.
    func recordSkip(_ key: String, reason: String, of tracker: TrackerIdentity, at now: Double) throws(StorageError)
    /// The failures `query` asks for, oldest first (by first failure).
    func failures(_ query: FailureQuery) throws(StorageError) -> [FailureRow]
    func cursor(of tracker: TrackerIdentity) throws(StorageError) -> String?
    /// Sets the tracker's cursor, or clears it with nil.
    func setCursor(_ cursor: String?, of tracker: TrackerIdentity) throws(StorageError)

    // MARK: Control

    /// The set's control state.
    /// - Complexity: O(1).
    func control(of set: SetIdentity) throws(StorageError) -> SetControlRow
    /// Sets the set's control state and when it last stopped running.
    func setControl(_ control: SetControlRow, of set: SetIdentity) throws(StorageError)
    /// Resumes a set that stopped running at `haltedAt`: the time until `now`, from `haltedAt`
    /// or from a later last change, becomes downtime of the set and of its started, unfinished
    /// trackers, whose rates are measured anew from `now`, which becomes their last change.
    func resumeTimekeeping(of set: SetIdentity, haltedAt: Double, at now: Double) throws(StorageError)
    /// Writes a history row of the set's own (no tracker), with the set's counts.
    func recordSetEvent(_ kind: String, of set: SetIdentity, at now: Double) throws(StorageError)

    // MARK: Progress and history

    /// The set's overall percentage, from one aggregate.
    /// - Complexity: O(n) in the set's trackers.
    func overall(of set: SetIdentity) throws(StorageError) -> Double
    /// Every tracker's status, the set's own row and its overall, in one snapshot.
    /// - Complexity: O(n) in the set's trackers: one scan of their rows, and the overall's.
    func status(of set: SetIdentity) throws(StorageError) -> SetStatusRow
    func status(of tracker: TrackerIdentity) throws(StorageError) -> TrackerStatusRow
    /// Writes a history row of `kind` with the tracker's current values.
    func recordEvent(_ kind: String, of tracker: TrackerIdentity, at now: Double) throws(StorageError)
    /// The named set's history rows, oldest first, optionally of one tracker name and within
    /// [`since`, `until`).
    func history(setNamed set: String, trackerNamed tracker: String?, since: Double?, until: Double?) throws(StorageError) -> [EventRow]
}
