import Foundation

/// `increment.4proc`: four processes increment one tracker at once, autocommit. The C and
/// GRDB sides wait for the lock with SQLite's own busy handler (`sqlite3_busy_timeout`), the
/// library with its `BusyWait`: the row compares the two ways of waiting in one run.
struct Contention {
    let options: Options
    let directory: URL
    static let processes = 4

    func run() throws -> RowResult {
        let perProcess = options.quick ? 50 : 3_000
        let rounds = options.quick ? 1 : 5
        var paths: [SideKind: String] = [:]
        for kind in options.sides {
            let path = directory.appendingPathComponent("increment.4proc-\(kind.rawValue).sqlite").path
            try kind.open(path: path).addTrackers(1)
            paths[kind] = path
        }
        var rates: [SideKind: [Double]] = [:]
        var latencies: [SideKind: [Double]] = [:]
        for _ in 0..<rounds {
            for kind in options.sides {
                // Far enough ahead that all four have started and opened the file.
                let start = now() + 0.5
                let arguments = ["increment", kind.rawValue, paths[kind]!, "\(perProcess)", "\(start)"]
                let outputs = try ChildProcesses.run(Array(repeating: arguments, count: Self.processes))
                let numbers = outputs.map { $0.compactMap(Double.init) }
                let first = numbers.map { $0[0] }.min()!
                let last = numbers.map { $0[1] }.max()!
                rates[kind, default: []].append(Double(Self.processes * perProcess) / (last - first))
                latencies[kind, default: []] += numbers.flatMap { $0.dropFirst(2) }
            }
        }
        for kind in options.sides {
            let expected = rounds * Self.processes * perProcess
            let current = try kind.open(path: paths[kind]!).current()
            guard current == expected else {
                throw BenchError("increment.4proc: \(kind) counted \(current), expected \(expected)")
            }
        }
        return RowResult(
            name: "increment.4proc",
            values: rates.mapValues(median),
            details: [
                "p99_ms": latencies.mapValues { 1_000 * percentile(0.99, of: $0) },
                "p99.9_ms": latencies.mapValues { 1_000 * percentile(0.999, of: $0) },
                "max_ms": latencies.mapValues { 1_000 * $0.max()! },
            ]
        )
    }
}
