#if PostgresNIO
import CPostgresBaseline
import Foundation
import PostgresNIO

/// PostgresNIO, the Swift peer of the PostgreSQL rows: the minimal C program's SQL (taken from
/// it, `pgb_sql`) in the C program's schema, as an async Swift program would run it: one
/// connection, awaited calls, each statement prepared once per connection
/// (`PostgresPreparedStatement`), transactions by BEGIN and COMMIT.
final class PostgresNIOSide: PostgresSide {
    private let connection: PostgresConnection
    private let logger: Logger
    private let setID: Int64
    private var first: Int64?
    private var nextItem = 0

    init(uri: String, schema: String, set: String) async throws {
        // The C program creates the schema, its tables and the set: one definition of them.
        try PostgresCSide(uri: uri, schema: schema, set: set).close()
        var logger = Logger(label: "progress-bench.postgresnio")
        logger.logLevel = .critical
        self.logger = logger
        connection = try await PostgresConnection.connect(configuration: try Self.configuration(uri), id: 1, logger: logger)
        do {
            try await connection.query("SELECT set_config('search_path', \(schema), false)", logger: logger)
            guard let id = try await Self.value(connection.execute(SetID(name: set), logger: logger)) else {
                throw BenchError("PostgresNIO: no set \(set)")
            }
            setID = id
        } catch {
            try? await connection.close()
            throw error
        }
    }

    func close() async throws {
        try await connection.close()
    }

    /// The connection of a `postgresql://user[:password]@host[:port]/database` URI.
    private static func configuration(_ uri: String) throws -> PostgresConnection.Configuration {
        guard let url = URLComponents(string: uri), ["postgresql", "postgres"].contains(url.scheme), let host = url.host,
              !host.isEmpty, let user = url.user
        else { throw BenchError("PostgresNIO needs a postgresql://user@host[:port]/database URI") }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : nil
        return PostgresConnection.Configuration(
            host: host, port: url.port ?? 5432, username: user, password: url.password, database: database, tls: .disable)
    }

    private static func value<Rows: AsyncSequence>(_ rows: Rows) async throws -> Rows.Element? {
        for try await row in rows { return row }
        return nil
    }

    /// How many rows a command changed, from its tag ("UPDATE 1").
    private static func changed(_ tag: String) -> Int {
        tag.split(separator: " ").last.flatMap { Int($0) } ?? 0
    }

    private func firstTracker() async throws -> Int64 {
        if let first { return first }
        guard let id = try await Self.value(connection.execute(FirstTracker(set: setID), logger: logger)) else {
            throw BenchError("PostgresNIO: the set has no tracker")
        }
        first = id
        return id
    }

    /// Runs `body` between BEGIN and COMMIT, or ROLLBACK if it throws.
    private func transaction(_ body: () async throws -> Void) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await body()
        } catch {
            try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
    }

    func addTrackers(_ count: Int) async throws {
        try await transaction {
            for index in 0..<count {
                let insert = InsertTracker(set: setID, name: "t\(index)", current: Int64(initialCount(ofTracker: index)), total: 100)
                try await connection.execute(insert, logger: logger)
            }
        }
    }

    private func add(_ tracker: Int64) async throws {
        guard Self.changed(try await connection.execute(Increment(tracker: tracker, amount: 1), logger: logger)) == 1 else {
            throw BenchError("PostgresNIO: no tracker \(tracker)")
        }
    }

    func increment(times count: Int) async throws {
        let tracker = try await firstTracker()
        for _ in 0..<count { try await add(tracker) }
    }

    func increment(batches: Int, of size: Int) async throws {
        let tracker = try await firstTracker()
        for _ in 0..<batches {
            try await transaction {
                for _ in 0..<size { try await add(tracker) }
            }
        }
    }

    private func countItem(_ tracker: Int64) async throws {
        let count = CountItem(tracker: tracker, key: itemKey(nextItem))
        guard Self.changed(try await connection.execute(count, logger: logger)) == 1 else {
            throw BenchError("PostgresNIO: item counted twice")
        }
        nextItem += 1
    }

    func countItems(_ count: Int, batchSize: Int?) async throws {
        let tracker = try await firstTracker()
        guard let batchSize else {
            for _ in 0..<count { try await countItem(tracker) }
            return
        }
        for group in groups(count, of: batchSize) {
            try await transaction {
                for _ in group { try await countItem(tracker) }
            }
        }
    }

    func overall() async throws -> Double {
        try await Self.value(connection.execute(Overall(set: setID), logger: logger)) ?? 0
    }

    func status() async throws -> StatusDigest {
        var digest = StatusDigest(overall: 0, trackerCount: 0, currentSum: 0)
        var trackers: [(name: String, current: Int64, total: Int64, percent: Double)] = []
        for try await (name, current, total, overall) in try await connection.execute(Status(set: setID), logger: logger) {
            trackers.append((name, current, total, current >= total ? 100 : 100 * Double(current) / Double(total)))
            digest.overall = overall
            digest.currentSum += Int(current)
        }
        digest.trackerCount = trackers.count
        return digest
    }

    func current() async throws -> Int {
        guard let current = try await Self.value(connection.execute(Current(tracker: try await firstTracker()), logger: logger)) else {
            throw BenchError("PostgresNIO: no first tracker")
        }
        return Int(current)
    }
}

