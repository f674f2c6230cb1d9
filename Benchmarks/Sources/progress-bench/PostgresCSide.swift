import CPostgresBaseline

/// The minimal C program over libpq (`postgres_minimal.h`): each call below is one call into
/// C that runs the whole loop.
final class PostgresCSide: PostgresSide {
    private var db: OpaquePointer?
    private let setID: Int64
    private var first: Int64?
    private var nextItem: Int64 = 0

    init(uri: String, schema: String, set: String) throws {
        var db: OpaquePointer?
        let rc = pgb_open(uri, schema, &db)
        self.db = db
        var setID: Int64 = 0
        do {
            try Self.check(rc, db)
            try Self.check(pgb_tracker_set(db, set, &setID), db)
        } catch {
            pgb_close(db)
            throw error
        }
        self.setID = setID
    }

    deinit { if let db { pgb_close(db) } }

    func close() {
        if let db { pgb_close(db) }
        db = nil
    }

    private static func check(_ rc: Int32, _ db: OpaquePointer?) throws {
        guard rc == 0 else { throw BenchError("minimal C over libpq: \(String(cString: pgb_error(db)))") }
    }

    private func check(_ rc: Int32) throws { try Self.check(rc, db) }

    private func firstTracker() throws -> Int64 {
        if let first { return first }
        var id: Int64 = 0
        try check(pgb_first_tracker(db, setID, &id))
        first = id
        return id
    }

    func addTrackers(_ count: Int) throws {
        try check(pgb_create_trackers(db, setID, "t", Int32(count), 100))
    }

    func increment(times count: Int) throws {
        try check(pgb_increment(db, try firstTracker(), 1, Int32(count)))
    }

    func increment(batches: Int, of size: Int) throws {
        try check(pgb_increment_batches(db, try firstTracker(), Int32(batches), Int32(size)))
    }

    func countItems(_ count: Int, batchSize: Int?) throws {
        try check(pgb_count_items(db, try firstTracker(), nextItem, Int32(count), Int32(batchSize ?? 0)))
        nextItem += Int64(count)
    }

    func overall() throws -> Double {
        var overall = 0.0
        try check(pgb_overall(db, setID, &overall))
        return overall
    }

    func status() throws -> StatusDigest {
        var overall = 0.0
        var count: Int32 = 0
        var sum: Int64 = 0
        try check(pgb_status(db, setID, &overall, &count, &sum))
        return StatusDigest(overall: overall, trackerCount: Int(count), currentSum: Int(sum))
    }

    func current() throws -> Int {
        var current: Int64 = 0
        try check(pgb_current(db, try firstTracker(), &current))
        return Int(current)
    }
}
