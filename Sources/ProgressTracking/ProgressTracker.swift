internal import ProgressTrackingStorage

/// Counts one kind of work in a tracker set.
///
/// Get one from ``ProgressTrackerSet/openTracker(_:total:weight:)`` (the resume path),
/// ``ProgressTrackerSet/createTracker(_:total:weight:)`` or ``ProgressTrackerSet/getTracker(_:)``.
/// A handle: cheap to copy and `Sendable`. Properties read the store, so they throw, and they
/// show what other processes wrote. After the tracker is removed, every call throws
/// ``ProgressTrackingError/trackerRemoved(tracker:set:)``, even if a tracker of the same name
/// is created again.
public struct ProgressTracker: Sendable {
    /// The set the tracker belongs to.
    public let trackerSet: ProgressTrackerSet
    /// The tracker's name, unique in its set, in the canonical form (Unicode NFC) the store keeps.
    public let name: String
    let identity: TrackerIdentity

    init(trackerSet: ProgressTrackerSet, identity: TrackerIdentity, name: String) {
        self.trackerSet = trackerSet
        self.identity = identity
        self.name = name
    }

    private var store: ProgressStore { trackerSet.store }
    private var subject: CallSubject { .tracker(name, set: trackerSet.name) }

    // MARK: - Reading

    /// Items counted so far; may exceed `total`.
    /// - Complexity: one read of the tracker's row, as for each property below; read
    ///   ``status()`` for several values from one read.
    /// - Throws: `.trackerRemoved`, or a store error.
    public var current: Int {
        get throws(ProgressTrackingError) { try values().current }
    }

    /// Items expected.
    /// - Throws: `.trackerRemoved`, or a store error.
    public var total: Int {
        get throws(ProgressTrackingError) { try values().total }
    }

    /// The weight given at creation, or nil when the tracker is weighed by its total.
    /// - Throws: `.trackerRemoved`, or a store error.
    public var weight: Double? {
        get throws(ProgressTrackingError) { try values().weight }
    }

    /// min(current, total) / total in percent, 0...100: exactly 100 when the count has reached
    /// the total (so when `total` is 0), below 100 while it has not.
    /// - Throws: `.trackerRemoved`, or a store error.
    public var percentComplete: Double {
        get throws(ProgressTrackingError) { try values().percent }
    }

    /// Current, total, percent, failed and skipped items, cursor and timing from one read.
    /// - Complexity: one query: the tracker's row.
    /// - Throws: `.trackerRemoved`, or a store error.
    public func status() throws(ProgressTrackingError) -> TrackerStatus {
        TrackerStatus(try store.connections.read(subject) { storage throws(StorageError) in try storage.status(of: identity) })
    }

    private func values() throws(ProgressTrackingError) -> TrackerValues {
        try store.connections.read(subject) { storage throws(StorageError) in try storage.values(of: identity) }
    }

    // MARK: - Counting

    /// Adds `amount` to the count, in SQL, so concurrent increments from any process add up.
    ///
    /// The first count starts the tracker; the count that reaches the total completes it.
    /// Adding 0 changes nothing.
    /// - Parameter amount: 0 or more; the count must stay within `Int.max`.
    /// - Complexity: one UPDATE; outside a transaction, one commit. A count that the history
    ///   records (the first, the completing one, one sample per interval) takes a transaction
    ///   of a few statements.
    /// - Throws: `.negativeAmount`, `.countOverflow`, `.trackerRemoved`, `.readOnly`,
    ///   `.storageFull`, `.busy`, or another store error.
    public func increment(by amount: Int = 1) throws(ProgressTrackingError) {
        guard amount >= 0 else { throw .negativeAmount(amount) }
        // Adding 0 changes nothing, and does not start the tracker; it still finds a removed one.
        guard amount > 0 else { return _ = try values() }
        try change(.add(amount))
    }

