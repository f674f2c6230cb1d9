internal import ProgressTrackingLibPQ
internal import ProgressTrackingStorage

extension StorageError {
    /// What a PostgreSQL failure during a call means to the service: the one place where
    /// SQLSTATEs are matched.
    ///
    /// PostgreSQL aborts the whole open transaction on any error a statement raises, so every
    /// server error ends it (and the service dooms the caller's transaction). The storage's
    /// SQL is written so that the refusals the service expects (a tracker that exists or is
    /// missing, an item counted already, a count that would overflow) raise none.
    init(_ error: PostgresError) {
        switch error.kind {
        case .connectionLost:
            self.init(.connectionLost(reason: error.message), endsTransaction: true)
        case .connectionFailed:
            self.init(.connectionLost(reason: "cannot connect again: \(error.message)"), endsTransaction: true)
        case .statementFailed:
            self.init(Self.kind(of: error), endsTransaction: true)
        case .unexpectedValue, .invalidArgument:
            self.init(.other(code: "\(error.kind)", message: error.message, sql: error.sql))
        }
    }

    /// What a failure to open a store means: a connection that cannot be made, or a schema
    /// that cannot be created or read (no permission, a name the server reserves), cannot be
    /// opened; a lock held too long, a full disk, a read-only server are what they always are.
    init(opening error: PostgresError) {
        let failure = StorageError(error)
        switch (error.kind, error.sqlState, failure.kind) {
        case (.statementFailed, .insufficientPrivilege?, _), (.statementFailed, _, .other), (.connectionFailed, _, _), (.connectionLost, _, _):
            self.init(.cannotOpen(reason: error.message))
        default:
            self = failure
        }
    }

    private static func kind(of error: PostgresError) -> Kind {
        switch error.sqlState {
        // lock_timeout (the busy timeout), and the conflicts PostgreSQL resolves by failing one side.
        case .lockNotAvailable?, .deadlockDetected?, .serializationFailure?: .busy
        case .diskFull?: .full
        // A read-only transaction (a read-only store, a standby) or a role without the right.
        case .readOnlySQLTransaction?, .insufficientPrivilege?: .readOnly
        case .dataCorrupted?, .indexCorrupted?: .corrupt
        default: .other(code: "SQLSTATE \(error.sqlState?.rawValue ?? "?????")", message: error.message, sql: error.sql)
        }
    }
}

/// Runs `body`, translating its PostgreSQL failure into a `StorageError`.
@discardableResult
func postgres<T>(_ body: () throws(PostgresError) -> T) throws(StorageError) -> T {
    do {
        return try body()
    } catch {
        throw StorageError(error)
    }
}
