import CBaseline
#if canImport(Glibc)
import Glibc
#endif

/// The C side's functions (`minimal.h`: the targets' baseline, the least work SQLite allows
/// for the seed's semantics), as a value, so that a C side over another SQL can be added.
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
    /// Spreads increments over many trackers (the `wal.watched` row).
    let incrementSpread: (@Sendable (Handle?, Int64, Int32, Int32, Int32) -> Int32)?
    let countItems: @Sendable (Handle?, Int64, Int64, Int32, Int32) -> Int32
    let failItems: @Sendable (Handle?, Int64, Int64, Int32, UnsafePointer<CChar>?) -> Int32
    let failureCount: @Sendable (Handle?, Int64, UnsafeMutablePointer<Int64>?) -> Int32
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
        incrementSpread: mb_increment_spread, countItems: mb_count_items, failItems: mb_fail_items,
        failureCount: mb_failure_count, overall: mb_overall, status: mb_status, current: mb_current
    )
}
