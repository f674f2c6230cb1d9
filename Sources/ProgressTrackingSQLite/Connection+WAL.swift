internal import CProgressTrackingSQLite

/// Write-ahead log checkpoints, for an owner that runs them off the committing thread.
extension Connection {
    /// How a checkpoint treats readers and writers (sqlite.org/c3ref/wal_checkpoint_v2.html).
    package enum CheckpointMode: Sendable {
        /// Copies what it can without waiting for anyone.
        case passive
        /// Waits (in the busy handler) for readers of older snapshots, blocking new writers
        /// meanwhile, copies everything, and lets the next writer start the log anew.
        case restart
        /// As `restart`, and then empties the log file.
        case truncate

        var code: Int32 {
            switch self {
            case .passive: SQLITE_CHECKPOINT_PASSIVE
            case .restart: SQLITE_CHECKPOINT_RESTART
            case .truncate: SQLITE_CHECKPOINT_TRUNCATE
            }
        }
    }

    /// Runs a checkpoint of the main database.
    /// - Returns: The frames in the log, and how many of them are now in the database file.
    /// - Throws: `SQLiteError`; `.busy` when another connection's checkpoint runs, or when
    ///   readers or writers held out past the busy timeout.
    @discardableResult
    package func checkpoint(_ mode: CheckpointMode) throws(SQLiteError) -> (frames: Int, copied: Int) {
        var frames: Int32 = 0
        var copied: Int32 = 0
        let result = sqlite3_wal_checkpoint_v2(handle, "main", mode.code, &frames, &copied)
        guard result == SQLITE_OK else { throw SQLiteError(result: result, handle: handle, sql: nil) }
        return (Int(frames), Int(copied))
    }

    /// Calls `handler` after every commit of this connection with the number of frames in
    /// the log, in place of SQLite's own automatic checkpoint. `handler` runs on the
    /// committing thread, inside the commit: it must only take note.
    package func onCommit(_ handler: @escaping @Sendable (Int) -> Void) {
        let box = CommitHandler(handler)
        commitHandler = box
        sqlite3_wal_hook(handle, { context, _, _, frames in
            guard let context else { return SQLITE_OK }
            Unmanaged<CommitHandler>.fromOpaque(context).takeUnretainedValue().handler(Int(frames))
            return SQLITE_OK
        }, Unmanaged.passUnretained(box).toOpaque())
    }
}

/// The closure behind `onCommit`, kept alive by the connection it is installed on.
final class CommitHandler {
    let handler: @Sendable (Int) -> Void

    init(_ handler: @escaping @Sendable (Int) -> Void) {
        self.handler = handler
    }
}
