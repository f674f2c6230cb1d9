internal import ProgressTrackingStorage

/// How a store's calls reach its connections: writes through the writer, reads through the
/// reader (or, inside a transaction on the calling thread, through the writer, to see that
/// transaction's own writes); and each call's storage failure mapped to the public error.
final class StoreConnections: Sendable {
    /// The store, as messages name it.
    let location: String
    private let busyTimeout: Duration
    /// Nil for a read-only store.
    private let writer: Writer?
    /// Nil when reads share the writer (a private in-memory database).
    private let reader: Reader?

    /// Opens the writer (unless `readOnly`) and prepares the reader; a read-only store opens
    /// its reader at once, so that a file it cannot read fails here.
    init(connector: any StorageConnector, readOnly: Bool, busyTimeout: Duration) throws(ProgressTrackingError) {
        location = connector.location
        self.busyTimeout = busyTimeout
        let map = { (error: StorageError) in
            ProgressTrackingError(error, location: connector.location, busyTimeout: busyTimeout, subject: .store)
        }
        do throws(StorageError) {
            writer = readOnly ? nil : Writer(storage: try connector.openWriter())
            reader = connector.allowsReaders ? Reader(open: connector.openReader) : nil
            if readOnly { try reader?.perform { _ throws(StorageError) in } }
        } catch {
            throw map(error)
        }
    }

    deinit {
        // The reader first: the last connection to close a WAL file checkpoints it and
        // removes the log, which a read-only connection cannot do.
        reader?.close()
    }

    /// Runs `body` on the writer.
    /// - Throws: `.readOnly` on a read-only store, or `body`'s failure as the public error.
    func write<T>(_ subject: @autoclosure () -> CallSubject, _ body: (any TrackerStorage) throws(StorageError) -> T) throws(ProgressTrackingError) -> T {
        try mapping(subject()) { () throws(StorageError) in try requireWriter().perform(body) }
    }

    /// Runs `body` on the writer as one unit of writes; see `Writer.atomically`.
    func writeAtomically<T>(_ subject: @autoclosure () -> CallSubject, _ body: (any TrackerStorage) throws(StorageError) -> T) throws(ProgressTrackingError) -> T {
        try mapping(subject()) { () throws(StorageError) in try requireWriter().atomically(body) }
    }

    /// Runs `body` on the writer, which must undo its own partial writes on failure; see
    /// `Writer.atomicallyUndoingItself`.
    func writeUndoingItself<T>(_ subject: @autoclosure () -> CallSubject, _ body: (any TrackerStorage) throws(StorageError) -> T) throws(ProgressTrackingError) -> T {
        try mapping(subject()) { () throws(StorageError) in try requireWriter().atomicallyUndoingItself(body) }
    }

    /// Runs `body` as one unit of writes (see `Writer.atomically`), from inside the body of
    /// one of the `write` calls above, which already holds the writer.
    func atomically<T>(_ body: (any TrackerStorage) throws(StorageError) -> T) throws(StorageError) -> T {
        try requireWriter().atomically(body)
    }

    /// Runs `undo` if the write just made rolls back (see `Writer.onRollback`).
    func onRollback(_ undo: @escaping () -> Void) {
        writer?.onRollback(undo)
    }

    /// Runs `body` on the reader, or on the writer inside a transaction on this thread.
    func read<T>(_ subject: @autoclosure () -> CallSubject, _ body: (any TrackerStorage) throws(StorageError) -> T) throws(ProgressTrackingError) -> T {
        try mapping(subject()) { () throws(StorageError) in
            if let reader, !(writer?.isInTransactionOnThisThread ?? false) {
                return try reader.perform(body)
            }
            return try requireWriter().perform(body)
        }
    }

    /// Runs the caller's `body` as one transaction; see `ProgressStore.transaction`.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        let writer = try mapping(.store) { () throws(StorageError) in try requireWriter() }
        return try writer.transaction(body) { error in
            ProgressTrackingError(error, location: location, busyTimeout: busyTimeout, subject: .store)
        }
    }

    private func requireWriter() throws(StorageError) -> Writer {
        guard let writer else { throw StorageError(.readOnly) }
        return writer
    }

    /// Runs `body`, mapping its failure; `subject` is evaluated only then, so that a call
    /// that succeeds pays nothing for naming what it was about.
    private func mapping<T>(
        _ subject: @autoclosure () -> CallSubject, _ body: () throws(StorageError) -> T
    ) throws(ProgressTrackingError) -> T {
        do {
            return try body()
        } catch {
            throw ProgressTrackingError(error, location: location, busyTimeout: busyTimeout, subject: subject())
        }
    }
}
