internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Follow a set while other processes work on it, until it reaches 100%.",
            discussion: """
                On a terminal the table is redrawn in place; into a pipe, a file or a terminal \
                whose TERM is dumb, one line is printed per change, with no control codes. Both \
                end with the overall rate and the estimated time left once two changes tell \
                them, or, once the set has not changed for --stale-after seconds (a writer \
                stopped), with how long it has been quiet; a paused or cancelled set says that \
                instead, since its workers wait. Exits 0 when the overall progress \
                reaches 100%, 130 on Ctrl-C. The store is opened read-only: watching never \
                changes the file.

                Example:  progress-tracker watch demo --interval 0.2
                """
        )

        static let intervalRange = OptionRange(option: "--interval", range: 0.01...3600.0, unit: "seconds")
        static let staleAfterRange = OptionRange(option: "--stale-after", range: 0.0...86_400.0, unit: "seconds")

        @OptionGroup var storeFile: StoreFile

        @Argument(help: "The tracker set.")
        var set: String

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Seconds between two checks for changes: \(Self.intervalRange).", valueName: "seconds")
        )
        var interval: Double = 0.5

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Seconds without a change after which the rate and estimate give way to how long the set has not changed: \(Self.staleAfterRange).",
                valueName: "seconds"
            )
        )
        var staleAfter: Double = 30

        func validate() throws {
            try Self.intervalRange.check(interval)
            try Self.staleAfterRange.check(staleAfter)
        }

        func run() throws {
            let (access, set, interval, staleAfter) = (StoreAccess(storeFile), set, interval, staleAfter)
            try AsyncWork.wait { try await Self.follow(set, of: access, interval: interval, staleAfter: staleAfter) }
        }

        private static func follow(_ set: String, of access: StoreAccess, interval: Double, staleAfter: Double) async throws {
            let trackerSet = try access.existingSet(set, in: try access.openForReading())
            let screen = WatchScreen(text: WatchText(staleAfter: .seconds(staleAfter)))
            await screen.announce(set: set, path: access.path)
            Interruption.catchControlC()
            let checks = trackerSet.updates(every: .seconds(interval))
            // Whichever ends first: the set reaching 100%, or Ctrl-C.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await status in checks {
                        await screen.show(status)
                        if status.overall >= 100 { return }
                    }
                }
                group.addTask {
                    // Between changes, so that "no change for …" counts up and a resize is drawn.
                    while true {
                        try await Task.sleep(for: WatchScreen.refreshInterval)
                        await screen.refresh()
                    }
                }
                group.addTask {
                    // The signal handler can only set a flag; a short sleep between checks costs nothing.
                    while !Interruption.isRequested { try await Task.sleep(for: .milliseconds(50)) }
                    await screen.interrupted()
                    throw ExitCode(Interruption.exitCode)
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        }
    }
}
