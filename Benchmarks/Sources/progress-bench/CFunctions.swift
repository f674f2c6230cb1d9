import CBaseline
#if canImport(Glibc)
import Glibc
#endif

/// One C side's functions. Both C sides have the same interface, each over its own SQL and
/// schema: `minimal.h`, the targets' baseline, and `same_sql.h`, the library's SQL, kept to
/// profile the Swift layer (against it only the library's Swift work differs).
struct CFunctions: Sendable {
    typealias Handle = OpaquePointer
    let name: String
    /// Opens the file; returns the SQLite result code and the handle (also on failure, for its error).
    let open: @Sendable (_ path: String, _ fullDurability: Bool) throws -> (Int32, Handle?)
    let close: @Sendable (Handle?) -> Void
    let error: @Sendable (Handle?) -> UnsafePointer<CChar>?
    let trackerSet: @Sendable (Handle?, UnsafePointer<CChar>?, UnsafeMutablePointer<Int64>?) -> Int32
    let createTrackers: @Sendable (Handle?, Int64, UnsafePointer<CChar>?, Int32, Int64) -> Int32
    let firstTracker: @Sendable (Handle?, Int64, UnsafeMutablePointer<Int64>?) -> Int32
    let increment: @Sendable (Handle?, Int64, Int64, Int32) -> Int32
    let incrementBatches: @Sendable (Handle?, Int64, Int32, Int32) -> Int32
    /// Only the minimal side imports (the `wal.watched` row).
    let incrementSpread: (@Sendable (Handle?, Int64, Int32, Int32, Int32) -> Int32)?
    let countItems: @Sendable (Handle?, Int64, Int64, Int32, Int32) -> Int32
    let overall: @Sendable (Handle?, Int64, UnsafeMutablePointer<Double>?) -> Int32
    let status: @Sendable (Handle?, Int64, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int64>?) -> Int32
    let current: @Sendable (Handle?, Int64, UnsafeMutablePointer<Int64>?) -> Int32

    static let minimal = CFunctions(
        name: "minimal C",
        open: { path, full in
            var db: Handle?
            return (mb_open(path, full ? 1 : 0, &db), db)
        },
        close: mb_close, error: mb_error, trackerSet: mb_tracker_set, createTrackers: mb_create_trackers,
        firstTracker: mb_first_tracker, increment: mb_increment, incrementBatches: mb_increment_batches,
        incrementSpread: mb_increment_spread, countItems: mb_count_items, overall: mb_overall, status: mb_status,
        current: mb_current
    )

    static let sameSQL = CFunctions(
        name: "same-SQL C",
        open: { path, full in
            let migrations = try Schema.migrations()
            var db: Handle?
            let rc = withCStrings(migrations) { ss_open(path, full ? 1 : 0, $0, Int32($0.count), &db) }
            return (rc, db)
        },
        close: ss_close, error: ss_error, trackerSet: ss_tracker_set, createTrackers: ss_create_trackers,
        firstTracker: ss_first_tracker, increment: ss_increment, incrementBatches: ss_increment_batches,
        incrementSpread: nil, countItems: ss_count_items, overall: ss_overall, status: ss_status, current: ss_current
    )
}

/// Calls `body` with the strings as an array of C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) })
}
