internal import ArgumentParser
internal import ProgressTracking

extension ProgressTrackerCommand {
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel a set: its workers stop cleanly after their current batch, until it is resumed.",
            discussion: """
                Cancelling is the workers' signal, not a lock: counting is not refused, so a \
                worker can finish the batch it is in. The demo stops after its current step and \
                exits with status 75. `resume` undoes it. Prints what it did, or that nothing \
                changed.

                Example:  progress-tracker cancel demo
                """
        )

        @OptionGroup var arguments: SetControlArguments

        func run() throws {
            try arguments.change(to: .cancelled) { try $0.cancel() }
        }
    }
}
