import Foundation
import Synchronization

/// The PostgreSQL rows (issue 14), run when a server is configured: the library against the
/// minimal C program over libpq and PostgresNIO, on the same server in the same run. Prints
/// the server's description and the rows' table; returns both for the JSON.
enum PostgresRows {
    static func measure(_ options: Options) throws -> (server: PostgresServer.Description?, rows: [RowResult]) {
        let processes = PostgresProcesses.shapes(scale: options.scale)
        let names = (options.scale ? [] : PostgresOperation.all.map(\.name)) + processes.map(\.name)
        guard names.contains(where: options.includes), !options.postgresSides.isEmpty else { return (nil, []) }
        guard let uri = try PostgresServer.configured(options) else {
            print("PostgreSQL rows skipped: no server (set PROGRESS_TRACKER_TEST_POSTGRES or pass --postgres URI)")
            return (nil, [])
        }
        let sides = options.postgresSides
        let (server, rows) = try waitFor {
            let server = try PostgresServer(uri: uri)
            let runner = PostgresRunner(options: options, server: server)
            let workers = PostgresProcesses(options: options, server: server)
            let operations = options.scale ? [] : PostgresOperation.all
            var measurements: [(name: String, measure: () async throws -> RowResult)] =
                operations.map { operation in (operation.name, { try await runner.run(operation) }) }
            measurements += processes.map { shape in (shape.name, { try await workers.run(shape) }) }
            var rows: [RowResult] = []
            for measurement in measurements where options.includes(measurement.name) {
                let started = now()
                rows.append(try await measurement.measure())
                FileHandle.standardError.write(Data("\(measurement.name): \(String(format: "%.1f", now() - started)) s\n".utf8))
            }
            return (try server.description(), rows)
        }
        print("PostgreSQL rows: \(server.summary); the C side is the minimal program over libpq.")
        Table.print(rows, sides: sides)
        return (server, rows)
    }
}

/// Runs `body` to completion and returns what it returns, blocking the calling thread: the
/// benchmark's flow is synchronous, PostgresNIO's calls are async. Detached, so that a caller
/// on the main actor does not wait for work queued behind itself.
func waitFor<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Outcome<T>()
    Task.detached {
        do {
            let value = try await body()
            outcome.result.withLock { $0 = .success(value) }
        } catch {
            outcome.result.withLock { $0 = .failure(error) }
        }
        outcome.done.signal()
    }
    outcome.done.wait()
    return try outcome.result.withLock { $0! }.get()
}

/// What `waitFor`'s task hands back to the waiting thread.
private final class Outcome<T: Sendable>: Sendable {
    let result = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
}
