internal import ArgumentParser
internal import ProgressTracking

extension ProgressTrackerCommand {
    struct Resume: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume",
            abstract: "Resume a paused or cancelled set: its workers go on.",
            discussion: """
                A paused worker goes on by itself; a worker that stopped on a cancel is run \
                again (the demo resumes from its cursors). The set's history records the resume. \
                Prints what it did, or that nothing changed.

                Example:  progress-tracker resume demo
                """
        )

        @OptionGroup var arguments: SetControlArguments

        func run() throws {
            try arguments.change(to: .running) { try $0.resume() }
        }
    }
}
