import ArgumentParser

/// The `progress-tracker` command: inspect, drive and watch the tracker sets of a store file.
@main
struct ProgressTrackerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress-tracker",
        abstract: "Inspect, drive and watch the tracker sets of a progress store.",
        discussion: """
            The store is the file given by --db (before or after the command name), else \
            $PROGRESS_TRACKER_DB, else ./progress.sqlite.

            Try it:
              progress-tracker demo           # Ctrl-C it, then run it again: it resumes
              progress-tracker watch demo     # in another terminal, while the demo runs
            """,
        subcommands: [
            Sets.self, Status.self, Watch.self, History.self,
            Create.self, Open.self, Increment.self, SetCurrent.self, SetTotal.self, Remove.self,
            Demo.self,
        ]
    )

    // Declared here too so that `--db PATH` may come before the command name; each command
    // reads it through its own `StoreFile`.
    @OptionGroup var storeFile: StoreFile
}
