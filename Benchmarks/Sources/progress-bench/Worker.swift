import Foundation

/// A child process of the rows that need several processes or a clean peak-memory reading:
/// `progress-bench --worker increment|memory SIDE PATH COUNT [START]`. It prints its results
/// on stdout, one number per line.
enum Worker {
    static func run(_ arguments: [String]) throws {
        guard arguments.count >= 4, let kind = SideKind(rawValue: arguments[1]), let count = Int(arguments[3]) else {
            throw BenchError("usage: --worker increment|memory SIDE PATH COUNT [START]")
        }
        let side = try kind.open(path: arguments[2])
        switch arguments[0] {
        case "increment":
            guard arguments.count == 5, let start = Double(arguments[4]) else { throw BenchError("--worker increment needs START") }
            try incrementTimed(side, count: count, startingAt: start)
        case "memory":
            try incrementWatchingMemory(side, count: count)
        default:
            throw BenchError("unknown worker \(arguments[0])")
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
}
