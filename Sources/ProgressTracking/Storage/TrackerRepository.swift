#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Maps tracker sets and trackers to rows of one SQLite file. Every SQL statement of the
/// library is here, in `Query`, or in `Migrations/`.
///
/// Counting is done by SQL (`current = current + ?`), never read-modify-write in Swift, so
/// processes sharing the file lose no increment. Not `Sendable`: `SharedRepository` lets one
/// thread at a time use it.
final class TrackerRepository {
    /// Not private: tests set up faults on the store's own connection, such as a full disk
    /// with `PRAGMA max_page_count`, which holds for one connection only.
    let connection: Connection
    private var statements = [Statement?](repeating: nil, count: Query.allCases.count)
    let timekeeping: Timekeeping
    /// The trackers this store created or opened: opening any other existing one resumes it.
    var trackersOfThisRun: Set<Int> = []

    /// Opens the file, refuses one it cannot read or that is newer than this code, sets the
    /// pragmas, and (in read-write mode) migrates it to the latest schema.
    ///
    /// The version is read before anything is written, so a refused file is left unchanged.
    /// - Throws: `ProgressTrackingError.newerSchema`, `.outdatedSchema`, `.notAProgressStore`,
    ///   or `SQLiteError` (cannot open, not a database, busy).
    init(path: String, mode: Connection.Mode, durability: Durability, busyTimeout: Duration, timekeeping: Timekeeping) throws {
        self.timekeeping = timekeeping
        connection = try Connection(path: path, mode: mode)
        connection.setBusyTimeout(milliseconds: Int32(clamping: busyTimeout.milliseconds))
        let (version, isEmpty) = try Migrator.schemaState(of: connection)
        if version > Migration.latestVersion {
            throw ProgressTrackingError.newerSchema(path: path, version: version, supported: Migration.latestVersion)
        }
        if version == 0, !isEmpty {
            throw ProgressTrackingError.notAProgressStore(path: path)
        }
        // Off by default and per connection; it makes removals cascade and stops counts for removed trackers.
        try connection.execute("PRAGMA foreign_keys = ON")
        switch mode {
        case .readWrite:
            try connection.execute("PRAGMA journal_mode = WAL", retryingWhileBusyFor: busyTimeout)
            try connection.execute("PRAGMA synchronous = \(durability == .full ? "FULL" : "NORMAL")")
            try Migrator.migrate(connection)
        case .readOnly:
            guard version == Migration.latestVersion else {
                throw ProgressTrackingError.outdatedSchema(path: path, version: version, supported: Migration.latestVersion)
            }
        }
    }

    func statement(_ query: Query) throws(SQLiteError) -> Statement {
        if let statement = statements[query.rawValue] { return statement }
        let statement = try connection.prepare(query.sql)
        statements[query.rawValue] = statement
        return statement
    }

