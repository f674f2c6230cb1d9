/// Counts one kind of work in a tracker set.
///
/// A handle: cheap to copy and `Sendable`. Properties read the file, so they throw, and they
/// show what other processes wrote. After the tracker is removed, every call throws
/// `.trackerRemoved`, even if a tracker of the same name is created again.
public struct ProgressTracker: Sendable {
    /// The set the tracker belongs to.
    public let trackerSet: ProgressTrackerSet
    /// The tracker's name, unique in its set.
    public let name: String
    let id: Int

    init(trackerSet: ProgressTrackerSet, id: Int, name: String) {
        self.trackerSet = trackerSet
        self.id = id
        self.name = name
    }

    private var database: SharedRepository { trackerSet.store.database }

    private var removed: ProgressTrackingError { .trackerRemoved(tracker: name, set: trackerSet.name) }

    // MARK: - Reading

    /// Items counted so far; may exceed `total`.
    public var current: Int {
        get throws { try row().current }
    }

    /// Items expected.
    public var total: Int {
        get throws { try row().total }
    }

    /// The weight given at creation, or nil when the tracker is weighed by its total.
    public var weight: Double? {
        get throws { try row().weight }
    }

    /// min(current, total) / total in percent, 0...100; 100 when `total` is 0.
    public var percentComplete: Double {
        get throws { try 100 * row().fraction }
    }

    /// Current, total, percent and timing from one read.
    /// - Complexity: one query, O(log n) in the history's rows.
    public func status() throws -> TrackerStatus {
        guard let status = try database.perform({ try $0.trackerStatus(id: id) }) else { throw removed }
        return status
    }

    private func row() throws -> TrackerRow {
        guard let row = try database.perform({ try $0.tracker(id: id) }) else { throw removed }
        return row
    }

    // MARK: - Counting

    /// Adds `amount` to the count, in SQL, so concurrent increments from any process add up.
    /// - Complexity: one UPDATE; outside a transaction, one commit.
    /// - Throws: `.negativeAmount`, `.countOverflow`, `.trackerRemoved`, `.readOnly`, `.storageFull`, `.busy`.
    public func increment(by amount: Int = 1) throws {
        guard amount >= 0 else { throw ProgressTrackingError.negativeAmount(amount) }
        let found: Bool
        do {
            found = try database.perform { try $0.increment(trackerID: id, by: amount) }
        } catch let ProgressTrackingError.database(_, error) where error.extendedCode == SQLiteError.constraintDatatype {
            // SQLite turns an overflowing sum into a REAL, which the STRICT INTEGER column refuses.
            throw ProgressTrackingError.countOverflow(tracker: name, amount: amount)
        }
        guard found else { throw removed }
    }

    /// Counts the item `key` once: the first call for a key adds 1 and returns true, later
    /// calls return false and change nothing. The key and the count commit together, so an
    /// item retried after a crash is never counted twice.
    ///
    /// Keys are kept until the tracker is removed; `setCurrent` does not forget them.
    /// - Complexity: one INSERT into the tracker's key index, O(log k) in its keys.
    /// - Throws: `.emptyItemKey`, `.countOverflow`, `.trackerRemoved`, `.readOnly`, `.storageFull`, `.busy`.
    @discardableResult
    public func increment(item key: String) throws -> Bool {
        guard !key.isEmpty else { throw ProgressTrackingError.emptyItemKey }
        do {
            return try database.perform { try $0.countItem(trackerID: id, key: key) }
        } catch let ProgressTrackingError.database(_, error) where error.extendedCode == SQLiteError.constraintForeignKey {
            throw removed
        } catch let ProgressTrackingError.database(_, error) where error.extendedCode == SQLiteError.constraintDatatype {
            // As in `increment(by:)`: the count's `current + 1` overflowed, and the key went with it.
            throw ProgressTrackingError.countOverflow(tracker: name, amount: 1)
        }
    }

    /// Whether `increment(item:)` has counted `key`.
    public func hasCounted(item key: String) throws -> Bool {
        guard !key.isEmpty else { throw ProgressTrackingError.emptyItemKey }
        // One lock, so that the tracker cannot be removed between the two reads.
        let counted: Bool? = try database.perform { repository in
            guard try repository.tracker(id: id) != nil else { return nil }
            return try repository.hasItem(trackerID: id, key: key)
        }
        guard let counted else { throw removed }
        return counted
    }

    /// Replaces the count, as a download reporting bytes received does.
    /// - Throws: `.negativeCurrent`, `.trackerRemoved`, or a file error.
    public func setCurrent(_ current: Int) throws {
        guard current >= 0 else { throw ProgressTrackingError.negativeCurrent(current) }
        guard try database.perform({ try $0.setCurrent(trackerID: id, to: current) }) else { throw removed }
    }

    /// Replaces the total.
    /// - Throws: `.negativeTotal`, `.trackerRemoved`, or a file error.
    public func setTotal(_ total: Int) throws {
        try Validation.checkTotal(total)
        guard try database.perform({ try $0.setTotal(trackerID: id, to: total) }) else { throw removed }
    }
}
