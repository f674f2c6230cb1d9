import ProgressTracking

/// A C side: each call below is one call into C that runs the whole loop.
final class CSide: SpreadCounting {
    private let functions: CFunctions
    private let db: OpaquePointer
    private let setID: Int64
    private var first: Int64?
    private var nextItem: Int64 = 0

    init(_ functions: CFunctions, path: String, durability: Durability) throws {
        self.functions = functions
        let (rc, db) = try functions.open(path, durability == .full)
        guard let db else { throw BenchError("\(functions.name): open returned no handle") }
        self.db = db
        var setID: Int64 = 0
        do {
            try Self.check(rc, functions, db)
            try Self.check(functions.trackerSet(db, "bench", &setID), functions, db)
        } catch {
            functions.close(db)
            throw error
        }
        self.setID = setID
    }

    deinit { functions.close(db) }

    private static func check(_ rc: Int32, _ functions: CFunctions, _ db: OpaquePointer) throws {
        guard rc == 0 else { throw BenchError("\(functions.name): \(String(cString: functions.error(db)!))") }
    }

    private func check(_ rc: Int32) throws { try Self.check(rc, functions, db) }

    private func firstTracker() throws -> Int64 {
        if let first { return first }
        var id: Int64 = 0
        try check(functions.firstTracker(db, setID, &id))
        first = id
        return id
    }

    func addTrackers(_ count: Int) throws {
        try check(functions.createTrackers(db, setID, "t", Int32(count), 100))
    }

    func increment(times count: Int) throws {
        try check(functions.increment(db, try firstTracker(), 1, Int32(count)))
    }

    func increment(batches: Int, of size: Int) throws {
        try check(functions.incrementBatches(db, try firstTracker(), Int32(batches), Int32(size)))
    }

    func increment(spreadOver trackers: Int, count: Int, batchSize: Int) throws {
        guard let spread = functions.incrementSpread else { throw BenchError("\(functions.name) does not import") }
        try check(spread(db, try firstTracker(), Int32(trackers), Int32(count), Int32(batchSize)))
    }

    func countItems(_ count: Int, batchSize: Int?) throws {
        try check(functions.countItems(db, try firstTracker(), nextItem, Int32(count), Int32(batchSize ?? 0)))
        nextItem += Int64(count)
    }

    func fail(items count: Int) throws {
        try check(functions.failItems(db, try firstTracker(), nextItem, Int32(count), failureReason))
        nextItem += Int64(count)
    }

    func failureCount() throws -> Int {
        var count: Int64 = 0
        try check(functions.failureCount(db, try firstTracker(), &count))
        return Int(count)
    }

    func overall() throws -> Double {
        var overall = 0.0
        try check(functions.overall(db, setID, &overall))
        return overall
    }

    func status() throws -> StatusDigest {
        var overall = 0.0
        var count: Int32 = 0
        var sum: Int64 = 0
        try check(functions.status(db, setID, &overall, &count, &sum))
        return StatusDigest(overall: overall, trackerCount: Int(count), currentSum: Int(sum))
    }

    func current() throws -> Int {
        var current: Int64 = 0
        try check(functions.current(db, try firstTracker(), &current))
        return Int(current)
    }
}
