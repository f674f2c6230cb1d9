/// One schema version: the SQL that takes a store's PostgreSQL schema from the version
/// before to this one.
///
/// The text comes from `Migrations/PostgreSQL/NNNN_name.sql`, embedded at development time by
/// `Scripts/embed-migrations` so that the library needs no file beside it at run time.
struct Migration: Sendable, Equatable {
    let version: Int
    let name: String
    let sql: String

    /// The version this code creates and understands.
    static var latestVersion: Int { all.last?.version ?? 0 }
}
