internal import ArgumentParser
internal import ProgressTracking
internal import ProgressTrackerRendering

extension ProgressTrackerCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show each tracker of a set and the set's overall progress.",
            discussion: """
                Examples:
                  progress-tracker status demo
                  progress-tracker status demo --json | jq .overall
                """
        )

        @OptionGroup var storeFile: StoreFile

        @Argument(help: "The tracker set.")
        var set: String

        @Flag(help: "Print the status as JSON, in the library's encoding, with ISO 8601 dates.")
        var json = false

        func run() throws {
            let access = StoreAccess(storeFile)
            let status = try access.existingSet(set, in: try access.openForReading()).getStatus()
            if json {
                print(try JSONText.of(status))
            } else {
                StatusTable.lines(status, width: TerminalCapabilities.standardOutput().columns).forEach { print($0) }
            }
        }
    }
}
