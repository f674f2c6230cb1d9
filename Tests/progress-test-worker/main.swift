// The helper process of ReliabilityTests: it counts into a store so that tests can run
// several at once, kill it at any moment, or have it hold the write lock.
//
// Protocol, on stdin and stdout, one line each:
//   the worker prints "ready" and waits for "go" before it opens the file, so that a test
//   can release several workers at the same moment on a file none of them has created yet;
//   it then runs its command, may print "progress N" lines, and ends with "done …";
//   a failure prints "error: …" and exits with status 1.
// A store PATH that is a postgresql:// URI is a PostgreSQL store, in the schema that
// `--schema NAME` (anywhere in the arguments) names, waiting `--busy-timeout SECONDS` for locks.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A safety net for a test that stops reading: no worker outlives a minute.
alarm(60)

/// Prints one line of the protocol at once (stdout is a pipe, which would buffer it).
func emit(_ line: String) {
    print(line)
    fflush(nil)  // every stream: Swift 6 forbids naming the global `stdout`
}

do {
    var arguments = Array(CommandLine.arguments.dropFirst())
    for name in ["--schema", "--busy-timeout"] {  // read by WorkerCommand.schema and .busyTimeout
        if let option = arguments.firstIndex(of: name), option + 1 < arguments.count {
            arguments.removeSubrange(option...option + 1)
        }
    }
    let command = try WorkerCommand(arguments: arguments)
    emit("ready")
    guard readLine() == "go" else { throw WorkerCommand.Failure("no \"go\" on stdin") }
    emit("done \(try command.run())")
} catch {
    emit("error: \(error)")
    exit(1)
}
