import Dispatch
internal import ProgressTrackingSQLite
internal import ProgressTrackingStorage
import Synchronization

/// Runs the write-ahead log's checkpoints on a connection and a queue of its own, so that no
/// increment pays for one: SQLite's own automatic checkpoint runs inside the commit that
/// crosses 1,000 pages, and that commit then takes milliseconds instead of microseconds.
///
/// The writer tells it of every commit (`noteCommit`, from its commit hook). Past
/// `checkpointFrames` it copies the log into the database without waiting for anyone
/// (passive). Readers of older snapshots can keep a passive checkpoint from finishing, and
/// SQLite restarts the log only after one finished, so a log past `restartFrames` gets a
/// checkpoint that waits for them (restart, at most `restartWait`), after which the next
/// commit writes the log from its start, and SQLite cuts the file back to
/// `SQLiteConnector.logSizeLimit`. After `idleDelay` without a commit it empties the log
/// (truncate). So the `-wal` file stays near `logSizeLimit`, whatever the readers do.
final class Checkpointer: @unchecked Sendable {
    // @unchecked: `connection` is touched only on `queue`; `schedule` is a Mutex.
    static let checkpointFrames = 1_000
    static let restartFrames = 4_000
    static let restartWait = Duration.milliseconds(250)
    static let idleDelay = Duration.seconds(1)

    private let path: String
    private let queue = DispatchQueue(label: "ProgressTracking.checkpoints")
    private var connection: Connection?
    private let schedule = Mutex(Schedule())

    private struct Schedule {
        /// A checkpoint is queued or running.
        var checkpointing = false
        /// An idle check is queued.
        var idleCheck = false
        var lastCommit = ContinuousClock.now
    }

    init(path: String) {
        self.path = path
    }

    /// Takes note of a commit that left `frames` frames in the log. Called inside the commit,
    /// on the writer's thread: it only queues work.
    func noteCommit(frames: Int) {
        let (checkpoint, idleCheck) = schedule.withLock { schedule in
            schedule.lastCommit = .now
            let checkpoint = frames >= Self.checkpointFrames && !schedule.checkpointing
            if checkpoint { schedule.checkpointing = true }
            let idleCheck = !schedule.idleCheck
            schedule.idleCheck = true
            return (checkpoint, idleCheck)
        }
        if checkpoint { queue.async { [weak self] in self?.checkpoint() } }
        if idleCheck { scheduleIdleCheck(after: Self.idleDelay) }
    }

    /// Waits for any checkpoint in progress and closes the connection.
    func close() {
        queue.sync { connection = nil }
    }

    private func checkpoint() {
        defer { schedule.withLock { $0.checkpointing = false } }
        guard let connection = openConnection() else { return }
        guard let (frames, _) = try? connection.checkpoint(.passive), frames >= Self.restartFrames else { return }
        _ = try? connection.checkpoint(.restart)
    }

    private func scheduleIdleCheck(after delay: Duration) {
        let nanoseconds = Int(delay.components.seconds) * 1_000_000_000 + Int(delay.components.attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [weak self] in self?.idleCheck() }
    }

    /// Empties the log once no commit came for `idleDelay`; checks again later otherwise.
    private func idleCheck() {
        let idleFor = schedule.withLock { schedule -> Duration? in
            let quiet = ContinuousClock.now - schedule.lastCommit
            guard quiet >= Self.idleDelay else { return Self.idleDelay - quiet }
            schedule.idleCheck = false
            return nil
        }
        if let idleFor { return scheduleIdleCheck(after: idleFor) }
        _ = try? openConnection()?.checkpoint(.truncate)
    }

    /// The checkpoints' connection, opened on first use with the writer's settings for the
    /// log, since whichever of the two closes last removes or keeps it.
    private func openConnection() -> Connection? {
        if let connection { return connection }
        guard let connection = try? Connection(path: path, mode: .readWrite) else { return nil }
        connection.setBusyTimeout(milliseconds: Int32(Self.restartWait.milliseconds))
        connection.keepLogFilesOnClose()
        // A connection learns that the file is in WAL mode when it first reads it; until then a
        // checkpoint does nothing.
        let setUp = "PRAGMA journal_size_limit = \(SQLiteConnector.logSizeLimit); SELECT 1 FROM sqlite_schema LIMIT 1"
        guard (try? connection.execute(setUp)) != nil else { return nil }
        self.connection = connection
        return connection
    }
}
