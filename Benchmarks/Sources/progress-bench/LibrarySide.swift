import ProgressTracking

/// The library, through its public API only.
final class LibrarySide: SpreadCounting {
    private let store: ProgressStore
    private let set: ProgressTrackerSet
    private var first: ProgressTracker?
    private var nextItem = 0

    /// The library on `store` (an SQLite file, or a PostgreSQL schema), counting into the set `set`.
    init(store: ProgressStore, set: String = "bench") throws {
        self.store = store
        self.set = try store.trackerSet(named: set)
    }

    convenience init(path: String, durability: Durability) throws {
        try self.init(store: try ProgressStore(path: path, durability: durability))
    }

    private func firstTracker() throws -> ProgressTracker {
        if let first { return first }
        guard let tracker = try set.getAllTrackers().first else { throw BenchError("the set has no tracker") }
        first = tracker
        return tracker
    }

    func addTrackers(_ count: Int) throws {
        try store.transaction {
            for index in 0..<count {
                let tracker = try set.createTracker("t\(index)", total: 100)
                try tracker.increment(by: initialCount(ofTracker: index))
            }
        }
    }

    func increment(times count: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<count { try tracker.increment() }
    }

    func increment(batches: Int, of size: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<batches {
            try store.transaction {
                for _ in 0..<size { try tracker.increment() }
            }
        }
    }

    func increment(spreadOver trackers: Int, count: Int, batchSize: Int) throws {
        let all = try set.getAllTrackers()
        guard all.count >= trackers else { throw BenchError("the set has \(all.count) trackers, not \(trackers)") }
        for group in groups(count, of: batchSize) {
            try store.transaction {
                for index in group { try all[index % trackers].increment() }
            }
        }
    }

    func countItems(_ count: Int, batchSize: Int?) throws {
        let tracker = try firstTracker()
        let transaction: (() throws -> Void) throws -> Void = batchSize == nil ? { try $0() } : { try self.store.transaction($0) }
        for group in groups(count, of: batchSize ?? 1) {
            try transaction {
                for _ in group {
                    guard try tracker.increment(item: itemKey(nextItem)) else { throw BenchError("item counted twice") }
                    nextItem += 1
                }
            }
        }
    }

    func fail(items count: Int) throws {
        let tracker = try firstTracker()
        for _ in 0..<count {
            let key = itemKey(nextItem)
            guard try tracker.fail(item: key, reason: failureReason) == 1 else { throw BenchError("item \(key) failed before") }
            nextItem += 1
        }
    }

    func failureCount() throws -> Int {
        try firstTracker().failures(.all).count
    }

    func overall() throws -> Double {
        try set.getOverallProgress()
    }

    func status() throws -> StatusDigest {
        let status = try set.getStatus()
        return StatusDigest(
            overall: status.overall,
            trackerCount: status.order.count,
            currentSum: status.trackers.values.reduce(0) { $0 + $1.current }
        )
    }

    func current() throws -> Int {
        try firstTracker().current
    }
}
