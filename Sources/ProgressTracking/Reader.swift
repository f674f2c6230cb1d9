internal import ProgressTrackingStorage

/// A store's reader connection, opened on first use and used by one thread at a time.
///
/// Reads outside a transaction go here, not to the writer: in WAL mode a reader never waits
/// for a writer, so a status read does not wait while another thread of the store waits for
/// a lock that another process holds.
final class Reader: @unchecked Sendable {
    // @unchecked: `storage` is touched only while `lock` is held; `open` is immutable.
    private let lock = RecursiveLock()
    private var storage: (any TrackerStorage)?
    private let open: @Sendable () throws(StorageError) -> any TrackerStorage

    init(open: @escaping @Sendable () throws(StorageError) -> any TrackerStorage) {
        self.open = open
    }

    /// Closes the connection; the next call opens it again.
    func close() {
        lock.withLock { storage = nil }
    }

    func perform<T>(_ body: (any TrackerStorage) throws(StorageError) -> T) throws(StorageError) -> T {
        try lock.withLock { () throws(StorageError) in
            if let storage { return try body(storage) }
            let storage = try open()
            self.storage = storage
            return try body(storage)
        }
    }
}
