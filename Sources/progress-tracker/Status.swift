import ArgumentParser
import Foundation

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

        @Flag(help: "Print the status as JSON, in the library's encoding: trackers, overall, order.")
        var json = false

        func run() throws {
            let store = try storeFile.openForReading()
            let status = try storeFile.existingSet(set, in: store).getStatus()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
            } else {
                StatusText.table(status, width: Terminal.columns).forEach { print($0) }
            }
        }
    }
}
