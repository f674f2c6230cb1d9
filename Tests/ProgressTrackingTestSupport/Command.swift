import Foundation

/// Runs helper programs (`ip`, `Scripts/test-postgres`) to completion.
///
/// Not Foundation's `Process`: its `waitUntilExit()` returns only once every process holding
/// a descriptor it gave the child has exited, so a child that starts a daemon (`pg_ctl
/// start` or `restart` leaves the server running) never seems to end. Here the child's output
/// goes to files and `waitpid` waits for the child alone.
package enum Command {
    /// Runs `executable` with `arguments` and returns what it printed on standard output.
    /// - Throws: `CommandError` naming the command and quoting its standard error when it
    ///   cannot start or exits with a status other than 0.
    @discardableResult
    package static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let commandLine = ([executable] + arguments).joined(separator: " ")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputPath = directory.appendingPathComponent("stdout").path
        let errorPath = directory.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }

        var pid = pid_t()
        let spawnError = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawnError == 0 else {
            throw CommandError("\(commandLine) did not start: \(String(cString: strerror(spawnError)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw CommandError("waiting for \(commandLine) failed: errno \(errno)") }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED and WEXITSTATUS are macros Swift does not import.
        let exitedNormally = status & 0x7f == 0
        let exitCode = (status >> 8) & 0xff
        guard exitedNormally, exitCode == 0 else {
            let complaint = ((try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let ending = exitedNormally ? "exited with \(exitCode)" : "was killed by signal \(status & 0x7f)"
            throw CommandError("\(commandLine) \(ending): \(complaint)")
        }
        return output
    }
}

/// A helper program that failed.
package struct CommandError: Error, CustomStringConvertible {
    package let description: String

    init(_ description: String) {
        self.description = description
    }
}
