/// Measures a `PostgresOperation`: sides interleaved round by round, each turn at least
/// `minimumTurn` long, the median of the turns reported, with the CPU time each operation
/// took in this process and in the server; then checks the work done.
struct PostgresRunner {
    let options: Options
    let server: PostgresServer
    var rounds: Int { options.quick ? 1 : 5 }
    var minimumTurn: Double { options.quick || options.calls != nil ? 0 : 0.3 }
    var minimumCalls: Int { options.calls ?? 1 }

    /// One side's schema for one row, and what it has done.
    private final class Turns {
        let kind: SideKind
        let side: any PostgresSide
        var counted = 0
        var rates: [Double] = []
        var operations = 0
        var clientSeconds = 0.0
        var serverSeconds: Double? = 0

        init(kind: SideKind, side: any PostgresSide) {
            self.kind = kind
            self.side = side
        }
    }

    func run(_ operation: PostgresOperation) throws -> RowResult {
        var sides: [Turns] = []
        defer { try? server.dropSchemas() }
        for kind in options.postgresSides {
            let side = try kind.open(postgres: server.uri, schema: server.schema(row: operation.name, side: kind))
            sides.append(Turns(kind: kind, side: side))
            try side.addTrackers(operation.trackers)
        }
        for turns in sides {
            // Warm-up: statements prepared, plans and pages cached, as in a program that has run a while.
            try turn(operation, turns, measured: false)
        }
        for _ in 0..<rounds {
            for turns in sides { try turn(operation, turns, measured: true) }
        }
        try check(operation, sides)
        var result = RowResult(name: operation.name, values: Dictionary(uniqueKeysWithValues: sides.map { ($0.kind, median($0.rates)) }))
        result.details["client_cpu_seconds"] = Dictionary(uniqueKeysWithValues: sides.map { ($0.kind, $0.clientSeconds / Double($0.operations)) })
        let server = sides.compactMap { turns in turns.serverSeconds.map { (turns.kind, $0 / Double(turns.operations)) } }
        if server.count == sides.count { result.details["server_cpu_seconds"] = Dictionary(uniqueKeysWithValues: server) }
        return result
    }

    /// Runs `work` until `minimumTurn` has passed and `minimumCalls` are made, keeping its rate.
    private func turn(_ operation: PostgresOperation, _ turns: Turns, measured: Bool) throws {
        let (client, server) = (cpuSeconds(), self.server.cpuSeconds())
        let start = now()
        var calls = 0
        repeat {
            try operation.work(turns.side)
            calls += 1
        } while calls < minimumCalls || now() - start < minimumTurn
        let elapsed = now() - start
        turns.counted += calls * operation.counted
        guard measured else { return }
        turns.rates.append(Double(calls * operation.unit) / elapsed)
        turns.operations += calls * operation.unit
        turns.clientSeconds += cpuSeconds() - client
        if let before = server, let after = self.server.cpuSeconds() {
            turns.serverSeconds? += after - before
        } else {
            turns.serverSeconds = nil
        }
    }

    /// Each side's first tracker holds exactly the increments it made, and its status agrees
    /// with its overall; in quick mode, where every side made the same calls, all sides read
    /// the same status and overall progress.
    private func check(_ operation: PostgresOperation, _ sides: [Turns]) throws {
        var digests: [SideKind: StatusDigest] = [:]
        for turns in sides {
            let current = try turns.side.current()
            guard current == turns.counted else {
                throw BenchError("\(operation.name): \(turns.kind) counted \(current), expected \(turns.counted)")
            }
            var digest = try turns.side.status()
            guard sameOverall(try turns.side.overall(), digest.overall) else {
                throw BenchError("\(operation.name): \(turns.kind) overall differs from its status")
            }
            if !options.quick, operation.counted > 0 {
                // The sides made different numbers of increments in the same time.
                digest.currentSum -= current
                digest.overall = 0
            }
            digests[turns.kind] = digest
            try turns.side.close()
        }
        guard let first = digests.values.first,
              digests.values.allSatisfy({ $0.trackerCount == first.trackerCount && $0.currentSum == first.currentSum && sameOverall($0.overall, first.overall) })
        else { throw BenchError("\(operation.name): the sides disagree: \(digests)") }
    }
}

/// Overall progress computed from the same rows: equal to within a relative 1e-12, since a
/// floating-point sum of the rows in another order may differ in its last bits.
func sameOverall(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-12 * max(abs(a), abs(b))
}
