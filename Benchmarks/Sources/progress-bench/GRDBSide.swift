#if GRDB
import Foundation
import GRDB
import ProgressTracking

/// The peer: the library's SQL and logic through GRDB, as a careful GRDB user writes them: one
/// `DatabaseQueue`, cached statements, `write { }` for each unit of work (a savepoint inside
/// one where the library nests a transaction) and `read { }` for reads.
final class GRDBSide: Side {
    let queue: DatabaseQueue
    let setID: Int64
    private var first: Int64?
    private var nextItem = 0

    /// The library's `Timekeeping.system` defaults: a progress sample per second, rates over a minute.
    static let sampleInterval = 1.0
    static let rateWindow = 60.0

    init(path: String, durability: Durability) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = \(durability == .full ? "FULL" : "NORMAL")")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        let migrations = try Schema.migrations()
        setID = try queue.writeWithoutTransaction { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            for (index, sql) in migrations.enumerated().dropFirst(version) {
                try db.inTransaction(.immediate) {
                    try db.execute(sql: sql)
                    try db.execute(sql: "PRAGMA user_version = \(index + 1)")
                    return .commit
                }
            }
            if let id = try Int64.fetchOne(db.cachedStatement(sql: SQL.setID), arguments: ["bench"]) { return id }
            try db.cachedStatement(sql: SQL.insertSet).execute(arguments: ["bench", Date().timeIntervalSince1970])
            return try Int64.fetchOne(db.cachedStatement(sql: SQL.setID), arguments: ["bench"])!
        }
    }

    func addTrackers(_ count: Int) throws {
        let setID = setID
        try queue.write { db in
            for index in 0..<count {
                var id: Int64 = 0
                try db.inSavepoint {
                    let now = Date().timeIntervalSince1970
                    id = try Int64.fetchOne(
                        db.cachedStatement(sql: SQL.insertTracker), arguments: [setID, "t\(index)", 100, nil, now]
                    )!
                    try Self.insertEvent(db, trackerID: id, kind: "created", at: now)
                    return .commit
                }
                try Self.countChange(db, trackerID: id, amount: initialCount(ofTracker: index))
            }
        }
    }

    private func firstTracker() throws -> Int64 {
        if let first { return first }
        let setID = setID
        let id = try queue.read { db in
            try Int64.fetchOne(db.cachedStatement(sql: SQL.trackers), arguments: [setID])
        }
        guard let id else { throw BenchError("the set has no tracker") }
        first = id
        return id
    }

    func increment(times count: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<count {
            try queue.write { db in try Self.countChange(db, trackerID: tracker, amount: 1) }
        }
    }

    func increment(batches: Int, of size: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<batches {
            try queue.write { db in
                for _ in 0..<size { try Self.countChange(db, trackerID: tracker, amount: 1) }
            }
        }
    }

    func countItems(_ count: Int, batchSize: Int?) throws {
        let tracker = try firstTracker()
        let first = nextItem
        for group in groups(count, of: batchSize ?? 1) {
            try queue.write { db in
                for index in group {
                    let key = itemKey(first + index)
                    try db.cachedStatement(sql: SQL.countItem).execute(arguments: [tracker, key])
                    guard db.changesCount == 1 else { throw BenchError("item counted twice") }
                    do {
                        try Self.countChange(db, trackerID: tracker, amount: 1)
                    } catch {
                        // As the library does inside a caller's transaction: the key goes with its count.
                        try? db.cachedStatement(sql: SQL.forgetItem).execute(arguments: [tracker, key])
                        throw error
                    }
                }
            }
        }
        nextItem += count
    }

    func overall() throws -> Double {
        try queue.read { db in
            try Double.fetchOne(db.cachedStatement(sql: SQL.overall), arguments: [setID])!
        }
    }

    func current() throws -> Int {
        let tracker = try firstTracker()
        return try queue.read { db in
            try Int.fetchOne(db.cachedStatement(sql: SQL.tracker), arguments: [tracker])!
        }
    }

    // MARK: - The library's counting logic

    /// The hot-path UPDATE, which changes nothing when the change must be recorded, then the recording path.
    private static func countChange(_ db: Database, trackerID: Int64, amount: Int) throws {
        let now = Date().timeIntervalSince1970
        try db.cachedStatement(sql: SQL.increment).execute(arguments: [trackerID, amount, now])
        if db.changesCount == 0 { try recordChange(db, trackerID: trackerID, amount: amount) }
    }

    /// The library's `recordChange(.add(amount))`: the count and the history rows it calls for.
    private static func recordChange(_ db: Database, trackerID: Int64, amount: Int) throws {
        try db.inSavepoint {
            let now = Date().timeIntervalSince1970
            guard let state = try Row.fetchOne(db.cachedStatement(sql: SQL.trackerState), arguments: [trackerID]) else {
                throw BenchError("no such tracker")
            }
            try db.cachedStatement(sql: SQL.addCount).execute(arguments: [trackerID, amount, now])
            let current: Int = state[1] + amount
            let total: Int = state[2]
            let starts = state[3] == nil
            let completes = state[4] == nil && current >= total
            let samples = !starts && !completes && now >= state[5] ?? now
            guard starts || completes || samples else { return .commit }
            if starts { try db.cachedStatement(sql: SQL.restartRate).execute(arguments: [trackerID, now]) }
            try db.cachedStatement(sql: SQL.markTracker).execute(arguments: [trackerID, now, completes, now + sampleInterval])
            if starts { try insertEvent(db, trackerID: trackerID, kind: "started", at: now) }
            if completes { try insertEvent(db, trackerID: trackerID, kind: "completed", at: now) }
            if samples { try insertEvent(db, trackerID: trackerID, kind: "progress", at: now) }
            return .commit
        }
    }

    private static func insertEvent(_ db: Database, trackerID: Int64, kind: String, at now: Double) throws {
        try db.cachedStatement(sql: SQL.insertEvent).execute(arguments: [trackerID, kind, now])
    }
}
#endif
