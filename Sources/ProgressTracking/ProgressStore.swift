/// A file of tracker sets: the entry point of the library.
///
/// Open one store per file and process, and share it: it is `Sendable`, and every call is a
/// short blocking call that is safe from any thread or task at once. Calls are serialized
/// on the store's one SQLite connection; other stores on the same file, in this process or
/// another, see each other's writes at once (nothing is cached).
///
/// ```swift
/// let store = try ProgressStore(path: "import.sqlite")
/// let set = try store.trackerSet(named: "import")
/// let rows = try set.openTracker("rows", total: 20_000)
/// for row in pending where try rows.increment(item: row.id) { ... }
/// ```
public final class ProgressStore: Sendable {
    /// The file's path, or `":memory:"`.
    public let path: String
    let database: SharedRepository

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
    /// - Throws: `ProgressTrackingError`: `.cannotOpen` (missing directory, a directory, no
    ///   such file when read-only), `.notADatabase`, `.notAProgressStore`, `.newerSchema`
    ///   (the file is left untouched), `.outdatedSchema` (read-only on an older file), `.busy`.
    public convenience init(
        path: String,
        durability: Durability = .normal,
        readOnly: Bool = false,
        busyTimeout: Duration = .seconds(5),
        sampleInterval: Duration = .seconds(1)
    ) throws(ProgressTrackingError) {
        try self.init(
            path: path, durability: durability, readOnly: readOnly, busyTimeout: busyTimeout,
            timekeeping: .system(sampleInterval: sampleInterval)
        )
    }

    /// Opens the store with the given clock and sample interval; tests give it a clock of theirs.
    init(
        path: String,
        durability: Durability = .normal,
        readOnly: Bool = false,
        busyTimeout: Duration = .seconds(5),
        timekeeping: Timekeeping
    ) throws(ProgressTrackingError) {
        self.path = path
        database = try SharedRepository(
            path: path,
            mode: readOnly ? .readOnly : .readWrite,
            durability: durability,
            busyTimeout: busyTimeout,
            timekeeping: timekeeping
        )
    }

    /// A new store in memory, private to the returned object and gone with it.
    public static func inMemory() throws(ProgressTrackingError) -> ProgressStore {
        try ProgressStore(path: ":memory:")
    }

    // MARK: - Tracker sets

    /// The set of that name, created if absent. A set created earlier, by this process or
    /// another, comes back with its trackers and counts.
    /// - Throws: `.emptyName`, `.nameTooLong`, `.readOnly` if it would have to be created, or a file error.
    public func trackerSet(named name: String) throws -> ProgressTrackerSet {
        try Validation.checkName(name, of: .trackerSet)
        let id = try database.perform { try $0.createSetIfAbsent(named: name) }
        return ProgressTrackerSet(store: self, id: id, name: name)
    }

    /// The set of that name, or nil; creates nothing (for readers).
    public func getTrackerSet(named name: String) throws -> ProgressTrackerSet? {
        try Validation.checkName(name, of: .trackerSet)
        return try database.perform { try $0.setID(named: name) }
            .map { ProgressTrackerSet(store: self, id: $0, name: name) }
    }

    /// Every set, in creation order.
    public func allTrackerSets() throws -> [ProgressTrackerSet] {
        try database.perform { try $0.allSets() }
            .map { ProgressTrackerSet(store: self, id: $0.id, name: $0.name) }
    }

    /// Removes the set with its trackers and their item keys.
    /// - Returns: Whether a set of that name existed.
    @discardableResult
    public func removeTrackerSet(named name: String) throws -> Bool {
        try Validation.checkName(name, of: .trackerSet)
        return try database.perform { try $0.deleteSet(named: name) }
    }

    // MARK: - Transactions and changes

    /// Runs `body` as one transaction: its writes commit together when it returns, and are
    /// all rolled back when it throws, its error rethrown unchanged.
    ///
    /// Calls made inside `body` through this store's sets and trackers join the transaction;
    /// other threads and tasks wait until it ends, so keep it short and do not `await` work
    /// started in `body`. Transactions nest (as savepoints). Batching is the fast way to
    /// count: 1,000 increments in one transaction cost little more than one alone.
    ///
    /// A call inside that fails with `.storageFull` or `.busy` (or an I/O error) dooms the
    /// transaction: SQLite may already have rolled it back. Later calls in `body` throw that
    /// error again, and the transaction throws it and keeps nothing, even if `body` caught it.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try database.transaction(body)
    }

    /// A token that changes when anyone commits a change to the file; see `ChangeToken`.
    /// - Complexity: O(1).
    public func changeToken() throws -> ChangeToken {
        try database.perform { try $0.changeToken() }
    }
}
