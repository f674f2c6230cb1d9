internal import ProgressTrackingSQLiteStorage
package import ProgressTrackingStorage

/// A store of tracker sets: the entry point of the library.
///
/// Open one store per file and process, and share it: it is `Sendable`, and every call is a
/// short blocking call that is safe from any thread or task at once. Writes are serialized on
/// the store's writer connection; reads outside a transaction use a reader connection of
/// their own, so they never wait behind a write. Other stores on the same file, in this
/// process or another, see each other's writes at once (nothing is cached).
///
/// ```swift
/// let store = try ProgressStore(path: "import.sqlite")
/// let set = try store.trackerSet(named: "import")
/// let rows = try set.openTracker("rows", total: 20_000)
/// for row in pending where try rows.increment(item: row.id) { ... }
/// ```
public final class ProgressStore: Sendable {
    /// The store's location: the file's path, or `":memory:"`.
    public let path: String
    let connections: StoreConnections
    let timekeeping: Timekeeping
    /// The trackers this store created or opened: opening any other existing one resumes it
    /// (see `ProgressTrackerSet.openTracker`).
    let openedTrackers: OpenedTrackers

    /// Opens the store at `path`, creating the file if it does not exist (unless `readOnly`),
    /// and upgrading an older schema.
    ///
    /// - Parameters:
    ///   - durability: `.normal` (the default) survives a killed process; `.full` also survives power loss.
    ///   - readOnly: Opens without write access: every write throws `.readOnly`, and the file
    ///     is never changed, so a watcher cannot disturb the writer. The file must exist.
    ///   - busyTimeout: How long a call waits for another connection's write lock before it
    ///     throws `.busy`.
    ///   - sampleInterval: How often, at most, a counting tracker's progress is sampled into
    ///     the history (lifecycle events are always recorded). Shorter gives finer history and
    ///     rates, and more rows.
    /// - Throws: `ProgressTrackingError`: `.cannotOpen` (an empty path, a missing directory, a
    ///   directory or device, no such file when read-only), `.notADatabase`,
    ///   `.notAProgressStore`, `.newerSchema` (the file is left untouched), `.outdatedSchema`
    ///   (read-only on an older file), `.busy`.
    public convenience init(
        path: String,
        durability: Durability = .normal,
        readOnly: Bool = false,
        busyTimeout: Duration = .seconds(5),
        sampleInterval: Duration = .seconds(1)
    ) throws(ProgressTrackingError) {
        try self.init(
            path: path, durability: durability, readOnly: readOnly, busyTimeout: busyTimeout,
            timekeeping: .storageClock(sampleInterval: sampleInterval)
        )
    }

    /// Opens the store with the given clock and sample interval; tests give it a clock of theirs.
    package convenience init(
        path: String,
        durability: Durability = .normal,
        readOnly: Bool = false,
        busyTimeout: Duration = .seconds(5),
        timekeeping: Timekeeping
    ) throws(ProgressTrackingError) {
        let connector = SQLiteConnector(path: path, waitsForDisk: durability == .full, busyTimeout: busyTimeout)
        try self.init(connector: connector, readOnly: readOnly, busyTimeout: busyTimeout, timekeeping: timekeeping)
    }

    /// Opens a store on any storage backend.
    package init(
        connector: any StorageConnector, readOnly: Bool, busyTimeout: Duration, timekeeping: Timekeeping
    ) throws(ProgressTrackingError) {
        path = connector.location
        connections = try StoreConnections(connector: connector, readOnly: readOnly, busyTimeout: busyTimeout)
        openedTrackers = OpenedTrackers(connections: connections)
        self.timekeeping = timekeeping
    }

    /// A new store in memory, private to the returned object and gone with it.
    public static func inMemory() throws(ProgressTrackingError) -> ProgressStore {
        try ProgressStore(path: SQLiteConnector.inMemoryPath)
    }

    // MARK: - Tracker sets

    /// The set of that name, created if absent. A set created earlier, by this process or
    /// another, comes back with its trackers and counts.
    ///
    /// Names are compared as Swift's `==` compares strings: "é" and "e\u{301}" name one set.
    /// The set's `name` is the canonical form (Unicode NFC) the store keeps.
    /// - Throws: `.emptyName`, `.nameTooLong`, `.nullCharacter`, `.readOnly` if it would have
    ///   to be created, or a store error.
    public func trackerSet(named name: String) throws(ProgressTrackingError) -> ProgressTrackerSet {
        if let set = try getTrackerSet(named: name) { return set }
        let name = try Validation.name(name, of: .trackerSet)
        let identity = try connections.write(.set(name)) { storage throws(StorageError) in
            try storage.createSet(named: name, at: timekeeping.time(on: storage))
        }
        return ProgressTrackerSet(store: self, identity: identity, name: name)
    }

    /// The set of that name, or nil; creates nothing (for readers).
    /// - Throws: `.emptyName`, `.nameTooLong`, `.nullCharacter`, or a store error.
    public func getTrackerSet(named name: String) throws(ProgressTrackingError) -> ProgressTrackerSet? {
        let name = try Validation.name(name, of: .trackerSet)
        return try connections.read(.set(name)) { storage throws(StorageError) in try storage.findSet(named: name) }
            .map { ProgressTrackerSet(store: self, identity: $0, name: name) }
    }

    /// Every set, in creation order.
    /// - Throws: A store error.
    public func allTrackerSets() throws(ProgressTrackingError) -> [ProgressTrackerSet] {
        try connections.read(.store) { storage throws(StorageError) in try storage.allSets() }
            .map { ProgressTrackerSet(store: self, identity: $0.identity, name: $0.name) }
    }

    /// Removes the set with its trackers, their item keys and its history.
    /// - Returns: Whether a set of that name existed.
    /// - Throws: `.emptyName`, `.nameTooLong`, `.nullCharacter`, `.readOnly`, or a store error.
    @discardableResult
    public func removeTrackerSet(named name: String) throws(ProgressTrackingError) -> Bool {
        let name = try Validation.name(name, of: .trackerSet)
        return try connections.write(.set(name)) { storage throws(StorageError) in try storage.deleteSet(named: name) }
    }

    // MARK: - Transactions and changes

    /// Runs `body` as one transaction: its writes commit together when it returns, and are
    /// all rolled back when it throws, its error rethrown unchanged.
    ///
    /// Calls made inside `body` through this store's sets and trackers join the transaction
    /// and see its writes; other threads and tasks wait to write until it ends (their reads
    /// go on, and see what was committed before it), so keep it short and do not `await` work
    /// started in `body`. Transactions nest (as savepoints). Batching is the fast way to
    /// count: 1,000 increments in one transaction cost little more than one alone.
    ///
    /// A call inside that fails with `.storageFull` or `.busy` (or an I/O error) dooms the
    /// transaction: the database may already have rolled it back. Later calls in `body` throw
    /// that error again, and the transaction throws it and keeps nothing, even if `body`
    /// caught it.
    /// - Throws: `body`'s error, or a `ProgressTrackingError` from beginning or committing.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connections.transaction(body)
    }

    /// A token that changes when anyone commits a change to the store; see `ChangeToken`.
    /// - Complexity: O(1).
    /// - Throws: A store error.
    public func changeToken() throws(ProgressTrackingError) -> ChangeToken {
        try ChangeToken(connections.read(.store) { storage throws(StorageError) in try storage.changeToken() })
    }
}
