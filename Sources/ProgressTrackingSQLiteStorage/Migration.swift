internal import ProgressTrackingSQLite

/// One schema version: the SQL that takes a database from the version before to this one.
///
/// The text comes from `Migrations/SQLite/NNNN_name.sql`, embedded at development time by
/// `Scripts/embed-migrations` so that the library needs no file beside it at run time.
struct Migration: Sendable, Equatable {
    let version: Int
    let name: String
    let sql: String

    /// The version this code creates and understands.
    static var latestVersion: Int { all.last?.version ?? 0 }

    /// The work of a version's migration that SQL cannot do, run right after its script in
    /// the same transaction.
    var dataStep: ((Connection) throws(SQLiteError) -> Void)? {
        switch version {
        case 5: CanonicalNames.apply
        default: nil
        }
    }
}
