import Foundation

/// `increment.latency`: how long one autocommit `increment()` takes, p50 to max, over a run
/// long enough to cross many WAL checkpoints (SQLite runs one inside the commit that takes the
/// log past 1,000 pages, about one commit in a thousand here). The library against the minimal
/// C side, which checkpoints inline as SQLite does by default; interleaved in slices.
struct IncrementLatency {
    let options: Options
    let directory: URL
    static let sides: [SideKind] = [.library, .c]

    func run() throws -> RowResult {
        let calls = options.quick ? 2_000 : 200_000
        let slices = options.quick ? 1 : 4
        let kinds = options.sides.filter(Self.sides.contains)
        let sides = try kinds.map { kind in
            let side = try kind.open(path: directory.appendingPathComponent("increment.latency-\(kind.rawValue).sqlite").path)
            try side.addTrackers(1)
            try side.increment(times: 10)  // statements prepared, tracker found
            return (kind, side)
        }
        var latencies: [SideKind: [Double]] = [:]
        for _ in 0..<slices {
            for (kind, side) in sides {
                for _ in 0..<calls / slices {
                    let begin = now()
                    try side.increment(times: 1)
                    latencies[kind, default: []].append(now() - begin)
                }
            }
        }
        for (kind, side) in sides {
            let current = try side.current()
            guard current == 10 + calls else { throw BenchError("increment.latency: \(kind) counted \(current), expected \(10 + calls)") }
        }
        return RowResult(name: "increment.latency", unit: "seconds", figures: RowResult.Figure.latencies(latencies))
    }
}
