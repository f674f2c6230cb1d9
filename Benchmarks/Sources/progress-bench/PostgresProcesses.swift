import Foundation

/// PostgreSQL rows of several worker processes (`PostgresWorker`) counting at once, autocommit:
/// `postgres.increment.4proc` (four processes, one tracker), and with `--scale` the throughput
/// of 1, 2, 4 and 8 processes on one tracker (`postgres.processes.one.N`) and each on a
/// tracker of its own (`postgres.processes.own.N`). Besides the rate, each row gives the CPU
/// an increment took in the workers and in the server, and the cores the run kept busy: what
/// says where the rate stops growing.
struct PostgresProcesses {
    let options: Options
    let server: PostgresServer

    struct Shape {
        let name: String
        let processes: Int
        /// All processes count into one tracker; else each into its own (in a set of its own).
        let oneTracker: Bool
    }

    static func shapes(scale: Bool) -> [Shape] {
        guard scale else { return [Shape(name: "postgres.increment.4proc", processes: 4, oneTracker: true)] }
        return [true, false].flatMap { one in
            [1, 2, 4, 8].map { Shape(name: "postgres.processes.\(one ? "one" : "own").\($0)", processes: $0, oneTracker: one) }
        }
    }

    /// Each worker counts for this long (a fixed time, so that rows of 1 and 8 processes take
    /// as long); with `--quick`, a fixed count instead, so that every side does the same work.
    private var seconds: Double { options.quick ? 0 : 2 }
    private var count: Int { options.quick ? 20 : 0 }
    private var rounds: Int { options.quick ? 1 : 3 }

    func run(_ shape: Shape) throws -> RowResult {
        defer { try? server.dropSchemas() }
        let sets = shape.oneTracker ? Array(repeating: "bench", count: shape.processes) : (0..<shape.processes).map { "bench-\($0)" }
        var schemas: [SideKind: String] = [:]
        for kind in options.postgresSides {
            let schema = server.schema(row: shape.name, side: kind)
            for set in Set(sets) {
                let side = try kind.open(postgres: server.uri, schema: schema, set: set)
                try side.addTrackers(1)
                try side.close()
            }
            schemas[kind] = schema
        }
        var rates: [SideKind: [Double]] = [:]
        var latencies: [SideKind: [Double]] = [:]
        var cpu: [SideKind: (client: Double, server: Double?, wall: Double, operations: Int)] = [:]
        var expected: [SideKind: [String: Int]] = [:]
        for _ in 0..<rounds {
            for kind in options.postgresSides {
                // Far enough ahead that every worker has started, connected and prepared.
                let start = now() + 1.5
                let stop = seconds > 0 ? start + seconds : 0
                let (client, server) = (cpuSeconds(children: true), self.server.cpuSeconds())
                let outputs = try ChildProcesses.run(sets.map { set in
                    ["postgres", kind.rawValue, self.server.uri, schemas[kind]!, set, "\(start)", "\(stop)", "\(count)"]
                })
                let numbers = outputs.map { $0.compactMap(Double.init) }
                let counts = numbers.map { Int($0[0]) }
                let (first, last) = (numbers.map { $0[1] }.min()!, numbers.map { $0[2] }.max()!)
                let operations = counts.reduce(0, +)
                rates[kind, default: []].append(Double(operations) / (last - first))
                latencies[kind, default: []] += numbers.flatMap { $0.dropFirst(3) }
                for (set, count) in zip(sets, counts) { expected[kind, default: [:]][set, default: 0] += count }
                var used = cpu[kind] ?? (0, 0, 0, 0)
                used.client += cpuSeconds(children: true) - client
                if let before = server, let after = self.server.cpuSeconds(), let sum = used.server {
                    used.server = sum + after - before
                } else {
                    used.server = nil
                }
                used.wall += last - first
                used.operations += operations
                cpu[kind] = used
            }
        }
        try check(shape, schemas: schemas, expected: expected)
        var details: [String: [SideKind: Double]] = [
            "p99_ms": latencies.mapValues { 1_000 * percentile(0.99, of: $0) },
            "max_ms": latencies.mapValues { 1_000 * $0.max()! },
            "client_cpu_seconds": cpu.mapValues { $0.client / Double($0.operations) },
        ]
        if cpu.values.allSatisfy({ $0.server != nil }) {
            details["server_cpu_seconds"] = cpu.mapValues { $0.server! / Double($0.operations) }
            details["busy_cores"] = cpu.mapValues { ($0.client + $0.server!) / $0.wall }
        }
        return RowResult(name: shape.name, values: rates.mapValues(median), details: details)
    }

    /// Every tracker holds exactly the increments its workers said they made: none lost, none
    /// doubled; in quick mode, where each worker makes a fixed count, every side made the same.
    private func check(_ shape: Shape, schemas: [SideKind: String], expected: [SideKind: [String: Int]]) throws {
        if options.quick, Set(expected.values).count > 1 {
            throw BenchError("\(shape.name): the sides' workers made different counts: \(expected)")
        }
        for (kind, counts) in expected {
            for (set, count) in counts {
                let side = try kind.open(postgres: server.uri, schema: schemas[kind]!, set: set)
                let current = try side.current()
                try side.close()
                guard current == count else {
                    throw BenchError("\(shape.name): \(kind) counted \(current) in \(set), its workers made \(count)")
                }
            }
        }
    }
}

/// A worker of `PostgresProcesses`: `progress-bench --worker postgres SIDE URI SCHEMA SET START
/// STOP COUNT` increments the first tracker of SET, autocommit, from START until STOP (times of
/// the monotonic clock), or COUNT times if STOP is 0. Prints how many it made, its first start
/// and last end, then each increment's latency in seconds.
enum PostgresWorker {
    static func run(_ arguments: [String]) throws {
        guard arguments.count == 7, let kind = SideKind(rawValue: arguments[0]), kind.measuresPostgres,
              let start = Double(arguments[4]), let stop = Double(arguments[5]), let count = Int(arguments[6])
        else { throw BenchError("usage: --worker postgres SIDE URI SCHEMA SET START STOP COUNT") }
        let side = try kind.open(postgres: arguments[1], schema: arguments[2], set: arguments[3])
        _ = try side.current()  // the statements prepared and the tracker found before the start
        while now() < start { usleep(100) }
        var latencies: [Double] = []
        let first = now()
        while stop > 0 ? now() < stop : latencies.count < count {
            let begin = now()
            try side.increment(times: 1)
            latencies.append(now() - begin)
        }
        let last = now()
        try side.close()
        let lines = ["\(latencies.count)", "\(first)", "\(last)"] + latencies.map { "\($0)" }
        print(lines.joined(separator: "\n"))
    }
}
