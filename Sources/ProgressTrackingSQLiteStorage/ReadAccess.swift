internal import ProgressTrackingSQLite
internal import ProgressTrackingStorage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a read-only connection reads a store file that it may not write, nor create files
/// beside: a monitoring user reading a cron job's store, say.
///
/// The rule: a user who may read the file (and search its directory) can always read it,
/// whether or not a writer is running, and leaves nothing behind that could stop the owner
/// from writing. So a reader that cannot write the file never creates the `-wal` and `-shm`
/// files (which it would own, and the owner could then not write):
/// - when the log holds frames, it opens the shared-memory index read-only (`readonly_shm`),
///   as SQLite supports; the writer keeps both files (see `Connection.keepLogFilesOnClose`);
/// - when it holds none (empty, or absent: a file whose writer predates kept logs, or one
///   copied alone), everything is in the file itself, and it reads it as `immutable`,
///   checking around each read that no writer has begun meanwhile, and reopening the first
///   way if one has.
/// One case stays out of reach: a log with frames but no index beside it (a writer killed on
/// another system, a copy of two of the three files), which SQLite cannot read without
/// creating the index; the reader then fails with "cannot open", and leaves nothing behind.
/// Readers also wait out the moments when a writer recovers the log, which SQLite reports to
/// a connection that cannot write the index as `SQLITE_READONLY_RECOVERY`.
struct ReadAccess {
    enum Mode {
        /// A plain read-only connection, for a user who may write the file.
        case plain
        /// The shared-memory index mapped read-only.
        case readOnlyIndex
        /// The file read as it is, with no locks and no log: valid only while it has no log.
        case immutable
    }

    let path: String
    let busyTimeout: Duration

    /// Opens a connection in the mode this user and the file's state allow.
    func open() throws(SQLiteError) -> (Connection, Mode) {
        let mode: Mode = if access(path, W_OK) == 0 {
            .plain
        } else if logHasFrames() {
            .readOnlyIndex
        } else {
            .immutable
        }
        let connection = switch mode {
        case .plain: try Connection(path: path, mode: .readOnly)
        case .readOnlyIndex: try Connection(path: uri(parameters: "mode=ro&readonly_shm=1"), mode: .readOnly, uri: true)
        case .immutable: try Connection(path: uri(parameters: "mode=ro&immutable=1"), mode: .readOnly, uri: true)
        }
        connection.setBusyTimeout(milliseconds: Int32(clamping: busyTimeout.milliseconds))
        return (connection, mode)
    }

    /// What an immutable read depends on: no frames in a log beside the file, and the file
    /// unchanged.
    struct Fingerprint: Equatable {
        let size: Int
        let modified: timespec
        let hasLog: Bool

        static func == (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
            lhs.size == rhs.size && lhs.modified.tv_sec == rhs.modified.tv_sec
                && lhs.modified.tv_nsec == rhs.modified.tv_nsec && lhs.hasLog == rhs.hasLog
        }
    }

    func fingerprint() -> Fingerprint? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Fingerprint(size: Int(info.st_size), modified: modified, hasLog: logHasFrames())
    }

    /// Whether a failure only means a writer is recovering the log: worth trying again.
    static func isTransient(_ error: SQLiteError) -> Bool {
        [.readOnlyRecovery, .busyRecovery, .readOnlyCantInit].contains(error.code) || error.code.primary == .busy
    }

    /// Whether the write-ahead log beside the file holds anything (an empty or absent one
    /// does not: everything is in the file).
    private func logHasFrames() -> Bool {
        var info = stat()
        return stat(path + "-wal", &info) == 0 && info.st_size > 0
    }

    /// `file:PATH?PARAMETERS`, with the characters a URI gives a meaning to escaped in the path.
    private func uri(parameters: String) -> String {
        var escaped = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "file:\(escaped)?\(parameters)"
    }
}
