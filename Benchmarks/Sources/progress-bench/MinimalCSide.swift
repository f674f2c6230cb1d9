import CBaseline
import ProgressTracking

/// The targets' baseline: the seed's semantics with the least work SQLite allows, in C, on a
/// schema of its own (`minimal.c`). Each call below is one call into C that runs the whole loop.
final class MinimalCSide: SpreadCounting {
    private let db: OpaquePointer
    private let setID: Int64
    private var first: Int64?
    private var nextItem: Int64 = 0

    init(path: String, durability: Durability) throws {
        var db: OpaquePointer?
        let rc = mb_open(path, durability == .full ? 1 : 0, &db)
        guard let db else { throw BenchError("mb_open returned no handle") }
        self.db = db
        var setID: Int64 = 0
        do {
            try Self.check(rc, db)
            try Self.check(mb_tracker_set(db, "bench", &setID), db)
        } catch {
            mb_close(db)
            throw error
        }
        self.setID = setID
    }

    deinit { mb_close(db) }

    private static func check(_ rc: Int32, _ db: OpaquePointer) throws {
        guard rc == 0 else { throw BenchError("minimal C: \(String(cString: mb_error(db)))") }
    }

    private func check(_ rc: Int32) throws { try Self.check(rc, db) }

    private func firstTracker() throws -> Int64 {
        if let first { return first }
        var id: Int64 = 0
        try check(mb_first_tracker(db, setID, &id))
        first = id
        return id
    }

    func addTrackers(_ count: Int) throws {
        try check(mb_create_trackers(db, setID, "t", Int32(count), 100))
    }

    func increment(times count: Int) throws {
        try check(mb_increment(db, try firstTracker(), 1, Int32(count)))
    }

    func increment(batches: Int, of size: Int) throws {
        try check(mb_increment_batches(db, try firstTracker(), Int32(batches), Int32(size)))
    }

    func increment(spreadOver trackers: Int, count: Int, batchSize: Int) throws {
        try check(mb_increment_spread(db, try firstTracker(), Int32(trackers), Int32(count), Int32(batchSize)))
    }

    func countItems(_ count: Int, batchSize: Int?) throws {
        try check(mb_count_items(db, try firstTracker(), nextItem, Int32(count), Int32(batchSize ?? 0)))
        nextItem += Int64(count)
    }

    func overall() throws -> Double {
        var overall = 0.0
        try check(mb_overall(db, setID, &overall))
        return overall
    }

    func status() throws -> StatusDigest {
        var overall = 0.0
        var count: Int32 = 0
        var sum: Int64 = 0
        try check(mb_status(db, setID, &overall, &count, &sum))
        return StatusDigest(overall: overall, trackerCount: Int(count), currentSum: Int(sum))
    }

    func current() throws -> Int {
        var current: Int64 = 0
        try check(mb_current(db, try firstTracker(), &current))
        return Int(current)
    }
}
