import ProgressTracking

/// A row measured in this process: each side works on a file of its own, and the sides take turns.
struct Operation {
    let name: String
    var durability: Durability = .normal
    /// Trackers added to the set before the row runs.
    var trackers = 1
    /// Item keys counted on the first tracker before the row runs.
    var storedItems = 0
    /// Whether each side closes its file after setup, so that `work` opens it cold.
    var reopens = false
    /// Increments of the first tracker that one call of `work` makes (checked after the row).
    var counted = 0
    /// Failed items that one call of `work` records on the first tracker (checked after the row).
    var failed = 0
    /// Operations one call of `work` performs.
    let unit: Int
    let work: (Fixture) throws -> Void

    /// The rows of issue 6, in its order; `quick` shrinks the sets that take long to build.
    static func all(quick: Bool) -> [Operation] {
        let large = quick ? 1_000 : 100_000
        return [
            Operation(name: "increment", counted: 100, unit: 100) { try $0.side().increment(times: 100) },
            Operation(name: "increment.full", durability: .full, counted: 20, unit: 20) { try $0.side().increment(times: 20) },
            Operation(name: "increment.batch", counted: 1_000, unit: 1_000) { try $0.side().increment(batches: 1, of: 1_000) },
            Operation(name: "increment.item", counted: 100, unit: 100) { try $0.side().countItems(100, batchSize: nil) },
            // Issue 13: recording a failure costs no more than counting an item (the row above).
            Operation(name: "fail.item", failed: 100, unit: 100) { try $0.side().fail(items: 100) },
            Operation(name: "increment.item.batch", counted: 1_000, unit: 1_000) { try $0.side().countItems(1_000, batchSize: 1_000) },
            Operation(name: "overall.10", trackers: 10, unit: 1) { _ = try $0.side().overall() },
            Operation(name: "overall.1k", trackers: 1_000, unit: 1) { _ = try $0.side().overall() },
            Operation(name: "overall.100k", trackers: large, unit: 1) { _ = try $0.side().overall() },
            Operation(name: "status.10", trackers: 10, unit: 1) { _ = try $0.side().status() },
            Operation(name: "status.1k", trackers: 1_000, unit: 1) { _ = try $0.side().status() },
            Operation(name: "open.100k", trackers: large, reopens: true, unit: 1) {
                _ = try $0.kind.open(path: $0.path).overall()
            },
        ]
    }
}

extension Operation {
    /// How costs grow with the data (`--scale`): overall progress over 10 to 100,000 trackers,
    /// and counting new item keys, 1,000 per transaction, on a tracker already holding 1,000
    /// to 1,000,000 keys.
    static func scale(quick: Bool) -> [Operation] {
        let trackers = quick ? [10, 1_000] : [10, 100, 1_000, 10_000, 100_000]
        let items = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000]
        return trackers.map { count in
            Operation(name: "scale.overall.\(count)", trackers: count, unit: 1) { _ = try $0.side().overall() }
        } + items.map { count in
            Operation(name: "scale.item.\(count)", storedItems: count, counted: 1_000, unit: 1_000) {
                try $0.side().countItems(1_000, batchSize: 1_000)
            }
        }
    }
}

/// One side's file for one row.
final class Fixture {
    let kind: SideKind
    let path: String
    let durability: Durability
    private var open: (any Side)?
    /// Increments of the first tracker made so far.
    var counted = 0
    /// Failed items recorded on the first tracker so far.
    var failed = 0

    init(kind: SideKind, path: String, durability: Durability) {
        self.kind = kind
        self.path = path
        self.durability = durability
    }

    /// The side, opened if closed.
    func side() throws -> any Side {
        if let open { return open }
        let side = try kind.open(path: path, durability: durability)
        open = side
        return side
    }

    func close() { open = nil }
}
