/// A PostgreSQL row measured in this process: each side works in a schema of its own on the
/// same server, and the sides take turns.
struct PostgresOperation {
    let name: String
    /// Trackers added to the set before the row runs.
    var trackers = 1
    /// Increments of the first tracker that one call of `work` makes (checked after the row).
    var counted = 0
    /// Operations one call of `work` performs.
    let unit: Int
    let work: (any PostgresSide) throws -> Void

    /// The rows of issue 14: counting one by one and in batches, item keys, overall and status
    /// at 10 and 1,000 trackers. Each call is one round trip or more, so a call of `work` makes
    /// fewer operations than an SQLite row's.
    static var all: [PostgresOperation] { [
        PostgresOperation(name: "postgres.increment", counted: 20, unit: 20) { try $0.increment(times: 20) },
        PostgresOperation(name: "postgres.increment.batch", counted: 1_000, unit: 1_000) { try $0.increment(batches: 1, of: 1_000) },
        PostgresOperation(name: "postgres.increment.item", counted: 20, unit: 20) { try $0.countItems(20, batchSize: nil) },
        PostgresOperation(name: "postgres.increment.item.batch", counted: 1_000, unit: 1_000) {
            try $0.countItems(1_000, batchSize: 1_000)
        },
        PostgresOperation(name: "postgres.overall.10", trackers: 10, unit: 1) { _ = try $0.overall() },
        PostgresOperation(name: "postgres.overall.1k", trackers: 1_000, unit: 1) { _ = try $0.overall() },
        PostgresOperation(name: "postgres.status.10", trackers: 10, unit: 1) { _ = try $0.status() },
        PostgresOperation(name: "postgres.status.1k", trackers: 1_000, unit: 1) { _ = try $0.status() },
    ] }
}
