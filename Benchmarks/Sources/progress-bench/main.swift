import Foundation

// progress-bench: the library's hot operations against a minimal C program (the targets'
// baseline, issue 12), the library's own SQL in C, and GRDB. The Performance article
// (Sources/ProgressTracking/ProgressTracking.docc/Performance.md) shows its table; issues 6, 10
// and 12 say what each row measures.

func runBenchmarks(_ options: Options) throws {
    let machine = Machine.current()
    print("progress-bench\(options.quick ? " --quick" : ""): \(machine.summary)")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("progress-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    let inProcess = InProcessRunner(options: options, directory: directory)
    let footprint = Footprint(options: options, directory: directory)
    let operations = options.scale ? Operation.scale(quick: options.quick) : Operation.all(quick: options.quick)
    var measurements: [(name: String, measure: () throws -> [RowResult])] =
        operations.map { operation in (operation.name, { [try inProcess.run(operation)] }) }
    if !options.scale {
        measurements.append(("increment.latency", { [try IncrementLatency(options: options, directory: directory).run()] }))
        measurements.append(("increment.4proc", { [try Contention(options: options, directory: directory).run()] }))
        if options.sides.contains(.library) {
            measurements.append(("status.contended", { [try ContendedStatus(options: options, directory: directory).run()] }))
        }
        measurements.append(("wal.watched", { [try WatchedWAL(options: options, directory: directory).run()] }))
        measurements.append(("memory", { [try footprint.memory()] }))
        measurements.append(("disk", footprint.disk))
    }

    var rows: [RowResult] = []
    for measurement in measurements where options.includes(measurement.name) {
        let started = now()
        rows += try measurement.measure()
        FileHandle.standardError.write(Data("\(measurement.name): \(String(format: "%.1f", now() - started)) s\n".utf8))
    }
    Table.print(rows, sides: options.sides)
    if let path = options.jsonPath { try Table.writeJSON(rows, machine: machine, to: path) }
    if options.quick { print("quick check: \(rows.count) rows, every side did the same work") }
}

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "--worker" {
        try Worker.run(Array(arguments.dropFirst()))
    } else {
        try runBenchmarks(try Options(arguments: arguments))
    }
} catch {
    FileHandle.standardError.write(Data("progress-bench: \(error)\n".utf8))
    exit(1)
}
