#if GRDB
import Foundation
import GRDB
import ProgressTracking

/// The peer: the library's SQL and logic through GRDB, as a careful GRDB user writes them: one
/// `DatabaseQueue`, cached statements bound by name, `write { }` for each unit of work (a
/// savepoint inside one where the library nests a transaction) and `read { }` for reads.
final class GRDBSide: Side {
    /// A row's id and the random token that tells it from a later row reusing the id, as the
    /// library keeps them for its sets and trackers.
    struct Identity {
        let id: Int64
        let token: Int64
    }

    let queue: DatabaseQueue
    let set: Identity
    private var first: Identity?
    /// The number of the next new item key, for counting or failing.
    var nextItem = 0

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
        try queue.writeWithoutTransaction { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            for (index, sql) in migrations.enumerated().dropFirst(version) {
                try db.inTransaction(.immediate) {
                    try db.execute(sql: sql)
                    try db.execute(sql: "PRAGMA user_version = \(index + 1)")
                    return .commit
                }
            }
        }
        set = try Self.trackerSet(named: "bench", in: queue)
    }

    /// The library's `trackerSet(named:)`: the set if it is there, else created.
    private static func trackerSet(named name: String, in queue: DatabaseQueue) throws -> Identity {
        func find(_ db: Database) throws -> Identity? {
            try Row.fetchOne(db.cachedStatement(sql: SQL.findSet), arguments: ["name": name]).map {
                Identity(id: $0[0], token: $0[1])
            }
        }
        if let set = try queue.read(find) { return set }
        return try queue.write { db in
            if let set = try find(db) { return set }
            try db.cachedStatement(sql: SQL.insertSet).execute(arguments: [
                "name": name, "token": Int64.random(in: .min ... .max), "now": Date().timeIntervalSince1970,
            ])
            guard let set = try find(db) else { throw BenchError("set \(name) removed as it was created") }
            return set
        }
    }

    /// The library's `createTracker` and `increment(by:)` for each, in one transaction.
    func addTrackers(_ count: Int) throws {
        let set = set
        try queue.write { db in
            for index in 0..<count {
                let tracker = try Self.createTracker(db, named: "t\(index)", in: set)
                let amount = initialCount(ofTracker: index)
                if amount > 0 { try Self.count(db, amount, of: tracker) } else { _ = try Self.current(db, of: tracker) }
            }
        }
    }

    /// The library's `createTracker`: the row and its `created` event, in a savepoint.
    private static func createTracker(_ db: Database, named name: String, in set: Identity) throws -> Identity {
        let token = Int64.random(in: .min ... .max)
        var id: Int64?
        try db.inSavepoint {
            let now = Date().timeIntervalSince1970
            id = try Int64.fetchOne(db.cachedStatement(sql: SQL.insertTracker), arguments: [
                "set": set.id, "name": name, "token": token, "total": 100, "weight": nil, "now": now, "set_token": set.token,
            ])
            guard let id else { throw BenchError("tracker \(name) exists") }
            try recordEvent(db, "created", of: Identity(id: id, token: token), at: now)
            return .commit
        }
        guard let id else { throw BenchError("tracker \(name) not created") }
        return Identity(id: id, token: token)
    }

    /// The library's `getAllTrackers().first`.
    func firstTracker() throws -> Identity {
        if let first { return first }
        let set = set
        let tracker = try queue.read { db in
            try Row.fetchOne(db.cachedStatement(sql: SQL.trackers), arguments: ["set": set.id, "set_token": set.token]).map {
                Identity(id: $0[0], token: $0[1])
            }
        }
        guard let tracker else { throw BenchError("the set has no tracker") }
        first = tracker
        return tracker
    }

    func increment(times count: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<count {
            try queue.write { db in try Self.count(db, 1, of: tracker) }
        }
    }

    func increment(batches: Int, of size: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<batches {
            try queue.write { db in
                for _ in 0..<size { try Self.count(db, 1, of: tracker) }
            }
        }
    }

    func countItems(_ count: Int, batchSize: Int?) throws {
        let tracker = try firstTracker()
        let first = nextItem
        for group in groups(count, of: batchSize ?? 1) {
            try queue.write { db in
                for index in group {
                    guard try Self.countItem(db, itemKey(first + index), of: tracker) else { throw BenchError("item counted twice") }
                }
            }
        }
        nextItem += count
    }

    func overall() throws -> Double {
        let set = set
        let row = try queue.read { db in
            try Row.fetchOne(db.cachedStatement(sql: SQL.overall), arguments: ["set": set.id, "token": set.token])
        }
        guard let row, row[1] as Bool else { throw BenchError("the set is gone") }
        return row[0]
    }

    func current() throws -> Int {
        let tracker = try firstTracker()
        return try queue.read { db in try Self.current(db, of: tracker) }
    }

    /// The library's `values(of:)`, of which the count.
    private static func current(_ db: Database, of tracker: Identity) throws -> Int {
        guard let current = try Int.fetchOne(
            db.cachedStatement(sql: SQL.values), arguments: ["id": tracker.id, "token": tracker.token]
        ) else { throw BenchError("no such tracker") }
        return current
    }
}
#endif