    /// Counts the item `key` once: the first call for a key adds 1 and returns true, later
    /// calls return false and change nothing. The key and the count commit together, so an
    /// item retried after a crash is never counted twice.
    ///
    /// Keys are kept until the tracker is removed; ``setCurrent(_:)`` does not forget them.
    /// Keys are compared as Swift's `==` compares strings ("é" and "e\u{301}" are one key).
    /// Counting a key that failed resolves its failure (see ``fail(item:reason:)``).
    /// - Parameter key: Not empty, at most 65,536 UTF-8 bytes, no U+0000.
    /// - Returns: Whether the key was counted now; false if it was counted before.
    /// - Complexity: one INSERT into the tracker's key index, O(log k) in its keys, and the
    ///   count's UPDATE.
    /// - Throws: `.emptyItemKey`, `.itemKeyTooLong`, `.nullCharacter`, `.countOverflow`,
    ///   `.trackerRemoved`, `.readOnly`, `.storageFull`, `.busy`, or another store error.
    @discardableResult
    public func increment(item key: String) throws(ProgressTrackingError) -> Bool {
        let key = try Validation.itemKey(key)
        let (identity, store) = (self.identity, self.store)
        // The key and its count commit together or not at all, even inside a caller's
        // transaction that swallows an error: outside one, a transaction of their own makes
        // them one commit; inside, the key is deleted again when the count fails, which a
        // savepoint would do at a cost larger than the count's.
        let outcome = try store.connections.writeUndoingItself(subject) { storage throws(StorageError) in
            try Self.countItem(key, resolving: .counted, of: identity, in: store, on: storage)
        }
        return try counted(outcome)
    }

    /// Skips the item `key`: it is done on purpose without being processed. The first call for
    /// a key counts it, as ``increment(item:)`` does, records it as skipped with `reason`, and
    /// resolves its failure if it had one; it returns true. A key counted before is not
    /// counted again: false, and nothing changes.
    /// - Parameters:
    ///   - key: As for ``increment(item:)``.
    ///   - reason: Why, in a few words: 1 to 4,096 UTF-8 bytes, no U+0000; kept as given.
    /// - Returns: Whether the key was counted now.
    /// - Complexity: as ``increment(item:)``, and one INSERT of the skip.
    /// - Throws: `.emptyItemKey`, `.itemKeyTooLong`, `.nullCharacter`, `.emptyText(.reason)`,
    ///   `.textTooLong`, `.countOverflow`, `.trackerRemoved`, `.readOnly`, or a store error.
    @discardableResult
    public func skip(item key: String, reason: String) throws(ProgressTrackingError) -> Bool {
        let key = try Validation.itemKey(key)
        let reason = try Validation.reason(reason)
        let (identity, store) = (self.identity, self.store)
        let outcome = try store.connections.writeAtomically(subject) { storage throws(StorageError) -> CountOutcome? in
            // The skip is recorded before the count, so that the history rows the count may
            // write show the item skipped; a count that would overflow, which would leave the
            // skip behind, is therefore refused first.
            guard try storage.values(of: identity).current < .max else {
                return try storage.hasItem(key, in: identity) ? nil : .overflow
            }
            return try Self.countItem(key, resolving: .skipped, of: identity, in: store, on: storage) { storage throws(StorageError) in
                try storage.recordSkip(key, reason: reason, of: identity, at: store.timekeeping.time(on: storage))
            }
        }
        return try counted(outcome)
    }

