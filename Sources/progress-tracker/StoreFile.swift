internal import ArgumentParser

/// `--db PATH`, shared by every command: which store file to use (see `StoreAccess`).
struct StoreFile: ParsableArguments {
    static let environmentVariable = "PROGRESS_TRACKER_DB"
    static let defaultPath = "./progress.sqlite"

    @Option(
        help: ArgumentHelp(
            "The store file (default: $\(environmentVariable), else \(defaultPath)).",
            valueName: "path"
        )
    )
    var db: String?
}
