import ProgressTracking

/// One job of the worker, parsed from its arguments: `<command> <store path> <arguments…>`.
/// Every job works in the tracker set named `WorkerCommand.setName`.
enum WorkerCommand {
    /// `increment PATH TRACKER TOTAL COUNT`: opens the tracker and increments it COUNT times.
    case increment(path: String, tracker: String, total: Int, count: Int)
    /// `items PATH TRACKER TOTAL START COUNT`: counts the keys `item-k` for COUNT consecutive k
    /// from START, wrapping at TOTAL; prints "progress N" every 100 keys new to the tracker.
    case items(path: String, tracker: String, total: Int, start: Int, count: Int)
    /// `batches PATH BATCHES SIZE`: for each batch b not yet done, one transaction that counts
    /// the key `batch-b` in tracker "batches" and increments tracker "rows" SIZE times;
    /// prints "progress N" after each.
    case batches(path: String, batches: Int, size: Int)
    /// `open PATH TRACKER`: opens the tracker and increments it once.
    case open(path: String, tracker: String)
    /// `watch PATH read-only|read-write TARGET`: reads the set's status in a loop until the
    /// counts add up to TARGET, failing if a count ever goes down.
    case watch(path: String, readOnly: Bool, target: Int)
    /// `hold PATH`: increments tracker "held" in a transaction, prints "locked", and keeps the
    /// transaction (and the write lock) open until stdin closes.
    case hold(path: String)
    /// `resumable PATH TOTAL BATCH FAIL_EVERY`: imports the records 0..<TOTAL into tracker
    /// "records" as a real import resumes: from its cursor on, BATCH records per transaction,
    /// each counted by key except every FAIL_EVERY-th, which fails ("timeout"), and the
    /// cursor moved past the batch in the same transaction; then it retries what failed,
    /// one transaction per record. Prints "progress N" after each transaction.
    case resumable(path: String, total: Int, batch: Int, failEvery: Int)
    /// `fail-or-count PATH KEYS SEED`: goes over the keys `item-0`…`item-(KEYS-1)` in an
    /// order and with choices drawn from SEED, failing, counting or skipping each, as
    /// competing workers that retry each other's failures would; then counts every key.
    /// Prints "progress N" every 100 calls, and ends with the failures the store accepted and
    /// the keys it counted: "done failed=F counted=C".
    case failOrCount(path: String, keys: Int, seed: Int)

    static let setName = "work"

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    init(arguments: [String]) throws {
        func text(_ index: Int) throws -> String {
            guard index < arguments.count else { throw Failure("missing argument \(index) in \(arguments)") }
            return arguments[index]
        }
        func number(_ index: Int) throws -> Int {
            guard let value = Int(try text(index)) else { throw Failure("argument \(index) is not a number in \(arguments)") }
            return value
        }
        switch try text(0) {
        case "increment": self = .increment(path: try text(1), tracker: try text(2), total: try number(3), count: try number(4))
        case "items": self = .items(path: try text(1), tracker: try text(2), total: try number(3), start: try number(4), count: try number(5))
        case "batches": self = .batches(path: try text(1), batches: try number(2), size: try number(3))
        case "open": self = .open(path: try text(1), tracker: try text(2))
        case "watch": self = .watch(path: try text(1), readOnly: try text(2) == "read-only", target: try number(3))
        case "hold": self = .hold(path: try text(1))
        case "resumable": self = .resumable(path: try text(1), total: try number(2), batch: try number(3), failEvery: try number(4))
        case "fail-or-count": self = .failOrCount(path: try text(1), keys: try number(2), seed: try number(3))
        case let other: throw Failure("unknown command \(other)")
        }
    }

