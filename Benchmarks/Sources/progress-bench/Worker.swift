import CBaseline
import Foundation
import ProgressTracking

/// A child process of the rows that need several processes or a clean peak-memory reading:
/// `progress-bench --worker increment|memory SIDE PATH COUNT [START]` prints its results on
/// stdout, one number per line; `--worker lock PATH` and `--worker watch SIDE PATH` run beside
/// a measurement as `BackgroundWorker`s.
enum Worker {
    static func run(_ arguments: [String]) throws {
        switch (arguments.first, arguments.count) {
        case ("lock", 2):
            try holdWriteLock(path: arguments[1])
        case ("watch", 3):
            guard let kind = SideKind(rawValue: arguments[1]) else { throw BenchError("no side \(arguments[1])") }
            try watch(kind, path: arguments[2])
        case ("increment", 5), ("memory", 4):
            guard let kind = SideKind(rawValue: arguments[1]), let count = Int(arguments[3]) else {
                throw BenchError("usage: --worker increment|memory SIDE PATH COUNT [START]")
            }
            let side = try kind.open(path: arguments[2])
            if arguments[0] == "memory" { return try incrementWatchingMemory(side, count: count) }
            guard let start = Double(arguments[4]) else { throw BenchError("--worker increment needs START") }
            try incrementTimed(side, count: count, startingAt: start)
        default:
            throw BenchError("unknown worker \(arguments)")
        }
    }

    /// Waits for the shared start time, then makes `count` autocommit increments. Prints the
    /// first start and last end time, then each increment's latency in seconds.
    private static func incrementTimed(_ side: any Side, count: Int, startingAt start: Double) throws {
        _ = try side.current()  // the statements prepared and the tracker found before the start
        while now() < start { usleep(100) }
        var latencies = [Double](repeating: 0, count: count)
        let first = now()
        for index in 0..<count {
            let begin = now()
            try side.increment(times: 1)
            latencies[index] = now() - begin
        }
        print(first)
        print(now())
        for latency in latencies { print(latency) }
    }

    /// Increments in transactions of 1,000, then prints the peak resident bytes.
    private static func incrementWatchingMemory(_ side: any Side, count: Int) throws {
        try side.increment(batches: count / 1_000, of: 1_000)
        guard try side.current() == count else { throw BenchError("memory worker lost increments") }
        print(try peakResidentBytes())
    }

    /// VmHWM of /proc/self/status: unlike getrusage's ru_maxrss, which Linux carries over
    /// from the parent across fork and exec, it counts this program only.
    private static func peakResidentBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ")[1])
        else { throw BenchError("no VmHWM in /proc/self/status") }
        return kilobytes * 1024
    }

    /// Holds the file's write lock, as a writer in another process does, until stdin closes.
    private static func holdWriteLock(path: String) throws {
        var lock: OpaquePointer?
        let rc = wl_hold(path, &lock)
        guard rc == 0 else { throw BenchError("could not take the write lock: SQLite error \(rc)") }
        say("ready")
        while readLine() != nil {}
        wl_release(lock)
    }

    /// Follows the set until stdin closes, as `progress-tracker watch` does: the library
    /// through `updates(every:)` on a read-only store, the minimal C side by reading its status
    /// every 250 ms. Says "ready" after the first status; prints how many it read.
    private static func watch(_ kind: SideKind, path: String) throws {
        if kind == .library { return try watchUpdates(path: path) }
        let side = try kind.open(path: path)
        var reads = 0
        var stdin = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        repeat {
            _ = try side.status()
            reads += 1
            if reads == 1 { say("ready") }
        } while poll(&stdin, 1, 250) == 0
        say("\(reads)")
    }

    private static func watchUpdates(path: String) throws {
        let store = try ProgressStore(path: path, readOnly: true)
        guard let set = try store.getTrackerSet(named: "bench") else { throw BenchError("no set bench in \(path)") }
        let done = DispatchSemaphore(value: 0)
        let watcher = Task {
            var statuses = 0
            do {
                for try await _ in set.updates(every: .milliseconds(250)) {
                    statuses += 1
                    if statuses == 1 { say("ready") }
                }
                say("\(statuses)")
            } catch {
                say("watcher failed: \(error)")
            }
            done.signal()
        }
        while readLine() != nil {}
        watcher.cancel()
        done.wait()
    }

    /// Writes a line at once: `print` buffers when stdout is a pipe, and the parent waits for it.
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
