import CBaseline
#if canImport(Glibc)
import Glibc
#endif
import ProgressTracking

/// The same-SQL C side (`same_sql.c`), kept to profile the Swift layer: the library's own SQL,
/// schema and counting logic in C, so that against it only the library's Swift work differs.
/// Each call below is one call into C that runs the whole loop.
final class SameSQLCSide: Side {
    private let db: OpaquePointer
    private let setID: Int64
    private var first: Int64?
    private var nextItem: Int64 = 0

    init(path: String, durability: Durability) throws {
        db = try Self.open(path: path, durability: durability)
        var setID: Int64 = 0
        do {
            try Self.check(ss_tracker_set(db, "bench", &setID), db)
        } catch {
            ss_close(db)
            throw error
        }
        self.setID = setID
    }

    deinit { ss_close(db) }

    private static func open(path: String, durability: Durability) throws -> OpaquePointer {
        let migrations = try Schema.migrations()
        var db: OpaquePointer?
        let rc = withCStrings(migrations) { texts in
            ss_open(path, durability == .full ? 1 : 0, texts, Int32(texts.count), &db)
        }
        guard let db else { throw BenchError("ss_open returned no handle") }
        do {
            try check(rc, db)
        } catch {
            ss_close(db)
            throw error
        }
        return db
    }

    private static func check(_ rc: Int32, _ db: OpaquePointer) throws {
        guard rc == 0 else { throw BenchError("same-SQL C: \(String(cString: ss_error(db)))") }
    }

    private func check(_ rc: Int32) throws { try Self.check(rc, db) }

    private func firstTracker() throws -> Int64 {
        if let first { return first }
        var id: Int64 = 0
        try check(ss_first_tracker(db, setID, &id))
        first = id
        return id
    }

    func addTrackers(_ count: Int) throws {
        try check(ss_create_trackers(db, setID, "t", Int32(count), 100))
    }

    func increment(times count: Int) throws {
        try check(ss_increment(db, try firstTracker(), 1, Int32(count)))
    }

    func increment(batches: Int, of size: Int) throws {
        try check(ss_increment_batches(db, try firstTracker(), Int32(batches), Int32(size)))
    }

    func countItems(_ count: Int, batchSize: Int?) throws {
        try check(ss_count_items(db, try firstTracker(), nextItem, Int32(count), Int32(batchSize ?? 0)))
        nextItem += Int64(count)
    }

    func overall() throws -> Double {
        var overall = 0.0
        try check(ss_overall(db, setID, &overall))
        return overall
    }

    func status() throws -> StatusDigest {
        var overall = 0.0
        var count: Int32 = 0
        var sum: Int64 = 0
        try check(ss_status(db, setID, &overall, &count, &sum))
        return StatusDigest(overall: overall, trackerCount: Int(count), currentSum: Int(sum))
    }

    func current() throws -> Int {
        var current: Int64 = 0
        try check(ss_current(db, try firstTracker(), &current))
        return Int(current)
    }
}

/// Calls `body` with the strings as an array of C strings that live for the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) })
}
