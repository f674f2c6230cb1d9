internal import ArgumentParser

/// `--db` and `--schema`, shared by every command: which store to use (see `StoreAccess`).
struct StoreFile: ParsableArguments {
    static let environmentVariable = "PROGRESS_TRACKER_DB"
    static let schemaEnvironmentVariable = "PROGRESS_TRACKER_SCHEMA"
    static let defaultPath = "./progress.sqlite"
    static let defaultSchema = "progress_tracking"

    @Option(
        help: ArgumentHelp(
            """
            The store: a file, or a PostgreSQL server as a postgresql:// or postgres:// URI \
            (default: $\(environmentVariable) when set and not empty, else \(defaultPath)).
            """,
            valueName: "path-or-uri"
        )
    )
    var db: String?

    @Option(
        help: ArgumentHelp(
            """
            The PostgreSQL schema that holds the store, when --db is a URI (default: \
            $\(schemaEnvironmentVariable) when set and not empty, else \(defaultSchema)).
            """,
            valueName: "name"
        )
    )
    var schema: String?

    func validate() throws {
        // SQLite opens "" as a private temporary database, deleted on close: a command would
        // report success for writes that are gone when it exits.
        if db?.isEmpty == true {
            throw ValidationError("--db must name a file: an empty path would write to a temporary database that vanishes on exit")
        }
    }
}