// MARK: - The statements, each prepared once per connection

private func minimalSQL(_ query: pgb_query) -> String { String(cString: pgb_sql(query)) }

/// A parameter pack, not existentials: each value is encoded by its own type's code, as
/// PostgresNIO's users write it by hand.
private func bindings<each Value: PostgresThrowingDynamicTypeEncodable>(_ values: repeat each Value) throws -> PostgresBindings {
    var bindings = PostgresBindings()
    repeat try bindings.append(each values)
    return bindings
}

private struct SetID: PostgresPreparedStatement {
    static let sql = minimalSQL(PGB_SET_ID)
    let name: String
    func makeBindings() throws -> PostgresBindings { try bindings(name) }
    func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
}

private struct InsertTracker: PostgresPreparedStatement {
    static let sql = minimalSQL(PGB_INSERT_TRACKER)
    let set: Int64, name: String, current: Int64, total: Int64
    func makeBindings() throws -> PostgresBindings { try bindings(set, name, current, total) }
    func decodeRow(_ row: PostgresRow) throws {}
}

private struct FirstTracker: PostgresPreparedStatement {
    static let sql = minimalSQL(PGB_FIRST_TRACKER)
    let set: Int64
    func makeBindings() throws -> PostgresBindings { try bindings(set) }
    func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
}

private struct Current: PostgresPreparedStatement {
    static let sql = minimalSQL(PGB_CURRENT)
    let tracker: Int64
    func makeBindings() throws -> PostgresBindings { try bindings(tracker) }
    func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
}

private struct Increment: PostgresPreparedStatement {
    static let sql = minimalSQL(PGB_INCREMENT)
    let tracker: Int64, amount: Int64
    func makeBindings() throws -> PostgresBindings { try bindings(tracker, amount) }
    func decodeRow(_ row: PostgresRow) throws {}
}

private struct CountItem: PostgresPreparedStatement {
    static let sql = minimalSQL(PGB_COUNT_ITEM)
    let tracker: Int64, key: String
    func makeBindings() throws -> PostgresBindings { try bindings(tracker, key) }
    func decodeRow(_ row: PostgresRow) throws {}
}

private struct Overall: PostgresPreparedStatement {
    static let sql = minimalSQL(PGB_OVERALL)
    let set: Int64
    func makeBindings() throws -> PostgresBindings { try bindings(set) }
    func decodeRow(_ row: PostgresRow) throws -> Double { try row.decode(Double.self) }
}

private struct Status: PostgresPreparedStatement {
    static let sql = minimalSQL(PGB_STATUS)
    let set: Int64
    func makeBindings() throws -> PostgresBindings { try bindings(set) }
    func decodeRow(_ row: PostgresRow) throws -> (String, Int64, Int64, Double) {
        try row.decode((String, Int64, Int64, Double).self)
    }
}
#endif
