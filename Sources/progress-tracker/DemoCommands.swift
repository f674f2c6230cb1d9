internal import ProgressTrackerRendering

/// The commands the demo suggests (`progress-tracker watch demo`, `pause demo`, …), written so
/// that they reach the demo's file: with `--db` when the demo's file is not the one commands
/// use without it (the demo ignores `$PROGRESS_TRACKER_DB`, the other commands do not).
struct DemoCommands {
    /// ` --db PATH`, shell-quoted and escaped, or "".
    private let dbOption: String

    init(path: String) {
        dbOption = path == StoreAccess.usualPath() ? "" : " --db " + TerminalEscape.escaped(ShellWord.quoted(path))
    }

    /// `progress-tracker pause demo`, for the command `name`.
    func line(_ name: String) -> String {
        "progress-tracker \(name) \(DemoImport.setName)\(dbOption)"
    }
}
