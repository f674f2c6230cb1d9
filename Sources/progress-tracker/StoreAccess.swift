#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
internal import ProgressTracking

/// The store file a command works on, and how commands open it and find sets by name.
struct StoreAccess {
    /// `--db`, else `$PROGRESS_TRACKER_DB` unless it is empty (an empty variable counts as
    /// unset, as a shell's `VAR= command` or an unset variable in a script gives), else the default.
    let path: String

    init(_ storeFile: StoreFile, environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = storeFile.db ?? Self.usualPath(environment: environment)
    }

    /// The file a command uses without `--db`.
    static func usualPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment[StoreFile.environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? StoreFile.defaultPath
    }

    /// Opens the store for a command that writes. Only commands that create trackers create
    /// the file: the others would fail on an empty store anyway, and should leave no file behind.
    func openForWriting(creatingFile: Bool = false) throws -> ProgressStore {
        try checkExists(unless: creatingFile)
        return try ProgressStore(path: path)
    }

    /// Opens the store for a command that writes and runs `body` on it as one transaction, so
    /// that the command's reads (the set and tracker it names, what it prints) go through the
    /// writer's connection: the store then never opens its reading connection, which costs a
    /// whole open and a reading of the schema, and what the command prints is what it wrote.
    func writing<T>(creatingFile: Bool = false, _ body: (ProgressStore) throws -> T) throws -> T {
        let store = try openForWriting(creatingFile: creatingFile)
        return try store.transaction { try body(store) }
    }

    /// Opens the store read-only, for commands that only look: they must never create or change the file.
    func openForReading() throws -> ProgressStore {
        try checkExists()
        return try ProgressStore(path: path, readOnly: true)
    }

    private func checkExists(unless creatingFile: Bool = false) throws {
        // Checked here because SQLite's own messages ("unable to open database file", or a
        // disk I/O error for a directory opened read-only) do not say what is wrong.
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, info.st_mode & S_IFMT == S_IFDIR { throw CommandError.directory(path: path) }
        guard exists || creatingFile else { throw CommandError.noStore(path: path) }
    }

    /// The tracker `target` names, which must exist, as its set.
    func existingTracker(_ target: TrackerArguments, in store: ProgressStore) throws -> ProgressTracker {
        try existingTracker(target.tracker, of: existingSet(target.set, in: store))
    }

    /// The tracker of that name in `trackerSet`, which must exist.
    func existingTracker(_ name: String, of trackerSet: ProgressTrackerSet) throws -> ProgressTracker {
        guard let tracker = try trackerSet.getTracker(name) else {
            throw CommandError.unknownTracker(name, set: trackerSet.name)
        }
        return tracker
    }

    /// The set of that name, which must exist.
    func existingSet(_ name: String, in store: ProgressStore) throws -> ProgressTrackerSet {
        guard let set = try store.getTrackerSet(named: name) else {
            throw CommandError.unknownSet(name, path: path)
        }
        return set
    }
}
