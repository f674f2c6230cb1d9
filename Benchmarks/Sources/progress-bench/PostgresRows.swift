import Foundation

/// The PostgreSQL rows (issue 14), run when a server is configured: the library against the
/// minimal C program over libpq, on the same server in the same run. Prints
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
        let server = try PostgresServer(uri: uri)
        let runner = PostgresRunner(options: options, server: server)
        let workers = PostgresProcesses(options: options, server: server)
        let operations = options.scale ? [] : PostgresOperation.all
        var measurements: [(name: String, measure: () throws -> RowResult)] =
            operations.map { operation in (operation.name, { try runner.run(operation) }) }
        measurements += processes.map { shape in (shape.name, { try workers.run(shape) }) }
        var rows: [RowResult] = []
        for measurement in measurements where options.includes(measurement.name) {
            let started = now()
            rows.append(try measurement.measure())
            FileHandle.standardError.write(Data("\(measurement.name): \(String(format: "%.1f", now() - started)) s\n".utf8))
        }
        let description = try server.description()
        print("PostgreSQL rows: \(description.summary); the C side is the minimal program over libpq.")
        Table.print(rows, sides: sides)
        return (description, rows)
    }
}
