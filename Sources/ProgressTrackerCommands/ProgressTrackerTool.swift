internal import ArgumentParser
internal import ProgressTrackerRendering

/// The tool's entry point, shared by its two executables: `progress-tracker`, and
/// `progress-tracker-postgres`, the same commands with stores on PostgreSQL servers.
package enum ProgressTrackerTool {
    /// Runs the command as the argument parser's own `main` does, but prints errors through
    /// `ErrorText`: their messages quote names, paths and arguments, which must reach the
    /// terminal escaped.
    ///
    /// Synchronous, so that a command starts without the concurrency runtime's main task; the
    /// one command that runs async work (`watch`) waits for it (`AsyncWork`).
    /// - Parameter serverStores: Stores on PostgreSQL servers, from the executable that links
    ///   libpq; without them, a command that may name a server goes to that executable.
    package static func main(serverStores: (any ServerStores)?) -> Never {
        if let serverStores {
            InstalledServerStores.install(serverStores)
        } else {
            SiblingTool.handOverIfAServerMayBeNamed()
        }
        do {
            var command = try ProgressTrackerCommand.parseAsRoot(Array(ProcessTitle.argumentsHidingPasswords().dropFirst()))
            try command.run()
            ProgressTrackerCommand.exit()
        } catch {
            let status = ProgressTrackerCommand.exitCode(for: error)
            guard status != .success else { ProgressTrackerCommand.exit(withError: error) }  // --help: printed as it is
            StandardOutput.writeError(
                ErrorText.report(message: ProgressTrackerCommand.message(for: error), fullReport: ProgressTrackerCommand.fullMessage(for: error))
            )
            ProgressTrackerCommand.exit(withError: status)
        }
    }
}
