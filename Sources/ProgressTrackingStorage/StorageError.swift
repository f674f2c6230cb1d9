/// Why a storage call failed, in the storage layer's own terms: what the service needs to
/// tell its callers, and nothing of the database's codes, which each storage matches itself.
package struct StorageError: Error, Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The set or tracker the call names no longer exists (or never did, for its token).
        case missing(StoredEntity)
        /// A tracker of that name already exists in the set.
        case exists
        /// Another connection held the lock for longer than the busy timeout.
        case busy
        /// The disk, or the database's size limit, is full.
        case full
        /// The store, or the file it lives in, cannot be written by this connection.
        case readOnly
        /// The store cannot be opened; `reason` says why (a missing directory, no permission…).
        case cannotOpen(reason: String)
        /// The file is not a database at all.
        case notADatabase
        /// The database was made by another program.
        case notAProgressStore
        /// The database is damaged.
        case corrupt
        /// The schema is newer than this code; nothing was changed.
        case newerSchema(version: Int, supported: Int)
        /// A read-only connection found a schema older than this code, which it cannot upgrade.
        case outdatedSchema(version: Int, supported: Int)
        /// The connection to a database server broke, and the call changed nothing: it broke
        /// before a commit, or the storage learned that the commit did not happen (see its
        /// commit rule). The next call reconnects.
        case connectionLost(reason: String)
        /// The connection broke during a commit, and the storage could not learn within its
        /// bound whether the commit happened: the call's writes are all in the store or none.
        case commitOutcomeUnknown(reason: String)
        /// Anything else the database reported: its name for the failure (an SQLite result
        /// code name, a PostgreSQL SQLSTATE), its message, and the SQL that failed.
        case other(code: String, message: String, sql: String?)
    }

    package var kind: Kind
    /// Whether the failure may have ended the open transaction as a whole, not only the
    /// failing statement (SQLite after a full disk or an I/O error; PostgreSQL after any
    /// error): the service then dooms the caller's transaction.
    package var endsTransaction: Bool

    package init(_ kind: Kind, endsTransaction: Bool = false) {
        self.kind = kind
        self.endsTransaction = endsTransaction
    }
}

/// What a storage call can find missing.
package enum StoredEntity: Sendable, Equatable {
    case trackerSet
    case tracker
}
