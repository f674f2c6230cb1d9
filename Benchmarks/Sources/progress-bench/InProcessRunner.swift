import Foundation

/// Measures an `Operation`: sides interleaved round by round, each turn at least
/// `minimumTurn` long, the median of the turns reported; then checks the work done.
struct InProcessRunner {
    let options: Options
    let directory: URL
    var rounds: Int { options.quick ? 1 : 5 }
    var minimumTurn: Double { options.quick || options.calls != nil ? 0 : 0.3 }
    var minimumCalls: Int { options.calls ?? 1 }

    func run(_ operation: Operation) throws -> RowResult {
        let fixtures = try options.sides.map { kind in
            let path = directory.appendingPathComponent("\(operation.name)-\(kind.rawValue).sqlite").path
            let fixture = Fixture(kind: kind, path: path, durability: operation.durability)
            try fixture.side().addTrackers(operation.trackers)
            try fixture.side().countItems(operation.storedItems, batchSize: 1_000)
            fixture.counted = operation.storedItems
            if operation.reopens { fixture.close() }
            return fixture
        }
        var rates: [SideKind: [Double]] = [:]
        for fixture in fixtures {
            // Warm-up: statements prepared, pages cached, as in a program that has run a while.
            try turn(operation, fixture)
        }
        for _ in 0..<rounds {
            for fixture in fixtures {
                rates[fixture.kind, default: []].append(try turn(operation, fixture))
            }
        }
        try check(operation, fixtures)
        var result = RowResult(name: operation.name, values: rates.mapValues(median))
        if options.scale {
            result.details["file_bytes"] = Dictionary(uniqueKeysWithValues: try fixtures.map { ($0.kind, Double(try fileSize($0.path))) })
        }
        return result
    }

    /// Runs `work` until `minimumTurn` has passed and `minimumCalls` are made. Returns operations per second.
    @discardableResult
    private func turn(_ operation: Operation, _ fixture: Fixture) throws -> Double {
        let start = now()
        var calls = 0
        repeat {
            try operation.work(fixture)
            calls += 1
        } while calls < minimumCalls || now() - start < minimumTurn
        let elapsed = now() - start
        fixture.counted += calls * operation.counted
        fixture.failed += calls * operation.failed
        return Double(calls * operation.unit) / elapsed
    }

    /// Each side's first tracker holds exactly the increments and failed items it made; in
    /// quick mode, where every side made the same calls, those are equal on every side, and all
    /// sides read the same status and overall progress.
    private func check(_ operation: Operation, _ fixtures: [Fixture]) throws {
        var digests: [SideKind: StatusDigest] = [:]
        for fixture in fixtures {
            let side = try fixture.side()
            let current = try side.current()
            guard current == fixture.counted else {
                throw BenchError("\(operation.name): \(fixture.kind) counted \(current), expected \(fixture.counted)")
            }
            let failures = try side.failureCount()
            guard failures == fixture.failed else {
                throw BenchError("\(operation.name): \(fixture.kind) stored \(failures) failures, expected \(fixture.failed)")
            }
            var digest = try side.status()
            guard try side.overall() == digest.overall else {
                throw BenchError("\(operation.name): \(fixture.kind) overall differs from its status")
            }
            if !options.quick, operation.counted > 0 {
                // The sides made different numbers of increments in the same time.
                digest.currentSum -= current
                digest.overall = 0
            }
            digests[fixture.kind] = digest
            fixture.close()
        }
        guard let first = digests.values.first, digests.values.allSatisfy(first.matches) else {
            throw BenchError("\(operation.name): the sides disagree: \(digests)")
        }
    }
}
