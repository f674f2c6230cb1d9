internal import ProgressTrackerRendering
internal import ProgressTrackingPostgres

/// The commands the demo suggests (`progress-tracker watch demo`, `pause demo`, …), written so
/// that they reach the demo's store: with `--db` when the demo's store is not the one commands
/// use without it (the demo ignores `$PROGRESS_TRACKER_DB`, the other commands do not), and
/// `--schema` for a server's. A server's URI is shown with its password masked: the user
/// supplies it, or keeps it in `~/.pgpass`.
struct DemoCommands {
    /// ` --db PATH` (and ` --schema NAME`), shell-quoted, or "".
    private let storeOptions: String

    init(_ access: StoreAccess) {
        if let server = access.server {
            storeOptions = " --db " + ShellWord.quoted(server.maskedConnectionString) + " --schema " + ShellWord.quoted(server.schema)
        } else {
            storeOptions = access.path == StoreAccess.usualPath() ? "" : " --db " + ShellWord.quoted(access.path)
        }
    }

    /// `progress-tracker pause demo`, for the command `name`, escaped for a terminal.
    func line(_ name: String) -> String {
        TerminalEscape.escaped(plainLine(name))
    }

    /// The same, not escaped: for a message that is escaped as a whole when printed.
    func plainLine(_ name: String) -> String {
        "progress-tracker \(name) \(DemoImport.setName)\(storeOptions)"
    }
}
