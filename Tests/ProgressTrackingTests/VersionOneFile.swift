@testable import ProgressTracking
@testable import ProgressTrackingSQLite
@testable import ProgressTrackingSQLiteStorage

/// Writes a store at schema version 1, as the library's first release left it, holding `rows`
/// (SQL inserts into that version's tables): the starting point of every upgrade test.
func makeVersionOneFile(at path: String, rows: String) throws {
    let connection = try Connection(path: path, mode: .readWrite)
    try Migrator.migrate(connection, upTo: 1)
    try connection.execute(rows)
}