    /// Records that the item `key` failed, with `reason`: the item is not counted. Repeated
    /// failures of a key keep one record, with the number of attempts, the first and last
    /// time and the last reason (see ``failures(_:limit:)``). A later ``increment(item:)`` or
    /// ``skip(item:reason:)`` of the key counts it and resolves the failure. The failure and
    /// the tracker's count of failures commit together.
    ///
    /// History gets one `failed` sample per sample interval at most, however many items fail.
    /// - Parameters:
    ///   - key: As for ``increment(item:)``.
    ///   - reason: Why, in a few words: 1 to 4,096 UTF-8 bytes, no U+0000; kept as given.
    /// - Returns: How many times the item has failed, this time included.
    /// - Complexity: like `increment(item:)`: an upsert into the tracker's failures and, for a
    ///   first failure, one UPDATE of the tracker.
    /// - Throws: `.itemAlreadyCounted` (a counted item cannot fail; nothing changes),
    ///   `.emptyItemKey`, `.itemKeyTooLong`, `.nullCharacter`, `.emptyText(.reason)`,
    ///   `.textTooLong`, `.trackerRemoved`, `.readOnly`, or a store error.
    @discardableResult
    public func fail(item key: String, reason: String) throws(ProgressTrackingError) -> Int {
        let key = try Validation.itemKey(key)
        let reason = try Validation.reason(reason)
        let (identity, store) = (self.identity, self.store)
        let attempts = try store.connections.writeAtomically(subject) { storage throws(StorageError) -> Int? in
            let now = try store.timekeeping.time(on: storage)
            switch try storage.recordFailure(key, reason: reason, of: identity, at: now) {
            case .alreadyCounted:
                return nil
            case let .repeated(attempts):
                return attempts
            case let .first(lastSample):
                if HistoryPolicy(sampleInterval: store.timekeeping.sampleInterval).samplesFailure(lastSample: lastSample, at: now) {
                    try storage.markFailuresSampled(identity, at: now)
                    try storage.recordEvent(HistoryEvent.Kind.failed.rawValue, of: identity, at: now)
                }
                return 1
            }
        }
        guard let attempts else { throw .itemAlreadyCounted(key: key, tracker: name) }
        return attempts
    }

    /// The tracker's failed items, oldest first (by first failure).
    /// - Parameters:
    ///   - filter: `.unresolved` (the default), `.resolved` (failed, then counted or
    ///     skipped), or `.all`.
    ///   - limit: At most this many, the oldest; nil for all.
    /// - Complexity: an index range scan over the tracker's failures.
    /// - Throws: `.negativeLimit`, `.trackerRemoved`, or a store error.
    public func failures(_ filter: FailureFilter = .unresolved, limit: Int? = nil) throws(ProgressTrackingError) -> [ItemFailure] {
        let query = FailureQuery(scope: .tracker(identity), resolved: filter.resolved, limit: try Validation.limit(limit))
        return try store.connections.read(subject) { storage throws(StorageError) in try storage.failures(query) }
            .map(ItemFailure.init)
    }

    /// Where the worker is in its input, as ``setCursor(_:)`` left it; nil when none is set.
    /// ``ProgressTrackerSet/openTracker(_:total:weight:)`` of an existing tracker gives it back
    /// with its counts.
    /// - Complexity: one read of the tracker's row.
    /// - Throws: `.trackerRemoved`, or a store error.
    public var cursor: String? {
        get throws(ProgressTrackingError) {
            try store.connections.read(subject) { storage throws(StorageError) in try storage.cursor(of: identity) }
        }
    }

    /// Sets where the worker is in its input (a file offset, a page token, the last key), or
    /// clears it with nil. Set inside the same ``ProgressStore/transaction(_:)`` as the counts of
    /// the records before it, it commits with them, so that after a kill the cursor and the
    /// counts always agree.
    /// - Parameter cursor: Any text without U+0000, up to 65,536 UTF-8 bytes (empty is a
    ///   cursor too), kept as given; nil clears it.
    /// - Complexity: one UPDATE.
    /// - Throws: `.textTooLong`, `.nullCharacter`, `.trackerRemoved`, `.readOnly`, or a store error.
    public func setCursor(_ cursor: String?) throws(ProgressTrackingError) {
        let cursor = try Validation.cursor(cursor)
        try store.connections.write(subject) { storage throws(StorageError) in try storage.setCursor(cursor, of: identity) }
    }

    /// Whether ``increment(item:)`` (or ``skip(item:reason:)``) has counted `key`.
    /// - Complexity: one lookup in the tracker's key index, O(log k) in its keys.
    /// - Throws: `.emptyItemKey`, `.itemKeyTooLong`, `.nullCharacter`, `.trackerRemoved`, or a store error.
    public func hasCounted(item key: String) throws(ProgressTrackingError) -> Bool {
        let key = try Validation.itemKey(key)
        return try store.connections.read(subject) { storage throws(StorageError) in try storage.hasItem(key, in: identity) }
    }

