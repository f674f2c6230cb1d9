import Foundation

/// The library's migrations, read from the repository at run time, so that the C and GRDB
/// sides build the very schema the library ships.
enum Schema {
    private static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // progress-bench
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // Benchmarks
        .deletingLastPathComponent()
        .appendingPathComponent("Migrations")
        .appendingPathComponent("SQLite")

    /// The text of each `Migrations/SQLite/NNNN_*.sql`, in version order (the first is version 1),
    /// read once: opening a file is one of the timed operations.
    static func migrations() throws -> [String] { try loaded.get() }

    private static let loaded = Result { try load() }

    private static func load() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        return try names.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
    }
}
