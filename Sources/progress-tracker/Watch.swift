import ArgumentParser
import Foundation
import ProgressTracking

extension ProgressTrackerCommand {
    struct Watch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow a set while other processes work on it, until it reaches 100%.",
            discussion: """
                On a terminal the table is redrawn in place; into a pipe or a file, one line is \
                printed per change. Both end with the overall rate and the estimated time left \
                once two changes tell them. Exits 0 when the overall progress reaches 100%, 130 on Ctrl-C. \
                The store is opened read-only: watching never changes the file.

                Example:  progress-tracker watch demo --interval 0.2
                """
        )

        @OptionGroup var storeFile: StoreFile

        @Argument(help: "The tracker set.")
        var set: String

        @Option(parsing: .unconditional, help: ArgumentHelp("Seconds between two checks for changes.", valueName: "seconds"))
        var interval: Double = 0.5

        func validate() throws {
            guard interval.isFinite, interval > 0 else {
                throw ValidationError("the interval must be a positive number of seconds: \(interval)")
            }
        }

        func run() async throws {
            let store = try storeFile.openForReading()
            let trackerSet = try storeFile.existingSet(set, in: store)
            if Terminal.isInteractive { print("watching set \"\(set)\" of \(storeFile.path); Ctrl-C to stop") }
            Interruption.catchControlC()
            // Whichever ends first: the set reaching 100%, or Ctrl-C.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await follow(trackerSet) }
                group.addTask {
                    // The signal handler can only set a flag; a short sleep between checks costs nothing.
                    while !Interruption.isRequested { try await Task.sleep(for: .milliseconds(50)) }
                    throw ExitCode(Interruption.exitCode)
                }
                defer { group.cancelAll() }
                try await group.next()
            }
        }

        /// Shows the set after every change until it reaches 100%.
        private func follow(_ trackerSet: ProgressTrackerSet) async throws {
            var display = LiveDisplay()
            let interactive = Terminal.isInteractive
            for try await status in trackerSet.updates(every: .seconds(interval)) {
                if interactive {
                    display.show(StatusText.table(status, width: Terminal.columns) + [StatusText.pace(status)].compactMap { $0 })
                } else {
                    let pace = StatusText.pace(status).map { " | \($0)" } ?? ""
                    Terminal.write("\(Date.now.formatted(.iso8601)) \(StatusText.line(status))\(pace)\n")
                }
                if status.overall >= 100 { return }
            }
        }
    }
}
