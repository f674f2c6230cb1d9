internal import ArgumentParser
internal import ProgressTrackerRendering

/// The `progress-tracker` command: inspect, drive and watch the tracker sets of a store file.
///
/// Every command names itself (`commandName`): without it, argument-parser derives each
/// subcommand's name from its type by reflection at every start, which was a third of the
/// instructions of a whole `progress-tracker increment` call.
struct ProgressTrackerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress-tracker",
        abstract: "Inspect, drive and watch the tracker sets of a progress store.",
        discussion: """
            The store is the file given by --db (before or after the command name), else \
            $PROGRESS_TRACKER_DB, else ./progress.sqlite. An empty --db is refused; an empty \
            $PROGRESS_TRACKER_DB counts as unset.

            A postgresql:// or postgres:// URI in their place is a store on a PostgreSQL \
            server, in the schema --schema names (else $PROGRESS_TRACKER_SCHEMA, else \
            progress_tracking), for workers and watchers on many hosts. Keep its password in \
            ~/.pgpass (or the file $PGPASSFILE names) or $PGPASSWORD, which libpq reads, \
            rather than in the URI; either way no output shows it: messages name the server \
            as host:port/database and the user.

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
}
