internal import ArgumentParser
internal import ProgressTracking

extension ProgressTrackerCommand {
    struct Pause: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pause",
            abstract: "Pause a set: its workers wait, between records or batches, until it is resumed.",
            discussion: """
                Any process sharing the store can pause a set; its workers see it when they next \
                check the set's state (the demo does between its steps). Time paused is not \
                active time: elapsed, rate and ETA leave it out. A cancelled set stays cancelled. \
                Prints what it did, or that nothing changed.

                Example:  progress-tracker pause demo
                """
        )

        @OptionGroup var arguments: SetControlArguments

        func run() throws {
            try arguments.change(to: .paused) { try $0.pause() }
        }
    }
}
