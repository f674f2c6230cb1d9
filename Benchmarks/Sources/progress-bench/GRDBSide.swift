#if GRDB
import GRDB
import ProgressTracking

/// The peer: the library's SQL through GRDB, as a careful GRDB user writes it: one
/// `DatabaseQueue`, cached statements, `write { }` for each unit of work and `read { }` for reads.
final class GRDBSide: Side {
    private let queue: DatabaseQueue
    private let setID: Int64
    private var first: Int64?
    private var nextItem = 0

    // The statements of Query.swift, text for text.
    private static let now = "(julianday('now') - 2440587.5) * 86400.0"
    private static let setIDSQL = "SELECT id FROM tracker_set WHERE name = ?1"
    private static let insertSetSQL =
        "INSERT INTO tracker_set (name, created_at, updated_at) VALUES (?1, \(now), \(now)) ON CONFLICT (name) DO NOTHING"
    private static let insertTrackerSQL = """
        INSERT INTO tracker (set_id, name, total, weight, created_at, updated_at)
        VALUES (?1, ?2, ?3, ?4, \(now), \(now)) RETURNING id
        """
    private static let trackersSQL = "SELECT id, name FROM tracker WHERE set_id = ?1 ORDER BY id"
    private static let trackerSQL = "SELECT current, total, weight, fraction FROM tracker_progress WHERE id = ?1"
    private static let incrementSQL = "UPDATE tracker SET current = current + ?2, updated_at = \(now) WHERE id = ?1"
    private static let countItemSQL = "INSERT INTO tracker_item (tracker_id, key) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
    private static let overallSQL = "SELECT overall FROM tracker_set_progress WHERE set_id = ?1"
    private static let statusSQL = """
        SELECT p.overall, t.name, t.current, t.total, t.fraction
        FROM tracker_set_progress p LEFT JOIN tracker_progress t ON t.set_id = p.set_id
        WHERE p.set_id = ?1 ORDER BY t.id
        """

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
            if let id = try Int64.fetchOne(db.cachedStatement(sql: Self.setIDSQL), arguments: ["bench"]) { return id }
            try db.cachedStatement(sql: Self.insertSetSQL).execute(arguments: ["bench"])
            return try Int64.fetchOne(db.cachedStatement(sql: Self.setIDSQL), arguments: ["bench"])!
        }
    }

    func addTrackers(_ count: Int) throws {
        let setID = setID
        try queue.write { db in
            let insert = try db.cachedStatement(sql: Self.insertTrackerSQL)
            let increment = try db.cachedStatement(sql: Self.incrementSQL)
            for index in 0..<count {
                let id = try Int64.fetchOne(insert, arguments: [setID, "t\(index)", 100, nil])!
                try increment.execute(arguments: [id, initialCount(ofTracker: index)])
            }
        }
    }

    private func firstTracker() throws -> Int64 {
        if let first { return first }
        let setID = setID
        let id = try queue.read { db in
            try Int64.fetchOne(db.cachedStatement(sql: Self.trackersSQL), arguments: [setID])
        }
        guard let id else { throw BenchError("the set has no tracker") }
        first = id
        return id
    }

    func increment(times count: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<count {
            try queue.write { db in
                try db.cachedStatement(sql: Self.incrementSQL).execute(arguments: [tracker, 1])
            }
        }
    }

    func increment(batches: Int, of size: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<batches {
            try queue.write { db in
                let statement = try db.cachedStatement(sql: Self.incrementSQL)
                for _ in 0..<size { try statement.execute(arguments: [tracker, 1]) }
            }
        }
    }

    func countItems(_ count: Int, batchSize: Int?) throws {
        let tracker = try firstTracker()
        let first = nextItem
        for group in groups(count, of: batchSize ?? 1) {
            try queue.write { db in
                let statement = try db.cachedStatement(sql: Self.countItemSQL)
                for index in group {
                    try statement.execute(arguments: [tracker, itemKey(first + index)])
                    guard db.changesCount == 1 else { throw BenchError("item counted twice") }
                }
            }
        }
        nextItem += count
    }

    func overall() throws -> Double {
        try queue.read { db in
            try Double.fetchOne(db.cachedStatement(sql: Self.overallSQL), arguments: [setID])!
        }
    }

    func status() throws -> StatusDigest {
        let status = try queue.read { db in
            var status = TrackerSetStatus(overall: 0)
            let rows = try Row.fetchCursor(db.cachedStatement(sql: Self.statusSQL), arguments: [setID])
            while let row = try rows.next() {
                status.overall = row[0]
                guard let name: String = row[1] else { continue }  // an empty set's one row
                status.trackers[name] = TrackerStatus(current: row[2], total: row[3], percent: 100 * row[4])
                status.order.append(name)
            }
            return status
        }
        return StatusDigest(
            overall: status.overall,
            trackerCount: status.order.count,
            currentSum: status.trackers.values.reduce(0) { $0 + $1.current }
        )
    }

    func current() throws -> Int {
        let tracker = try firstTracker()
        return try queue.read { db in
            try Int.fetchOne(db.cachedStatement(sql: Self.trackerSQL), arguments: [tracker])!
        }
    }
}
#endif
