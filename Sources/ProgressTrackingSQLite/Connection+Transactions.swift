/// The statements that open and close transactions and savepoints. The connection's owner
/// decides when to use which: it keeps the one record of how deep its transactions are nested.
extension Connection {
    private static let begin = SQL("BEGIN IMMEDIATE")
    private static let commit = SQL("COMMIT")
    private static let rollback = SQL("ROLLBACK")
    private static let savepoint = SQL("SAVEPOINT nested")
    private static let release = SQL("RELEASE nested")
    private static let rollbackToSavepoint = SQL("ROLLBACK TO nested")

    /// Begins a transaction that holds the write lock from the start, so that it cannot fail
    /// later for want of it (`BEGIN IMMEDIATE`).
    package func beginImmediate() throws(SQLiteError) {
        try statement(Self.begin).run()
    }

    package func commit() throws(SQLiteError) {
        try statement(Self.commit).run()
    }

    /// Rolls back the open transaction, if SQLite has not already done so. Its own failure is
    /// dropped: the failure that led here is the one to report.
    package func rollback() {
        guard isInTransaction else { return }
        _ = try? statement(Self.rollback).run()
    }

    /// Opens a savepoint inside the open transaction; savepoints nest.
    package func savepoint() throws(SQLiteError) {
        try statement(Self.savepoint).run()
    }

    /// Keeps the innermost savepoint's changes in the enclosing transaction.
    package func releaseSavepoint() throws(SQLiteError) {
        try statement(Self.release).run()
    }

    /// Undoes the innermost savepoint's changes and closes it. Its own failure is dropped, as
    /// `rollback`'s is; when SQLite has ended the whole transaction there is nothing to undo.
    package func rollbackToSavepoint() {
        guard isInTransaction else { return }
        _ = try? statement(Self.rollbackToSavepoint).run()
        _ = try? statement(Self.release).run()
    }
}
