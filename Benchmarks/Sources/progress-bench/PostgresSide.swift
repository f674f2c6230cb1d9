import ProgressTracking
import ProgressTrackingPostgres

/// One way of running the library's operations in a schema of a PostgreSQL server: the
/// library or the minimal C program over libpq. The operations are `Side`'s, on the set `set`
/// of the schema.
protocol PostgresSide: AnyObject {
    /// Adds trackers "t0", "t1", … with total 100 in one transaction, tracker i counted to i % 150.
    func addTrackers(_ count: Int) throws
    /// `count` autocommit increments by 1 of the first tracker.
    func increment(times count: Int) throws
    /// `batches` transactions of `size` increments by 1 each.
    func increment(batches: Int, of size: Int) throws
    /// Counts `count` new item keys on the first tracker: autocommit when `batchSize` is nil.
    func countItems(_ count: Int, batchSize: Int?) throws
    func overall() throws -> Double
    /// Reads every tracker's status; returns what the check compares.
    func status() throws -> StatusDigest
    /// The first tracker's count.
    func current() throws -> Int
    /// Ends the connection; the side is not used again.
    func close() throws
}

extension LibrarySide: PostgresSide {
    /// The store closes when the side is released.
    func close() {}
}

extension SideKind {
    /// Whether the side has a PostgreSQL implementation (the PostgreSQL rows run it).
    var measuresPostgres: Bool {
        #if GRDB
        self != .grdb
        #else
        true
        #endif
    }

    /// Opens the side in `schema` of the server at `uri` (creating the schema and its tables
    /// when absent), with the set `set` in it.
    func open(postgres uri: String, schema: String, set: String = "bench") throws -> any PostgresSide {
        switch self {
        case .library: try LibrarySide(store: try ProgressStore(postgres: uri, schema: schema), set: set)
        case .c: try PostgresCSide(uri: uri, schema: schema, set: set)
        #if GRDB
        case .grdb: throw BenchError("GRDB has no PostgreSQL side")
        #endif
        }
    }
}
