/// The store's repository, used by one thread at a time, with SQLite's errors translated
/// into `ProgressTrackingError`s that name the file.
final class SharedRepository: @unchecked Sendable {
    // @unchecked: `repository` (and its connection, opened NOMUTEX) is touched only inside
    // `lock`, in `perform`; the other properties are immutable values.
    private let lock = RecursiveLock()
    private let repository: TrackerRepository
    private let path: String
    private let busyTimeout: Duration

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
            do {
                return try body(repository)
            } catch let error as SQLiteError {
                throw Self.translate(error, path: path, busyTimeout: busyTimeout)
            }
        }
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