    /// Runs `body` in one transaction (a savepoint when nested); see `Connection.transaction`.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    /// Runs the caller's `body` as `transaction` does, except that the ids handed out in a
    /// body that fails are never handed out again.
    ///
    /// SQLite rolls AUTOINCREMENT's counters back with the body: without this, the next
    /// tracker or set created would get the id of a handle made in the failed body, and that
    /// handle would count into it instead of throwing `.trackerRemoved`. So the body runs in a
    /// savepoint, also at the outermost level, and after rolling it back the counters are
    /// raised again to where the body left them, in the enclosing transaction, which commits.
    func callerTransaction<T>(_ body: () throws -> T) throws -> T {
        if connection.isInTransaction { return try savepointKeepingIDs(body) }
        let outcome: Result<T, any Error> = try connection.transaction {
            do {
                return .success(try savepointKeepingIDs(body))
            } catch where connection.isInTransaction {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private func savepointKeepingIDs<T>(_ body: () throws -> T) throws -> T {
        var counters: [(table: String, lastID: Int)] = []
        do {
            return try connection.transaction {
                do {
                    return try body()
                } catch {
                    counters = (try? idCounters()) ?? []
                    throw error
                }
            }
        } catch {
            // SQLite may have ended the whole transaction already (a full disk): nothing to keep then.
            if connection.isInTransaction {
                for counter in counters { try keepIDCounter(counter) }
            }
            throw error
        }
    }

    private func idCounters() throws(SQLiteError) -> [(table: String, lastID: Int)] {
        let statement = try statement(.idCounters)
        defer { statement.reset() }
        var counters: [(table: String, lastID: Int)] = []
        while try statement.step() {
            counters.append((statement.string(at: 0), statement.int(at: 1)))
        }
        return counters
    }

    private func keepIDCounter(_ counter: (table: String, lastID: Int)) throws(SQLiteError) {
        for query in [Query.raiseIDCounter, .restoreIDCounter] {
            let statement = try statement(query)
            statement.bind(counter.table, at: 1)
            statement.bind(counter.lastID, at: 2)
            try statement.run()
        }
    }

    /// Changes whenever this connection or another one commits a change to the file.
    /// - Complexity: O(1); no table is read.
    func changeToken() throws(SQLiteError) -> ChangeToken {
        let statement = try statement(.dataVersion)
        defer { statement.reset() }
        try statement.step()
        // data_version moves on commits by other connections only; total_changes covers ours.
        return ChangeToken(dataVersion: statement.int(at: 0), localChanges: connection.totalChanges)
    }

    // MARK: - Tracker sets

    func setID(named name: String) throws(SQLiteError) -> Int? {
        let statement = try statement(.setID)
        defer { statement.reset() }
        statement.bind(name, at: 1)
        return try statement.step() ? statement.int(at: 0) : nil
    }

    /// The set's id, inserting the set if absent; safe against another process doing the same.
    func createSetIfAbsent(named name: String) throws -> Int {
        if let id = try setID(named: name) { return id }
        let insert = try statement(.insertSet)
        insert.bind(name, at: 1)
        insert.bind(timekeeping.now(), at: 2)
        try insert.run()
        guard let id = try setID(named: name) else { throw ProgressTrackingError.trackerSetRemoved(set: name) }
        return id
    }

    func allSets() throws(SQLiteError) -> [(id: Int, name: String)] {
        let statement = try statement(.allSets)
        defer { statement.reset() }
        var sets: [(id: Int, name: String)] = []
        while try statement.step() {
            sets.append((statement.int(at: 0), statement.string(at: 1)))
        }
        return sets
    }

    /// Deletes the set, its trackers and their item keys. Returns whether a set was deleted.
    func deleteSet(named name: String) throws(SQLiteError) -> Bool {
        let statement = try statement(.deleteSet)
        statement.bind(name, at: 1)
        return try statement.run() > 0
    }

    /// The set's summary, or nil if it was removed.
    /// - Complexity: O(n) in the set's trackers.
    func setSummary(id: Int, name: String) throws(SQLiteError) -> TrackerSetSummary? {
        let statement = try statement(.setSummary)
        defer { statement.reset() }
        statement.bind(id, at: 1)
        guard try statement.step() else { return nil }
        let timing = readSetTiming(statement, from: 4)
        let items = statement.int(at: 8)
        return TrackerSetSummary(
            name: name,
            trackerCount: statement.int(at: 2),
            overall: statement.double(at: 3),
            createdAt: Date(timeIntervalSince1970: statement.double(at: 0)),
            updatedAt: Date(timeIntervalSince1970: statement.double(at: 1)),
            startedAt: timing.startedAt.map(Date.init(timeIntervalSince1970:)),
            completedAt: timing.completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: timing.elapsed,
            items: items,
            meanRate: timing.elapsed > 0 ? Double(items) / timing.elapsed : nil
        )
    }

    // MARK: - Trackers

    /// Inserts a tracker and returns its id.
    /// - Throws: `.trackerExists` if the set has one of that name, `.trackerSetRemoved` if the set is gone.
    func insertTracker(setID: Int, setName: String, name: String, total: Int, weight: Double?) throws -> Int {
        do {
            return try transaction {
                let now = timekeeping.now()
                let id = try upsert(.insertTracker, setID: setID, name: name, total: total, weight: weight, at: now)
                try recordOpening(trackerID: id, before: nil, at: now)
                return id
            }
        } catch let error as SQLiteError where error.extendedCode == SQLiteError.constraintUnique {
            throw ProgressTrackingError.trackerExists(tracker: name, set: setName)
        } catch let error as SQLiteError where error.extendedCode == SQLiteError.constraintForeignKey {
            throw ProgressTrackingError.trackerSetRemoved(set: setName)
        }
    }

    /// Inserts a tracker, or updates the total (and the weight, if given) of the existing one
    /// and keeps its count. Returns its id. Opening a tracker that another run counted
    /// resumes it: the time since its last change is downtime, not active time.
    /// - Throws: `.trackerSetRemoved` if the set is gone.
    func openTracker(setID: Int, setName: String, name: String, total: Int, weight: Double?) throws -> Int {
        do {
            return try transaction {
                let now = timekeeping.now()
                let before = try trackerID(setID: setID, name: name).flatMap { try trackerState(id: $0) }
                if let before, !trackersOfThisRun.contains(before.id) {
                    try recordResume(before, at: now)
                }
                let id = try upsert(.openTracker, setID: setID, name: name, total: total, weight: weight, at: now)
                try recordOpening(trackerID: id, before: before, at: now)
                return id
            }
        } catch let error as SQLiteError where error.extendedCode == SQLiteError.constraintForeignKey {
            throw ProgressTrackingError.trackerSetRemoved(set: setName)
        }
    }

    private func upsert(
        _ query: Query, setID: Int, name: String, total: Int, weight: Double?, at now: Double
    ) throws(SQLiteError) -> Int {
        let statement = try statement(query)
        defer { statement.reset() }
        statement.bind(setID, at: 1)
        statement.bind(name, at: 2)
        statement.bind(total, at: 3)
        statement.bind(weight, at: 4)
        statement.bind(now, at: 5)
        try statement.step()
        let id = statement.int(at: 0)
        // RETURNING rows are produced before the statement completes; finish it so it commits.
        while try statement.step() {}
        return id
    }

    func trackerID(setID: Int, name: String) throws(SQLiteError) -> Int? {
        let statement = try statement(.trackerID)
        defer { statement.reset() }
        statement.bind(setID, at: 1)
        statement.bind(name, at: 2)
        return try statement.step() ? statement.int(at: 0) : nil
    }

    /// The set's trackers in creation order.
    func trackers(setID: Int) throws(SQLiteError) -> [(id: Int, name: String)] {
        let statement = try statement(.trackers)
        defer { statement.reset() }
        statement.bind(setID, at: 1)
        var trackers: [(id: Int, name: String)] = []
        while try statement.step() {
            trackers.append((statement.int(at: 0), statement.string(at: 1)))
        }
        return trackers
    }

    /// Deletes the tracker and its item keys, and keeps its history. Returns whether one was deleted.
    func deleteTracker(setID: Int, name: String) throws -> Bool {
        try transaction {
            guard let id = try trackerID(setID: setID, name: name) else { return false }
            let now = timekeeping.now()
            try recordEvent(.removed, trackerID: id, at: now)
            let delete = try statement(.deleteTracker)
            delete.bind(setID, at: 1)
            delete.bind(name, at: 2)
            try delete.run()
            // Removing a tracker is a change to its set, which the set's updated_at shows.
            let touch = try statement(.touchSet)
            touch.bind(setID, at: 1)
            touch.bind(now, at: 2)
            try touch.run()
            return true
        }
    }

    /// The tracker's stored values, or nil if it was removed.
    func tracker(id: Int) throws(SQLiteError) -> TrackerRow? {
        let statement = try statement(.tracker)
        defer { statement.reset() }
        statement.bind(id, at: 1)
        guard try statement.step() else { return nil }
        return TrackerRow(
            current: statement.int(at: 0),
            total: statement.int(at: 1),
            weight: statement.optionalDouble(at: 2),
            fraction: statement.double(at: 3)
        )
    }

    // MARK: - Counting

    /// Adds `amount` to the tracker's count. Returns false if the tracker was removed.
    /// - Complexity: one indexed UPDATE, no allocation; the history path (`recordChange`)
    ///   only for the first count, the completing one, and one count per sample interval.
    func increment(trackerID: Int, by amount: Int) throws -> Bool {
        try changeUnlessRecorded(.increment, trackerID: trackerID, value: amount)
            || recordChange(.add(amount), trackerID: trackerID)
    }

    /// Stores the item key and, if it was new, adds 1 to the count. Returns whether the key was new.
    /// - Throws: `SQLiteError` with `SQLITE_CONSTRAINT_FOREIGNKEY` if the tracker was removed.
    func countItem(trackerID: Int, key: String) throws -> Bool {
        // The key and its count commit together or not at all, even inside a caller's
        // transaction that swallows an error: outside one, a transaction of their own makes
        // them one commit; inside, `countNewItem` undoes the key itself when the count fails,
        // which a savepoint would do at a cost larger than the count's.
        if connection.isInTransaction { return try countNewItem(trackerID: trackerID, key: key) }
        return try transaction { try countNewItem(trackerID: trackerID, key: key) }
    }

    private func countNewItem(trackerID: Int, key: String) throws -> Bool {
        let insert = try statement(.countItem)
        insert.bind(trackerID, at: 1)
        insert.bind(key, at: 2)
        guard try insert.run() > 0 else { return false }
        do {
            // The key's foreign key proved that the tracker exists.
            _ = try increment(trackerID: trackerID, by: 1)
            return true
        } catch {
            let forget = try statement(.forgetItem)
            forget.bind(trackerID, at: 1)
            forget.bind(key, at: 2)
            // The count's error is the one to report; if this fails too, SQLite has rolled
            // the transaction back, key included.
            _ = try? forget.run()
            throw error
        }
    }

    func hasItem(trackerID: Int, key: String) throws(SQLiteError) -> Bool {
        let statement = try statement(.hasItem)
        defer { statement.reset() }
        statement.bind(trackerID, at: 1)
        statement.bind(key, at: 2)
        return try statement.step()
    }

    /// Returns false if the tracker was removed.
    func setCurrent(trackerID: Int, to current: Int) throws -> Bool {
        try changeUnlessRecorded(.setCurrent, trackerID: trackerID, value: current)
            || recordChange(.assign(current), trackerID: trackerID)
    }

    /// Returns false if the tracker was removed.
    func setTotal(trackerID: Int, to total: Int) throws -> Bool {
        try recordChange(.total(total), trackerID: trackerID)
    }

    /// Runs a hot-path statement, `.increment` or `.setCurrent`, which changes the count only
    /// when the change needs no history row. Returns whether it changed the count.
    private func changeUnlessRecorded(_ query: Query, trackerID: Int, value: Int) throws(SQLiteError) -> Bool {
        let statement = try statement(query)
        statement.bind(trackerID, at: 1)
        statement.bind(value, at: 2)
        statement.bind(timekeeping.now(), at: 3)
        return try statement.run() > 0
    }

    // MARK: - Progress

    /// The set's overall percentage from one aggregate query, or nil if the set was removed.
    /// - Complexity: O(n) in the set's trackers.
    func overall(setID: Int) throws(SQLiteError) -> Double? {
        let statement = try statement(.overall)
        defer { statement.reset() }
        statement.bind(setID, at: 1)
        return try statement.step() ? statement.double(at: 0) : nil
    }

    /// Every tracker's status and the overall percentage and timing, from one query (one
    /// snapshot), or nil if the set was removed.
    /// - Complexity: O(n log n) in the set's trackers (sorted into creation order).
    func status(setID: Int) throws(SQLiteError) -> TrackerSetStatus? {
        let statement = try statement(.status)
        defer { statement.reset() }
        statement.bind(setID, at: 1)
        statement.bind(timekeeping.rateWindow, at: 2)
        guard try statement.step() else { return nil }
        let overall = statement.double(at: 0)
        let timing = readSetTiming(statement, from: 1)
        var status = TrackerSetStatus(
            overall: overall,
            startedAt: timing.startedAt.map(Date.init(timeIntervalSince1970:)),
            updatedAt: timing.changedAt.map(Date.init(timeIntervalSince1970:)),
            completedAt: timing.completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: timing.elapsed
        )
        // An empty set yields one row whose tracker columns are NULL (the LEFT JOIN).
        guard !statement.isNull(at: 5) else { return status }
        // The overall grows by each unfinished tracker's rate as a share of its total, weighted.
        var totalWeight = 0.0
        var weightedGrowth = 0.0
        var someRate = false
        repeat {
            let (tracker, weight) = readTrackerStatus(statement, from: 6)
            status.append(statement.string(at: 5), tracker)
            totalWeight += weight
            if let rate = tracker.rate {
                someRate = true
                if tracker.current < tracker.total { weightedGrowth += weight * rate / Double(tracker.total) }
            }
        } while try statement.step()
        if someRate, totalWeight > 0 {
            status.rate = 100 * weightedGrowth / totalWeight
        }
        status.eta = Pace.eta(remaining: 100 - overall, rate: status.rate)
        return status
    }
}

/// A tracker's stored values.
struct TrackerRow: Equatable {
    let current: Int
    let total: Int
    let weight: Double?
    /// min(current, total) / total, and 1 when total is 0.
    let fraction: Double
}
