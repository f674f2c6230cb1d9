import Foundation
import ProgressTracking
import Testing

/// Runs the built `progress-tracker` in a temporary directory of its own, the store file
/// inside it, and removes the directory when the test is done with it.
final class CLI {
    /// The executable SwiftPM built beside the test bundle (the test target depends on it).
    static let executable: URL = {
        // On macOS the tests are a loaded `.xctest` bundle; on Linux they are the running executable.
        let testsURL = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL ?? Bundle.main.executableURL!
        return testsURL.deletingLastPathComponent().appending(path: "progress-tracker")
    }()

    let directory: URL
    /// The store file the commands use, given to them through `$PROGRESS_TRACKER_DB`.
    let db: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "progress-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = directory.appending(path: "test.sqlite").path
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    struct Output {
        let status: Int32
        let reason: Process.TerminationReason
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// Runs the command to its end, as `user` if one is given. Output goes to files, so that
    /// neither stream can fill a pipe and block the process.
    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:], as user: OtherUser? = nil) throws -> Output {
        try run(arguments, environment: environment, as: user)
    }

    /// - Parameter giveUpAfter: A failing test must not hang: a command still running after
    ///   this long is killed, and its output ends with its signal.
    @discardableResult
    func run(
        _ arguments: [String], environment: [String: String] = [:], as user: OtherUser? = nil, executable: URL = CLI.executable,
        giveUpAfter: Duration = .seconds(60)
    ) throws -> Output {
        let stdout = directory.appending(path: "stdout-\(UUID().uuidString)")
        let stderr = directory.appending(path: "stderr-\(UUID().uuidString)")
        try Data().write(to: stdout)
        try Data().write(to: stderr)
        let process = try makeProcess(arguments, environment: environment, as: user, executable: executable)
        let outputHandles = (try FileHandle(forWritingTo: stdout), try FileHandle(forWritingTo: stderr))
        // The watchdog keeps the process, and with it these handles, until `giveUpAfter`, so
        // they are closed here: a test process with over a thousand open descriptors crashes
        // Foundation's Process.run() on Linux (it over-reads /proc/self/fd entries, fixed
        // upstream after Swift 6.3 by swift-corelibs-foundation PR #5472).
        defer {
            try? outputHandles.0.close()
            try? outputHandles.1.close()
        }
        process.standardOutput = outputHandles.0
        process.standardError = outputHandles.1
        try process.run()
        RunningCommand.stop(process, after: giveUpAfter)
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            reason: process.terminationReason,
            stdout: try String(contentsOf: stdout, encoding: .utf8),
            stderr: try String(contentsOf: stderr, encoding: .utf8)
        )
    }

    /// `setsid`, which runs the command in a session of its own with the pseudo-terminal as its
    /// controlling terminal, so that Ctrl-C typed there interrupts it as it would a user's.
    static let setsid = "/usr/bin/setsid"

    /// Starts the command on `terminal`, as its standard input, output and error.
    func start(onTerminal terminal: PseudoTerminal, _ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(filePath: Self.setsid)
        process.arguments = ["--ctty", "--wait", Self.executable.path] + arguments
        process.currentDirectoryURL = directory
        process.environment = self.environment(["TERM": "xterm-256color"].merging(environment) { $1 })
        try terminal.run(process)
        return process
    }

    /// Runs the command to its end on a terminal of its own, 80 by 24, and returns what it printed.
    func runOnTerminal(_ arguments: String..., environment: [String: String] = [:]) throws -> Output {
        let terminal = try PseudoTerminal(columns: 80, rows: 24)
        let process = try start(onTerminal: terminal, arguments, environment: environment)
        let text = try terminal.read()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, reason: process.terminationReason, stdout: text, stderr: "")
    }

    /// Starts the command with its standard output on a pipe, to be read line by line as it runs.
    func start(_ arguments: String...) throws -> RunningCommand {
        try start(arguments)
    }

    /// Starts `executable` (the command by default) with its standard output on a pipe, as
    /// `user` if one is given, with `environment` added to its own, and writes `input` to its
    /// standard input. It is killed if it still runs after `giveUpAfter`.
    func start(
        _ arguments: [String], environment: [String: String] = [:], as user: OtherUser? = nil, executable: URL = CLI.executable,
        input: String? = nil, giveUpAfter: Duration = .seconds(60)
    ) throws -> RunningCommand {
        let process = try makeProcess(arguments, environment: environment, as: user, executable: executable)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        try process.run()
        if let input, let inputPipe {
            try inputPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        return RunningCommand(process: process, output: pipe.fileHandleForReading, giveUpAfter: giveUpAfter)
    }

    private func makeProcess(
        _ arguments: [String], environment: [String: String], as user: OtherUser? = nil, executable: URL = CLI.executable
    ) throws -> Process {
        let process = Process()
        if let user {
            process.executableURL = OtherUser.setpriv
            process.arguments = user.setprivArguments(try runnableByOthers(executable), arguments)
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.environment = self.environment(environment)
        return process
    }

    /// `executable`, or a link to it in this test's directory when other users may not reach
    /// it where it was built: a clone in a private temporary directory (mode 700) holds the
    /// build folder, and another user could not run the commands from there.
    func runnableByOthers(_ executable: URL) throws -> URL {
        if (try? OtherUser.requireEveryoneMay(.run, executable.path)) != nil { return executable }
        let commands = directory.appending(path: "commands")
        try FileManager.default.createDirectory(at: commands, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let runnable = commands.appending(path: executable.lastPathComponent)
        if !FileManager.default.fileExists(atPath: runnable.path) {
            // A hard link costs nothing; across file systems, a copy.
            if link(executable.path, runnable.path) != 0 { try FileManager.default.copyItem(at: executable, to: runnable) }
        }
        return runnable
    }

    /// This process's environment without `COLUMNS` (a test sets the width it wants), with the
    /// store file in `$PROGRESS_TRACKER_DB`, and with `extra`.
    private func environment(_ extra: [String: String]) -> [String: String] {
        ProcessInfo.processInfo.environment
            .filter { $0.key != "COLUMNS" }
            .merging(["PROGRESS_TRACKER_DB": db]) { $1 }
            .merging(extra) { $1 }
    }

    /// The set's status as `status --json` prints it.
    func status(of set: String) throws -> TrackerSetStatus {
        try Self.decodeStatus(try run("status", set, "--json").stdout)
    }

    static func decodeStatus(_ json: String) throws -> TrackerSetStatus {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(TrackerSetStatus.self, from: Data(json.utf8))
    }

    /// The schema version in the file's header (`PRAGMA user_version`, bytes 60–63).
    func schemaVersion(of path: String) throws -> UInt32 {
        let header = try #require(FileManager.default.contents(atPath: path)).prefix(64)
        return header.suffix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Overwrites the file's SQLite header field `user_version` (bytes 60...63, big-endian),
    /// the schema version the library reads, as a newer release of the library would leave it.
    func setSchemaVersion(_ version: UInt32, of path: String) throws {
        let file = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? file.close() }
        try file.seek(toOffset: 60)
        try file.write(contentsOf: withUnsafeBytes(of: version.bigEndian) { Data($0) })
    }
}

/// A command still running, whose output a test reads as it comes.
final class RunningCommand {
    let process: Process
    private let output: FileHandle
    private var buffer = Data()

    /// A failing test must not hang: whatever happens, the command is stopped after `giveUpAfter`.
    init(process: Process, output: FileHandle, giveUpAfter: Duration = .seconds(60)) {
        self.process = process
        self.output = output
        Self.stop(process, after: giveUpAfter)
    }

    /// Kills the process if it still runs after `interval`. SIGKILL, because the command
    /// inherits this process's blocked signals, SIGTERM among them.
    static func stop(_ process: Process, after interval: Duration) {
        DispatchQueue.global().asyncAfter(deadline: .now() + interval / .seconds(1)) { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// Kills the command now, as a crash would, and waits until it is gone.
    func killNow() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The next line of output, or nil when the command closed its output (it exited).
    func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = output.availableData  // blocks until the command writes or exits
            guard !chunk.isEmpty else { return nil }
            buffer.append(chunk)
        }
    }

    /// Waits for the command to exit and returns its status.
    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}
