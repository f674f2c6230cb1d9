internal import ArgumentParser

/// `--db PATH`, shared by every command: which store file to use (see `StoreAccess`).
struct StoreFile: ParsableArguments {
    static let environmentVariable = "PROGRESS_TRACKER_DB"
    static let defaultPath = "./progress.sqlite"

    @Option(
        help: ArgumentHelp(
            "The store file (default: $\(environmentVariable) when set and not empty, else \(defaultPath)).",
            valueName: "path"
        )
    )
    var db: String?

    func validate() throws {
        // SQLite opens "" as a private temporary database, deleted on close: a command would
        // report success for writes that are gone when it exits.
        if db?.isEmpty == true {
            throw ValidationError("--db must name a file: an empty path would write to a temporary database that vanishes on exit")
        }
    }
}
