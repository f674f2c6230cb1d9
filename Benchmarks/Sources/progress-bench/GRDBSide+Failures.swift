#if GRDB
import Foundation
import GRDB

/// The library's failure recording (`ProgressTracker.fail(item:reason:)`) and listing.
extension GRDBSide {
    func fail(items count: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<count {
            let key = itemKey(nextItem)
            let attempts = try queue.write { db in try Self.recordFailure(db, key, reason: failureReason, of: tracker) }
            guard attempts == 1 else { throw BenchError("item \(key) failed before") }
            nextItem += 1
        }
    }

    func failureCount() throws -> Int {
        let tracker = try firstTracker()
        return try queue.read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: SQL.trackerFailures),
                arguments: ["scope": tracker.id, "token": tracker.token, "resolved": nil, "limit": -1]
            ).count
        }
    }

    /// `ProgressTracker.fail(item:reason:)`: the failure, and for a first one the tracker's
    /// count of failures and, at most once per sample interval, a `failed` history row.
    /// - Returns: How many times the item has failed, this time included.
    static func recordFailure(_ db: Database, _ key: String, reason: String, of tracker: Identity) throws -> Int {
        let now = Date().timeIntervalSince1970
        let (id, token) = (tracker.id, tracker.token)
        let arguments: StatementArguments = ["id": id, "key": key, "reason": reason, "now": now, "token": token]
        try db.cachedStatement(sql: SQL.insertFailure).execute(arguments: arguments)
        guard db.changesCount == 1 else {
            try db.cachedStatement(sql: SQL.repeatFailure).execute(arguments: arguments)
            if db.changesCount == 1,
                let attempts = try Int.fetchOne(db.cachedStatement(sql: SQL.failureAttempts), arguments: ["id": id, "key": key]) {
                return attempts
            }
            // Nothing stored: the item is counted, or the tracker is gone (hasItem tells which).
            let row = try Row.fetchOne(db.cachedStatement(sql: SQL.hasItem), arguments: ["id": id, "token": token, "key": key])
            guard let row, row["tracked"] as Bool else { throw BenchError("no such tracker") }
            throw BenchError("item \(key) is counted: it cannot fail")
        }
        try db.cachedStatement(sql: SQL.countFailure).execute(arguments: ["id": id])
        let lastSample = try Double?.fetchOne(db.cachedStatement(sql: SQL.failuresSampledAt), arguments: ["id": id]) ?? nil
        // HistoryPolicy.samplesFailure: the first failure ever, or a sample interval after the last sampled one.
        if lastSample.map({ now >= $0 + sampleInterval }) ?? true {
            try db.cachedStatement(sql: SQL.markFailuresSampled).execute(arguments: ["now": now, "id": id, "token": token])
            try recordEvent(db, "failed", of: tracker, at: now)
        }
        return 1
    }
}
#endif
