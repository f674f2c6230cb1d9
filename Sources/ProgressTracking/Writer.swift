internal import ProgressTrackingStorage
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A store's writer connection, used by one thread at a time, and the one record of its
/// transactions: how deeply they are nested, which thread runs them, and the failure that
/// dooms them.
///
/// A failure that may have ended the whole transaction (a full disk, an I/O error, a lock
/// timeout: SQLite may roll back by itself, sqlite.org/lang_transaction.html; PostgreSQL
/// after any error) dooms it: the calls that followed in the caller's closure would otherwise
/// commit one by one. Later calls in it fail with that failure again, and so does the
/// transaction, rolled back whole, even if the closure caught the failure and returned.
final class Writer: @unchecked Sendable {
    // @unchecked: `storage`, `depth` and `doom` are touched only while `lock` is held, and
    // `owner` is atomic.
    private let lock = RecursiveLock()
    private let storage: any TrackerStorage
    /// How many transactions are open, nested: the caller's and the writer's own.
    private var depth = 0
    private var doom: StorageError?
    /// The thread running the open transaction (`pthread_self`), 0 when none is open.
    private let owner = Atomic<UInt>(0)
    /// How to forget what the service remembers of the open transaction's writes, with the
    /// depth of the transaction or savepoint that made them: run, newest first, if it rolls
    /// back; handed to the enclosing one when it is released; dropped when the outermost
    /// commits.
    private var undoOnRollback: [(depth: Int, action: () -> Void)] = []

    init(storage: any TrackerStorage) {
        self.storage = storage
    }

    /// Whether the calling thread runs a transaction of this writer, so that its reads must go
    /// through the writer to see its own uncommitted writes.
    var isInTransactionOnThisThread: Bool {
        owner.load(ordering: .acquiring) == Self.currentThread
    }

    /// Runs `body` with the storage, holding the lock.
    func perform<T>(_ body: (any TrackerStorage) throws(StorageError) -> T) throws(StorageError) -> T {
        try lock.withLock { () throws(StorageError) in
            if let doom { throw doom }
            do throws(StorageError) {
                return try body(storage)
            } catch {
                if depth > 0, error.endsTransaction { doom = error }
                throw error
            }
        }
    }

    /// Runs `body` as one unit of writes: in a transaction of its own, or in a savepoint
    /// inside the open transaction, so that a failure leaves nothing of it behind.
    func atomically<T>(_ body: (any TrackerStorage) throws(StorageError) -> T) throws(StorageError) -> T {
        try perform { storage throws(StorageError) in
            let outermost = depth == 0
            try open(outermost: outermost)
            defer { close(outermost: outermost) }
            return try finish(outermost: outermost) { () throws(StorageError) in try body(storage) }
        }
    }

    /// Runs `body` in a transaction of its own if none is open; inside one, runs it as it is,
    /// without the cost of a savepoint: `body` must undo its own partial writes when it fails.
    /// For the item path, where a savepoint would cost more than the count itself.
    func atomicallyUndoingItself<T>(_ body: (any TrackerStorage) throws(StorageError) -> T) throws(StorageError) -> T {
        try perform { storage throws(StorageError) in
            depth > 0 ? try body(storage) : try atomically(body)
        }
    }

    /// Runs `undo` if the write just made rolls back: for what the service remembers of the
    /// store's writes, which must not outlive them. Remembering at once, rather than on
    /// commit, lets later calls in the same transaction see it as they see its writes.
    /// Outside a transaction the write is already committed, and `undo` is dropped.
    func onRollback(_ undo: @escaping () -> Void) {
        lock.withLock {
            guard depth > 0 else { return }
            undoOnRollback.append((depth, undo))
        }
    }

    /// Runs the caller's `body` as one transaction (a savepoint when nested): committed when
    /// it returns, rolled back when it throws, its error rethrown unchanged.
    /// - Throws: `body`'s error, or the writer's own failure mapped by `describe`.
    func transaction<T>(_ body: () throws -> T, describe: (StorageError) -> any Error) throws -> T {
        try lock.withLock {
            if let doom { throw describe(doom) }
            let outermost = depth == 0
            do throws(StorageError) { try open(outermost: outermost) } catch { throw describe(error) }
            defer { close(outermost: outermost) }
            let result: T
            do {
                result = try body()
                // The body caught a failure that ended the transaction and went on.
                if let doom { throw describe(doom) }
            } catch {
                undo(outermost: outermost)
                throw error
            }
            do throws(StorageError) { try commit(outermost: outermost) } catch {
                undo(outermost: outermost)
                throw describe(error)
            }
            return result
        }
    }

    // MARK: - Transaction steps, with the lock held

    private func open(outermost: Bool) throws(StorageError) {
        try (outermost ? storage.begin() : storage.savepoint())
        depth += 1
        if outermost { owner.store(Self.currentThread, ordering: .releasing) }
    }

    private func close(outermost: Bool) {
        depth -= 1
        guard outermost else { return }
        owner.store(0, ordering: .releasing)
        doom = nil
    }

    /// Commits (or releases) after `body`, rolling back if either fails.
    private func finish<T>(outermost: Bool, _ body: () throws(StorageError) -> T) throws(StorageError) -> T {
        do throws(StorageError) {
            let result = try body()
            try commit(outermost: outermost)
            return result
        } catch {
            undo(outermost: outermost)
            throw error
        }
    }

    /// Commits the transaction, or releases the savepoint into the enclosing transaction,
    /// which takes over its undo actions.
    private func commit(outermost: Bool) throws(StorageError) {
        try (outermost ? storage.commit() : storage.releaseSavepoint())
        if outermost { return undoOnRollback = [] }
        for index in undoOnRollback.indices where undoOnRollback[index].depth >= depth {
            undoOnRollback[index].depth = depth - 1
        }
    }

    private func undo(outermost: Bool) {
        outermost ? storage.rollback() : storage.rollbackToSavepoint()
        // The depth being undone is the current one.
        while let last = undoOnRollback.last, last.depth >= depth {
            undoOnRollback.removeLast().action()
        }
    }

    private static var currentThread: UInt {
        #if canImport(Darwin)
        UInt(bitPattern: pthread_self())
        #else
        UInt(pthread_self())
        #endif
    }
}
