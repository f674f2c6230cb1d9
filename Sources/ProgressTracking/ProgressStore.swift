internal import ProgressTrackingSQLiteStorage
package import ProgressTrackingStorage

/// A store of tracker sets: the entry point of the library.
///
/// ```swift
/// let store = try ProgressStore(path: path) // creates the file, or opens it as it was left
/// let rows = try store.trackerSet(named: "import").openTracker("rows", total: 20_000)
/// if try rows.increment(item: "row-1") {
///     // the first time "row-1" was counted, by any run
/// }
/// ```
///
/// Open one store per file and process, and share it: it is `Sendable`, and every call is a
/// short blocking call that is safe from any thread or task at once. Writes are serialized on
/// the store's writer connection; reads outside a transaction use a reader connection of
/// their own, so they never wait behind a write. Other stores on the same file, in this
/// process or another, see each other's writes at once (nothing is cached). See
/// <doc:ConcurrencyAndProcesses>.
public final class ProgressStore: Sendable {
    /// The store's location: the file's path, or `":memory:"`.
    public let path: String
    let connections: StoreConnections
    let timekeeping: Timekeeping
    /// The trackers this store created or opened: opening any other existing one resumes it
    /// (see `ProgressTrackerSet.openTracker`).
    let openedTrackers: OpenedTrackers

    /// Opens the store at `path`, creating the file if it does not exist (unless `readOnly`),
    /// and upgrading an older schema (see <doc:Migrations>).
    ///
    /// The file is put in SQLite's WAL mode, with foreign keys on. A file that is not a store,
    /// or that a newer version of the library wrote, is refused before anything is written.
    ///
    /// - Parameters:
    ///   - path: The store's file. It must be on a local disk (SQLite's write-ahead log needs
    ///     shared memory); ``inMemory()`` makes a store without a file.
    ///   - durability: ``Durability/normal`` (the default) survives a killed process;
    ///     ``Durability/full`` also survives power loss.
    ///   - readOnly: Opens without write access: every write throws
    ///     ``ProgressTrackingError/readOnly(path:)``, and the file is never changed, so a
    ///     watcher cannot disturb the writer. The file must exist; a user who may only read it
    ///     can open it so.
    ///   - busyTimeout: How long a call waits for another connection's write lock before it
    ///     throws ``ProgressTrackingError/busy(path:timeout:)``.
    ///   - sampleInterval: How often, at most, a counting tracker's progress is sampled into
    ///     the history (lifecycle events are always recorded). Shorter gives finer history and
    ///     rates, and more rows.
    /// - Complexity: Opening an up-to-date file reads its schema version; upgrading an older
    ///   one runs each migration above its version once.
    /// - Throws: ``ProgressTrackingError``: `.cannotOpen` (an empty path, a missing directory, a
    ///   directory, device or pipe, a file this user may not write, no such file when
    ///   read-only), `.notADatabase`, `.notAProgressStore`, `.corrupt`, `.newerSchema` (the
    ///   file is left untouched), `.outdatedSchema` (read-only on an older file), `.busy`, or
    ///   another store error.
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

    /// A new store in memory, private to the returned object and gone with it: for tests and
    /// for work that need not survive the process.
    /// - Throws: A store error, if SQLite cannot allocate the database.
    public static func inMemory() throws(ProgressTrackingError) -> ProgressStore {
        try ProgressStore(path: SQLiteConnector.inMemoryPath)
    }

    // MARK: - Tracker sets

    /// The set of that name, created if absent. A set created earlier, by this process or
    /// another, comes back with its trackers and counts.
    ///
    /// Names are compared as Swift's `==` compares strings: "é" and "e\u{301}" name one set.
    /// The set's ``ProgressTrackerSet/name`` is the canonical form (Unicode NFC) the store keeps.
    /// Processes that create the same set at once get one set.
    /// - Complexity: one lookup by name; one insert if the set is new.
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

    /// The set of that name, or nil; creates nothing (for readers, and read-only stores).
    /// - Complexity: one lookup by name.
    /// - Throws: `.emptyName`, `.nameTooLong`, `.nullCharacter`, or a store error.
    public func getTrackerSet(named name: String) throws(ProgressTrackingError) -> ProgressTrackerSet? {
        let name = try Validation.name(name, of: .trackerSet)
        return try connections.read(.set(name)) { storage throws(StorageError) in try storage.findSet(named: name) }
            .map { ProgressTrackerSet(store: self, identity: $0, name: name) }
    }

    /// Every set, in creation order.
    /// - Complexity: O(s) in the store's sets.
    /// - Throws: A store error.
    public func allTrackerSets() throws(ProgressTrackingError) -> [ProgressTrackerSet] {
        try connections.read(.store) { storage throws(StorageError) in try storage.allSets() }
            .map { ProgressTrackerSet(store: self, identity: $0.identity, name: $0.name) }
    }

    /// Removes the set with its trackers, their item keys, failures and skips, and its
    /// history. Handles to the set and its trackers throw from now on.
    /// - Returns: Whether a set of that name existed.
    /// - Complexity: O(r) in the rows removed.
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
    /// - Parameter body: The writes to make as one; it runs at once, on the calling thread.
    /// - Returns: What `body` returns.
    /// - Throws: `body`'s error, or a ``ProgressTrackingError`` from beginning or committing
    ///   (`.readOnly` on a read-only store, `.busy`, `.storageFull`, or the error that doomed
    ///   the transaction).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connections.transaction(body)
    }

    /// A token that changes when anyone commits a change to the store; see ``ChangeToken``.
    /// - Complexity: O(1).
    /// - Throws: A store error.
    public func changeToken() throws(ProgressTrackingError) -> ChangeToken {
        try ChangeToken(connections.read(.store) { storage throws(StorageError) in try storage.changeToken() })
    }
}
