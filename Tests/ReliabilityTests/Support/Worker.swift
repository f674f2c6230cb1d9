import Foundation

/// A running `progress-test-worker` process, driven through its stdin and stdout (its
/// protocol is described in `Tests/progress-test-worker/main.swift`).
///
/// Every wait here ends: the worker kills itself after a minute (`alarm`), which closes its
/// stdout, so a read that would wait forever gets the end of the file instead.
final class Worker {
    let arguments: [String]
    private let pid: pid_t
    /// Our end of a socket pair that is the worker's stdin and stdout.
    private let socket: Int32
    private var buffered: [UInt8] = []
    private var exitStatus: Int32?
    /// Every line read so far, for failure messages.
    private(set) var transcript: [String] = []

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `progress-test-worker arguments…`, behind `commandPrefix` if one is given (`ip
    /// netns exec NAME`, to run it on a host of its own); it prints "ready" and waits for `go()`.
    init(_ arguments: [String], commandPrefix: [String] = []) throws {
        self.arguments = arguments
        let executable = commandPrefix.first ?? Self.executable
        // A socket rather than pipes: created close-on-exec in one call, so that workers started
        // by other tests at the same time never inherit our end (which would keep the worker's
        // output from ever ending), and written with MSG_NOSIGNAL, so that writing to a dead
        // worker does not kill the test process with SIGPIPE.
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw Failure(description: "socketpair failed: errno \(errno)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        let argv = (commandPrefix + [Self.executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, environment)
        close(ends[1])
        guard result == 0 else {
            close(ends[0])
            throw Failure(description: "cannot start \(executable): error \(result)")
        }
        self.pid = pid
        socket = ends[0]
        try expect("ready")
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
        close(socket)
    }

    /// The worker binary, built beside the test bundle because the test target depends on it.
    static let executable = Bundle.main.bundleURL.appendingPathComponent("progress-test-worker").path

    /// Starts a worker and lets it go.
    static func start(_ arguments: [String]) throws -> Worker {
        try startTogether([arguments])[0]
    }

    /// Starts one worker per argument list, waits until every one is ready, then lets them
    /// all go at once.
    static func startTogether(_ argumentLists: [[String]]) throws -> [Worker] {
        let workers = try argumentLists.map { try Worker($0) }
        for worker in workers { worker.go() }
        return workers
    }

    // MARK: - Talking to it

    /// Lets the worker open the store and start its job.
    func go() {
        send("go")
    }

    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Ends the worker's stdin: a worker holding a lock lets go.
    func closeInput() {
        shutdown(socket, Int32(SHUT_WR))
    }

    /// The next line of the worker's stdout, or nil once it has closed it (it exited or died).
    func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                transcript.append(line)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffered += chunk[..<count]
        }
    }

    /// Reads the next line and fails unless it is `line`.
    func expect(_ line: String) throws {
        let next = readLine()
        guard next == line else { throw failure("expected \"\(line)\", got \(next.map { "\"\($0)\"" } ?? "the end of its output")") }
    }

    /// Reads to the end, waits for the worker to exit, and returns what followed "done ";
    /// fails unless it exited with status 0 after a "done" line.
    @discardableResult
    func finish() throws -> String {
        var done: String?
        while let line = readLine() {
            if line.hasPrefix("done ") { done = String(line.dropFirst(5)) }
        }
        let status = wait()
        guard status != 0 else {
            guard let done else { throw failure("exited without a \"done\" line") }
            return done
        }
        // The wait status holds a signal number in its low 7 bits, or else the exit status above them.
        let signal = status & 0x7F
        throw failure(signal != 0 ? "was killed by signal \(signal)" : "exited with status \(status >> 8)")
    }

    /// Sends SIGKILL, as a power cut to the process would, and waits until it is gone.
    func killNow() {
        kill(pid, SIGKILL)
        _ = wait()
    }

    /// Waits for the process to end and returns its wait status (0 for a clean exit).
    private func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        exitStatus = status
        return status
    }

    private func failure(_ problem: String) -> Failure {
        Failure(description: "worker \(arguments.joined(separator: " ")) \(problem); its output:\n" + transcript.joined(separator: "\n"))
    }
}