    /// Replaces the count, as a download reporting bytes received does. A lowered count is
    /// recorded in the history and restarts the rate; one below the total reopens a complete
    /// tracker. Item keys are kept.
    /// - Complexity: one UPDATE, as ``increment(by:)``.
    /// - Throws: `.negativeCurrent`, `.trackerRemoved`, `.readOnly`, or a store error.
    public func setCurrent(_ current: Int) throws(ProgressTrackingError) {
        guard current >= 0 else { throw .negativeCurrent(current) }
        try change(.assign(current))
    }

    /// Replaces the total. The history records the change; a total raised above the count
    /// reopens a complete tracker, one lowered to a started tracker's count completes it.
    /// - Throws: `.negativeTotal`, `.trackerRemoved`, `.readOnly`, or a store error.
    public func setTotal(_ total: Int) throws(ProgressTrackingError) {
        try Validation.checkTotal(total)
        try change(.total(total))
    }

    // MARK: - Changing

    /// Whether an item was counted now, from how its count went.
    private func counted(_ outcome: CountOutcome?) throws(ProgressTrackingError) -> Bool {
        guard let outcome else { return false }
        if outcome == .overflow { throw .countOverflow(tracker: name, amount: 1) }
        return true
    }

    /// Counts a new item key and resolves its failure as `resolution`; nil if the key was
    /// counted before. The failure is resolved, and `alongside` written, before the count, so
    /// that the history rows the count may write already show them. When the count
    /// overflows, the key and the resolution are undone, but not what `alongside` wrote:
    /// a caller that writes there refuses an overflow first. When the count fails, they are
    /// undone too, for a caller's transaction that goes on (see `increment(item:)`).
    private static func countItem(
        _ key: String, resolving resolution: ItemFailure.Resolution,
        of identity: TrackerIdentity, in store: ProgressStore, on storage: any TrackerStorage,
        alongside: (any TrackerStorage) throws(StorageError) -> Void = { _ in }
    ) throws(StorageError) -> CountOutcome? {
        guard try storage.insertItem(key, into: identity) else { return nil }
        var resolved = false
        do throws(StorageError) {
            resolved = try storage.resolveFailure(key, of: identity, as: resolution.rawValue, at: store.timekeeping.now?())
            try alongside(storage)
            let outcome = try count(.add(1), of: identity, in: store, on: storage)
            if outcome == .overflow { try undoCount(key, resolved: resolved, of: identity, on: storage) }
            return outcome
        } catch {
            // If this fails too, the database has ended the transaction, key included.
            try? undoCount(key, resolved: resolved, of: identity, on: storage)
            throw error
        }
    }

    private static func undoCount(_ key: String, resolved: Bool, of identity: TrackerIdentity, on storage: any TrackerStorage) throws(StorageError) {
        try storage.deleteItem(key, from: identity)
        if resolved { try storage.reopenFailure(key, of: identity) }
    }

    private func change(_ change: CountChange) throws(ProgressTrackingError) {
        // Captured one by one, not as `self`: copying the handle costs retains on the hot path.
        let (identity, store) = (self.identity, self.store)
        let outcome = try store.connections.write(subject) { storage throws(StorageError) in
            try Self.count(change, of: identity, in: store, on: storage)
        }
        if outcome == .overflow, case let .add(amount) = change {
            throw .countOverflow(tracker: name, amount: amount)
        }
    }

    /// Applies `change`: in one statement when it needs no history row (the hot path), else
    /// through the store's recording path.
    private static func count(
        _ change: CountChange, of identity: TrackerIdentity, in store: ProgressStore, on storage: any TrackerStorage
    ) throws(StorageError) -> CountOutcome {
        if try storage.applyQuietly(change, to: identity, at: store.timekeeping.now?()) { return .applied }
        return try store.record(change, of: identity)
    }
}
