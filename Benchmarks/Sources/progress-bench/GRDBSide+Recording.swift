#if GRDB
import Foundation
import GRDB

/// The library's counting logic (`ProgressTracker`, `ProgressStore.record`, `HistoryPolicy`)
/// for the changes the benchmark makes: adding to a count, counting an item.
/// Each runs inside the caller's `write { }`.
extension GRDBSide {
    /// The hot-path UPDATE, which changes nothing when the change must be recorded, then the
    /// recording path. A sum past `Int.max` is left to the recording path, as in the library.
    static func count(_ db: Database, _ amount: Int, of tracker: Identity) throws {
        let now = Date().timeIntervalSince1970
        do {
            try db.cachedStatement(sql: SQL.addQuietly).execute(arguments: [
                "amount": amount, "now": now, "id": tracker.id, "token": tracker.token,
            ])
            if db.changesCount > 0 { return }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_DATATYPE {}
        try record(db, amount, of: tracker)
    }

    /// `ProgressStore.record(.add(amount))`: the count and the history rows it calls for, in a savepoint.
    private static func record(_ db: Database, _ amount: Int, of tracker: Identity) throws {
        try db.inSavepoint {
            let ids: StatementArguments = ["id": tracker.id, "token": tracker.token]
            guard let before = try Row.fetchOne(db.cachedStatement(sql: SQL.state), arguments: ids) else {
                throw BenchError("no such tracker")
            }
            let (current, total): (Int, Int) = (before["current"], before["total"])
            let (after, overflow) = current.addingReportingOverflow(amount)
            guard !overflow else { throw BenchError("count overflow") }
            guard after != current else { return .commit }
            let now = Date().timeIntervalSince1970
            try db.cachedStatement(sql: SQL.add).execute(arguments: ids + ["value": amount, "now": now])

            // HistoryPolicy.outcome for a raised count.
            let startedAt: Double? = before["started_at"]
            let completedAt: Double? = before["completed_at"]
            let quietUntil: Double? = before["quiet_until"]
            let starts = startedAt == nil
            let complete = after >= total
            let wasComplete = completedAt != nil
            var events: [String] = []
            if starts { events.append("started") }
            if complete, !wasComplete { events.append("completed") }
            if events.isEmpty, now >= quietUntil ?? now { events.append("progress") }
            guard !events.isEmpty || complete != wasComplete else { return .commit }

            try db.cachedStatement(sql: SQL.mark).execute(arguments: ids + [
                "reopened": wasComplete && !complete, "completed_at": complete && !wasComplete ? now : nil,
                "quiet_until": now + sampleInterval,
            ])
            if starts { try db.cachedStatement(sql: SQL.restartRate).execute(arguments: ["now": now, "id": tracker.id]) }
            for event in events { try recordEvent(db, event, of: tracker, at: now) }
            if !events.isEmpty {
                try db.cachedStatement(sql: SQL.advanceRateBase).execute(arguments: ids + ["now": now, "window": rateWindow])
            }
            return .commit
        }
    }

    static func recordEvent(_ db: Database, _ kind: String, of tracker: Identity, at now: Double) throws {
        try db.cachedStatement(sql: SQL.recordEvent).execute(arguments: [
            "kind": kind, "now": now, "id": tracker.id, "token": tracker.token,
        ])
        guard db.changesCount > 0 else { throw BenchError("no such tracker") }
    }

    /// `ProgressTracker.increment(item:)`: the key, the failure it resolves, and the count;
    /// false if the key was counted before. As the library does inside a caller's transaction,
    /// a count that fails takes its key and resolution back, without a savepoint.
    static func countItem(_ db: Database, _ key: String, of tracker: Identity) throws -> Bool {
        let (id, token) = (tracker.id, tracker.token)
        try db.cachedStatement(sql: SQL.insertItem).execute(arguments: ["id": id, "key": key, "token": token])
        guard db.changesCount > 0 else {
            // Counted before, or the tracker is gone.
            let row = try Row.fetchOne(db.cachedStatement(sql: SQL.hasItem), arguments: ["id": id, "token": token, "key": key])
            guard let row, row["tracked"] as Bool else { throw BenchError("no such tracker") }
            return false
        }
        var resolved = false
        do {
            try db.cachedStatement(sql: SQL.resolveFailure).execute(arguments: [
                "now": Date().timeIntervalSince1970, "resolution": "counted", "id": id, "key": key,
            ])
            if db.changesCount > 0 {
                resolved = true
                try db.cachedStatement(sql: SQL.uncountFailure).execute(arguments: ["id": id, "token": token])
            }
            try count(db, 1, of: tracker)
            return true
        } catch {
            try? db.cachedStatement(sql: SQL.deleteItem).execute(arguments: ["id": id, "key": key])
            if resolved {
                try? db.cachedStatement(sql: SQL.reopenFailure).execute(arguments: ["id": id, "key": key])
                try? db.cachedStatement(sql: SQL.recountFailure).execute(arguments: ["id": id, "token": token])
            }
            throw error
        }
    }
}
#endif
