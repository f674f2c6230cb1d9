import ArgumentParser
import Foundation
import ProgressTracking

/// `--db PATH`, shared by every command: the store file, how to open it, and the look-ups
/// that turn names given on the command line into handles.
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

    /// The file the command works on.
    var path: String {
        if let db { return db }
        if let path = ProcessInfo.processInfo.environment[Self.environmentVariable], !path.isEmpty { return path }
        return Self.defaultPath
    }

    /// Opens the store for a command that writes. Only commands that create trackers create
    /// the file: the others would fail on an empty store anyway, and should leave no file behind.
    func openForWriting(creatingFile: Bool = false) throws -> ProgressStore {
        try checkExists(unless: creatingFile)
        return try ProgressStore(path: path)
    }

    /// Opens the store read-only, for commands that only look: they must never create or change the file.
    func openForReading() throws -> ProgressStore {
        try checkExists()
        return try ProgressStore(path: path, readOnly: true)
    }

    private func checkExists(unless creatingFile: Bool = false) throws {
        // Checked here because SQLite's own messages ("unable to open database file", or a
        // disk I/O error for a directory opened read-only) do not say what is wrong.
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw CommandError.directory(path: path) }
        guard exists || creatingFile else { throw CommandError.noStore(path: path) }
    }

    /// The set of that name, which must exist.
    func existingSet(_ name: String, in store: ProgressStore) throws -> ProgressTrackerSet {
        guard let set = try store.getTrackerSet(named: name) else {
            throw CommandError.unknownSet(name, path: path)
        }
        return set
    }
}
