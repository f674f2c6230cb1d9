internal import ProgressTrackerRendering

/// The commands the demo suggests (`progress-tracker watch demo`, `pause demo`, …), written so
/// that they reach the demo's store: with `--db` when the demo's store is not the one commands
/// use without it (the demo ignores `$PROGRESS_TRACKER_DB`, the other commands do not), and
/// `--schema` for a server's. A server's URI is shown with its password masked: the user
/// supplies it, or keeps it in `~/.pgpass`.
struct DemoCommands {
    /// ` --db PATH` (and ` --schema NAME`), shell-quoted, or "" where the usual store is the demo's.
    private let storeOptions: String
    /// The same, never "": for a command that changes the store, which must not depend on the
    /// environment of the shell the user pastes it into.
    private let explicitStoreOptions: String

    init(_ access: StoreAccess) {
        if let server = access.server, let stores = InstalledServerStores.current {
            explicitStoreOptions = " --db " + ShellWord.quoted(stores.masked(server.uri)) + " --schema " + ShellWord.quoted(server.schema)
            storeOptions = explicitStoreOptions
        } else {
            explicitStoreOptions = " --db " + ShellWord.quoted(access.path)
            storeOptions = access.path == StoreAccess.usualPath() ? "" : explicitStoreOptions
        }
    }

    /// `progress-tracker pause demo`, for the command `name`, escaped for a terminal.
    func line(_ name: String) -> String {
        TerminalEscape.escaped("progress-tracker \(name) \(DemoImport.setName)\(storeOptions)")
    }

    /// `progress-tracker remove demo --db …`, not escaped: for a message that is escaped as a
    /// whole when printed.
    var removal: String {
        "progress-tracker remove \(DemoImport.setName)\(explicitStoreOptions)"
    }
}
