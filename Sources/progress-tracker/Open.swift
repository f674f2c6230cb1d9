import ArgumentParser

extension ProgressTrackerCommand {
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a tracker, or resume the existing one with its count kept and its total updated.",
            discussion: "Example:  progress-tracker open import rows --total 20000"
        )

        @OptionGroup var storeFile: StoreFile
        @OptionGroup var target: TrackerArguments

        @Option(parsing: .unconditional, help: ArgumentHelp("How many items the tracker expects.", valueName: "n"))
        var total: Int

        func run() throws {
            let store = try storeFile.openForWriting(creatingFile: true)
            // One transaction: a refused total leaves no new empty set behind.
            let opened = try store.transaction {
                try store.trackerSet(named: target.set).openTracker(target.tracker, total: total)
            }
            print(StatusText.tracker(opened, try opened.status()))
        }
    }
}
