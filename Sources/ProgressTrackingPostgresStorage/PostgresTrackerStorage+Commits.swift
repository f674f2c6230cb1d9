internal import ProgressTrackingLibPQ
internal import ProgressTrackingStorage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - The commit-outcome rule
//
// No call ends with an unknown outcome. A COMMIT can reach the server and take effect while
// its reply is lost with the connection; the call must then learn which, and either return
// normally (it committed) or throw `.connectionLost` having changed nothing.
//
// How it is learned, in the same round trip as the commit: each writer connection has a row
// in `writer_commit`, which every transaction that writes rewrites, just before its COMMIT
// and in the same transaction, with the number of that commit (and, for an autocommitted
// count, how many rows it changed). The row commits with the transaction or not at all.
// After the connection breaks during a commit, the storage reconnects, makes sure the broken
// session has ended (`pg_terminate_backend` of its process, identified by pid and start time,
// waiting for it to exit: a COMMIT still in flight to it can then no longer take effect),
// and reads the row: it holds that commit's number if and only if the commit happened.
//
// Why not `pg_current_xact_id()` and `pg_xact_status()`: the transaction's id has to reach the
// client before the COMMIT is sent, which costs a round trip of its own: an autocommitted
// increment would take two instead of one. The row costs instead an upsert of an uncontended
// row in the round trip the commit takes anyway: measured over loopback in C, about 30 µs of
// server time, as much as the second round trip costs there; between hosts, a round trip
// costs the network's latency, which the row saves.
//
// The rule holds when the server can be reached again within `resolutionTimeout`; if it
// cannot, the call throws `.commitOutcomeUnknown`, the one error after which a call's outcome
// is unknown.

extension PostgresTrackerStorage {
    /// Records commit `$2` of writer `$1`, and what it changed (`$3`).
    private static let markCommit = """
        INSERT INTO writer_commit (writer, commits, changed, at) VALUES ($1, $2, $3, EXTRACT(epoch FROM now()))
        ON CONFLICT (writer) DO UPDATE SET commits = excluded.commits, changed = excluded.changed, at = excluded.at
        """

    /// Sent after each commit that wrote, as a transaction of its own in the same round trip,
    /// so that a watcher sees the counter move only once the commit is visible.
    private static let countChange = PostgresStatement("SELECT nextval('change_counter')")

    /// `sql`, a write whose parameters are `$1` to `$parameterCount`, as one statement that
    /// also marks the commit it autocommits in and returns how many rows the write changed;
    /// see `writeAlone(_:_:)`.
    static func autocommitted(_ sql: String, parameterCount: Int) -> String {
        """
        WITH written AS (\(sql) RETURNING 1)
        INSERT INTO writer_commit (writer, commits, changed, at)
        VALUES ($\(parameterCount + 1), $\(parameterCount + 2), (SELECT count(*) FROM written), EXTRACT(epoch FROM now()))
        ON CONFLICT (writer) DO UPDATE SET commits = excluded.commits, changed = excluded.changed, at = excluded.at
        RETURNING changed
        """
    }

    /// Runs a statement made by `autocommitted(_:parameterCount:)` outside any transaction,
    /// in one round trip with the change counter's move, and returns how many rows its write
    /// changed: the hot path's single increment costs one round trip.
    func writeAlone(_ sql: String, _ parameters: [PostgresValue]) throws(StorageError) -> Int {
        try reconnectIfBroken()
        commits += 1
        let number = commits
        do throws(PostgresError) {
            let results = try connection.pipeline(units: [
                [PostgresStatement(sql, parameters + [.int64(writer), .int64(number)])], [Self.countChange],
            ])
            return try results[0][0].value(Int.self, row: 0, column: 0)
        } catch where error.isConnectionLost {
            return try resolve(number, lost: error)
        } catch {
            throw StorageError(error)
        }
    }

    /// Commits the open transaction, which wrote, with `pending` (deferred statements) before
    /// the commit's mark, all in one round trip.
    func commitWrites(after pending: [PostgresStatement]) throws(StorageError) {
        commits += 1
        let number = commits
        do throws(PostgresError) {
            try connection.pipeline(units: [
                pending + [PostgresStatement(Self.markCommit, [.int64(writer), .int64(number), .int64(0)]), "COMMIT"],
                [Self.countChange],
            ])
        } catch where error.isConnectionLost {
            _ = try resolve(number, lost: error)
        } catch {
            throw StorageError(error)
        }
    }

    private static let endSession = """
        SELECT pg_terminate_backend(pid, $3) FROM pg_stat_activity
        WHERE pid = $1 AND EXTRACT(epoch FROM backend_start) = $2::numeric
        """
    private static let lastCommit = "SELECT commits, changed FROM writer_commit WHERE writer = $1"

    /// After the connection broke during commit `number`: returns what the commit changed if
    /// it happened, throws `.connectionLost` if it did not, and `.commitOutcomeUnknown` if
    /// that cannot be learned within `resolutionTimeout`.
    func resolve(_ number: Int64, lost: PostgresError) throws(StorageError) -> Int {
        let brokenSession = backend
        let deadline = ContinuousClock.now + resolutionTimeout
        var problem = lost.message
        while true {
            var learned: Int??
            do throws(PostgresError) {
                learned = try outcome(of: number, in: brokenSession, until: deadline)
                problem = "the broken session did not end"
            } catch {
                connection.close()
                problem = error.message
            }
            if let learned {
                guard let changed = learned else {
                    throw StorageError(
                        .connectionLost(reason: "\(lost.message); the transaction was not committed"), endsTransaction: true)
                }
                return changed
            }
            guard ContinuousClock.now < deadline else {
                throw StorageError(
                    .commitOutcomeUnknown(reason: "\(lost.message); the server could not tell within \(resolutionTimeout) (\(problem))"),
                    endsTransaction: true)
            }
            // Between attempts to reach a server that is restarting or out of reach.
            usleep(50_000)
        }
    }

    /// One attempt at learning what became of commit `number`: nil while the broken session
    /// still runs; else what the commit changed, or nil inside if it did not happen.
    private func outcome(
        of number: Int64, in brokenSession: Session.Backend, until deadline: ContinuousClock.Instant
    ) throws(PostgresError) -> Int?? {
        try reconnect()
        let remaining = max(.milliseconds(1), deadline - .now)
        let ended = try connection.query(Self.endSession, [
            .int64(brokenSession.processID), .text(brokenSession.start), .int64(remaining.milliseconds),
        ])
        // No row: that process is gone. A row: true once it has exited.
        if ended.rowCount > 0, try !ended.value(Bool.self, row: 0, column: 0) { return nil }
        let last = try connection.query(Self.lastCommit, [.int64(writer)])
        guard last.rowCount == 1, try last.value(Int64.self, row: 0, column: 0) == number else { return .some(nil) }
        return .some(try last.value(Int.self, row: 0, column: 1))
    }

    private static let forgetVanishedWriters = "DELETE FROM writer_commit WHERE at < EXTRACT(epoch FROM now()) - 604800"

    /// Deletes the rows of writers that have not committed for a week: processes long gone.
    /// A live writer's row comes back with its next commit.
    func forgetVanishedWriters() throws(StorageError) {
        try reconnectIfBroken()
        try postgres { () throws(PostgresError) in try connection.query(Self.forgetVanishedWriters) }
    }
}