    /// Runs the job; returns what follows "done".
    func run() throws -> String {
        switch self {
        case let .increment(path, tracker, total, count):
            let tracker = try ProgressStore(path: path).trackerSet(named: Self.setName).openTracker(tracker, total: total)
            for _ in 0..<count { try tracker.increment() }
            return "\(count)"

        case let .items(path, tracker, total, start, count):
            let tracker = try ProgressStore(path: path).trackerSet(named: Self.setName).openTracker(tracker, total: total)
            var new = 0
            for offset in 0..<count where try tracker.increment(item: "item-\((start + offset) % total)") {
                new += 1
                if new % 100 == 0 { emit("progress \(new)") }
            }
            return "new=\(new)"

        case let .batches(path, batches, size):
            let store = try ProgressStore(path: path)
            let set = try store.trackerSet(named: Self.setName)
            let done = try set.openTracker("batches", total: batches)
            let rows = try set.openTracker("rows", total: batches * size)
            var new = 0
            for batch in 0..<batches {
                let counted = try store.transaction {
                    guard try done.increment(item: "batch-\(batch)") else { return false }
                    for _ in 0..<size { try rows.increment() }
                    return true
                }
                if counted {
                    new += 1
                    emit("progress \(new)")
                }
            }
            return "new=\(new)"

        case let .open(path, tracker):
            try ProgressStore(path: path).trackerSet(named: Self.setName).openTracker(tracker, total: 1).increment()
            return "opened"

        case let .watch(path, readOnly, target):
            return try watch(path: path, readOnly: readOnly, target: target)

        case let .hold(path):
            let store = try ProgressStore(path: path)
            let held = try store.trackerSet(named: Self.setName).openTracker("held", total: 1)
            try store.transaction {
                try held.increment()
                emit("locked")
                while readLine() != nil {}
            }
            return "released"

        case let .resumable(path, total, batch, failEvery):
            return try importResuming(path: path, total: total, batch: batch, failEvery: failEvery)

        case let .failOrCount(path, keys, seed):
            return try failOrCount(path: path, keys: keys, seed: seed)
        }
    }

    private func importResuming(path: String, total: Int, batch: Int, failEvery: Int) throws -> String {
        let store = try ProgressStore(path: path)
        let records = try store.trackerSet(named: Self.setName).openTracker("records", total: total)
        var transactions = 0
        var start = try records.cursor.map { Int($0)! } ?? 0
        while start < total {
            let end = min(start + batch, total)
            try store.transaction {
                for record in start..<end {
                    if record.isMultiple(of: failEvery) {
                        try records.fail(item: "record-\(record)", reason: "timeout")
                    } else {
                        try records.increment(item: "record-\(record)")
                    }
                }
                try records.setCursor("\(end)")
            }
            start = end
            transactions += 1
            emit("progress \(transactions)")
        }
        while let failure = try records.failures(limit: 1).first {
            try store.transaction { _ = try records.increment(item: failure.key) }
            transactions += 1
            emit("progress \(transactions)")
        }
        return "transactions=\(transactions)"
    }

    private func failOrCount(path: String, keys: Int, seed: Int) throws -> String {
        let tracker = try ProgressStore(path: path).trackerSet(named: Self.setName).openTracker("contested", total: keys)
        // A linear congruential generator: the worker needs a seeded order, not good randomness.
        var state = UInt64(truncatingIfNeeded: seed) &* 6_364_136_223_846_793_005 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var (failed, counted, calls) = (0, 0, 0)
        for _ in 0..<(keys * 2) {
            let key = "item-\(next(keys))"
            switch next(4) {
            case 0, 1:
                do {
                    try tracker.fail(item: key, reason: "attempt by worker \(seed)")
                    failed += 1
                } catch .itemAlreadyCounted {}
            case 2: if try tracker.increment(item: key) { counted += 1 }
            default: if try tracker.skip(item: key, reason: "skipped by worker \(seed)") { counted += 1 }
            }
            calls += 1
            if calls.isMultiple(of: 100) { emit("progress \(calls)") }
        }
        for key in 0..<keys where try tracker.increment(item: "item-\(key)") { counted += 1 }
        return "failed=\(failed) counted=\(counted)"
    }

    private func watch(path: String, readOnly: Bool, target: Int) throws -> String {
        let set = try ProgressStore(path: path, readOnly: readOnly).trackerSet(named: Self.setName)
        var last: [String: Int] = [:]
        var reads = 0
        while true {
            let status = try set.getStatus()
            reads += 1
            for (name, tracker) in status.trackers {
                if let before = last[name], tracker.current < before {
                    throw Failure("\(name) went back from \(before) to \(tracker.current) at read \(reads)")
                }
                last[name] = tracker.current
            }
            if last.values.reduce(0, +) >= target { return "reads=\(reads)" }
        }
    }
}
