/// The store's repository, used by one thread at a time, with SQLite's errors translated
/// into `ProgressTrackingError`s that name the file.
final class SharedRepository: @unchecked Sendable {
    // @unchecked: `repository` (and its connection, opened NOMUTEX), `transactionDepth` and
    // `transactionFailure` are touched only inside `lock`, in `perform` (which `transaction`
    // runs in); the other properties are immutable values.
    private let lock = RecursiveLock()
    private let repository: TrackerRepository
    private let path: String
    private let busyTimeout: Duration
    /// How many `transaction` calls are running, nested.
    private var transactionDepth = 0
    /// The failure that dooms the running transaction; see `transaction`.
    private var transactionFailure: ProgressTrackingError?

    /// Opens the file; see `TrackerRepository.init`.
    init(
        path: String, mode: Connection.Mode, durability: Durability, busyTimeout: Duration, timekeeping: Timekeeping
    ) throws(ProgressTrackingError) {
        self.path = path
        self.busyTimeout = busyTimeout
        do {
            repository = try TrackerRepository(
                path: path, mode: mode, durability: durability, busyTimeout: busyTimeout, timekeeping: timekeeping
            )
        } catch {
            throw Self.translate(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` with the repository, holding the lock.
    /// - Throws: `ProgressTrackingError`, or what `body` itself throws that is not an SQLite error.
    func perform<T>(_ body: (TrackerRepository) throws -> T) throws -> T {
        try lock.withLock {
            if let transactionFailure { throw transactionFailure }
            do {
                return try body(repository)
            } catch let error as SQLiteError {
                let failure = Self.translate(error, path: path, busyTimeout: busyTimeout)
                if transactionDepth > 0, Self.mayEndTransactions(error) { transactionFailure = failure }
                throw failure
            }
        }
    }

    /// Runs `body` in one transaction (a savepoint when nested); see `Connection.transaction`.
    ///
    /// After a full disk, an I/O error or a lock timeout, SQLite may roll back the whole
    /// transaction by itself (sqlite.org/lang_transaction.html), and the calls that followed
    /// in `body` would then commit one by one. So such a failure dooms the transaction whether
    /// or not SQLite ended it: later calls in it throw the failure again, and so does the
    /// transaction, rolled back whole, even if `body` caught the failure and returned.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try perform { repository in
            transactionDepth += 1
            defer {
                transactionDepth -= 1
                if transactionDepth == 0 { transactionFailure = nil }
            }
            return try repository.callerTransaction {
                let result = try body()
                if let transactionFailure { throw transactionFailure }
                return result
            }
        }
    }

    /// The failures after which SQLite may have rolled back a whole transaction, not only
    /// the failing statement.
    private static func mayEndTransactions(_ error: SQLiteError) -> Bool {
        [SQLiteError.full, SQLiteError.ioError, SQLiteError.busy, SQLiteError.noMemory].contains(error.code)
    }

    private static func translate(_ error: any Error, path: String, busyTimeout: Duration) -> ProgressTrackingError {
        switch error {
        case let error as ProgressTrackingError:
            return error
        case let error as SQLiteError:
            return ProgressTrackingError(error, path: path, busyTimeout: busyTimeout)
        default:
            preconditionFailure("the repository throws only SQLiteError and ProgressTrackingError, not \(error)")
        }
    }
}

extension ProgressTrackingError {
    /// The user-facing meaning of an SQLite failure on the file at `path`.
    init(_ error: SQLiteError, path: String, busyTimeout: Duration) {
        switch error.code {
        case SQLiteError.busy: self = .busy(path: path, timeout: busyTimeout)
        case SQLiteError.full: self = .storageFull(path: path)
        case SQLiteError.notADatabase: self = .notADatabase(path: path)
        case SQLiteError.corrupt: self = .corrupt(path: path)
        case SQLiteError.readOnly: self = .readOnly(path: path)
        case SQLiteError.cantOpen: self = .cannotOpen(path: path, reason: error.message)
        default: self = .database(path: path, error)
        }
    }
}
