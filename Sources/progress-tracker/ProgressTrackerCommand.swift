internal import ArgumentParser
internal import ProgressTrackerRendering

/// The `progress-tracker` command: inspect, drive and watch the tracker sets of a store file.
///
/// Every command names itself (`commandName`): without it, argument-parser derives each
/// subcommand's name from its type by reflection at every start, which was a third of the
/// instructions of a whole `progress-tracker increment` call.
@main
struct ProgressTrackerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress-tracker",
        abstract: "Inspect, drive and watch the tracker sets of a progress store.",
        discussion: """
            The store is the file given by --db (before or after the command name), else \
            $PROGRESS_TRACKER_DB, else ./progress.sqlite. An empty --db is refused; an empty \
            $PROGRESS_TRACKER_DB counts as unset.

            Names and keys are printed with control characters escaped (\\e, \\n, \\u{202E}, \
            and \\\\ for a backslash); --json and --csv keep them exact.

            Try it:
              progress-tracker demo           # Ctrl-C it, then run it again: it resumes
              progress-tracker watch demo     # in another terminal, while the demo runs
              progress-tracker pause demo     # and resume demo, cancel demo
            """,
        subcommands: [
            Sets.self, Status.self, Watch.self, History.self, Failures.self,
            Report.self,
            Create.self, Open.self, Increment.self, Fail.self, Skip.self, SetCurrent.self, SetTotal.self, Cursor.self, Remove.self,
            Pause.self, Resume.self, Cancel.self,
            Demo.self,
        ]
    )

    // Declared here too so that `--db PATH` may come before the command name; each command
    // reads it through its own `StoreFile`.
    @OptionGroup var storeFile: StoreFile

    /// Runs the command as the argument parser's own `main` does, but prints errors through
    /// `ErrorText`: their messages quote names, paths and arguments, which must reach the
    /// terminal escaped.
    ///
    /// Synchronous, so that a command starts without the concurrency runtime's main task; the
    /// one command that runs async work (`watch`) waits for it (`AsyncWork`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            guard status != .success else { exit(withError: error) }  // --help: printed as it is
            StandardOutput.writeError(ErrorText.report(message: message(for: error), fullReport: fullMessage(for: error)))
            exit(withError: status)
        }
    }
}
