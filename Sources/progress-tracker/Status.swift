internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show each tracker of a set and the set's overall progress.",
            discussion: """
                A tracker with failed or skipped items says how many after its percentage, the \
                overall row the set's total; a paused or cancelled set says so on a last line.

                --json prints the library's encoding (the seed's keys, order, timing, each \
                tracker's cursor when it has one), with dates in ISO 8601; state ("running", \
                "paused" or "cancelled"), failed and skipped are always there, for the set and \
                for each tracker (failed and skipped), so scripts need not know that the library \
                leaves them out at 0 and while running.

                Examples:
                  progress-tracker status demo
                  progress-tracker status demo --json | jq .overall
                """
        )

        @OptionGroup var storeFile: StoreFile

        @Argument(help: "The tracker set.")
        var set: String

        @Flag(help: "Print the status as JSON: the library's encoding, with state, failed and skipped always there.")
        var json = false

        func run() throws {
            let access = StoreAccess(storeFile)
            let status = try access.existingSet(set, in: try access.openForReading()).getStatus()
            if json {
                print(try StatusJSON.of(status))
            } else {
                let table = StatusTable.lines(status, width: TerminalCapabilities.standardOutput().columns)
                (table + [StateText.line(status.state)].compactMap { $0 }).forEach { print($0) }
            }
        }
    }
}
