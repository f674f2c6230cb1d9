import ArgumentParser
import Foundation

extension ProgressTrackerCommand {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow a set while other processes work on it, until it reaches 100%.",
            discussion: """
                On a terminal the table is redrawn in place; into a pipe or a file, one line is \
                printed per change. Exits 0 when the overall progress reaches 100%, 130 on Ctrl-C. \
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

        func run() throws {
            let store = try storeFile.openForReading()
            var changes = StatusChanges(try storeFile.existingSet(set, in: store))
            var display = LiveDisplay()
            let interactive = Terminal.isInteractive
            if interactive { print("watching set \"\(set)\" of \(storeFile.path); Ctrl-C to stop") }
            Interruption.catchControlC()
            while !Interruption.isRequested {
                if let status = try changes.next() {
                    if interactive {
                        display.show(StatusText.table(status, width: Terminal.columns))
                    } else {
                        Terminal.write("\(Date.now.formatted(.iso8601)) \(StatusText.line(status))\n")
                    }
                    if status.overall >= 100 { return }
                }
                Interruption.sleep(for: .seconds(interval))
            }
            throw ExitCode(Interruption.exitCode)
        }
    }
}
