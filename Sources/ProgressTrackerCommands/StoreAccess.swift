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

/// The store a command works on, and how commands open it and find sets by name.
///
/// The store is `--db`, else `$PROGRESS_TRACKER_DB` unless it is empty (an empty variable
/// counts as unset, as a shell's `VAR= command` or an unset variable in a script gives), else
/// the default file. A `postgresql://` or `postgres://` URI there is a PostgreSQL server, whose
/// store is in the schema `--schema` names, else `$PROGRESS_TRACKER_SCHEMA`, else the default.
struct StoreAccess {
    /// How messages name the store: the file's path, or the server and schema as
    /// `host:port/database as user, schema S`, never a password.
    let path: String
    /// The store on a PostgreSQL server; nil for a file.
    let server: ServerAddress?
    /// `--schema`, which only a server has.
    private let schemaOption: String?

    init(_ storeFile: StoreFile, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let address = storeFile.db ?? Self.usualPath(environment: environment)
        if ServerAddress.isURI(address) {
            let schema = storeFile.schema ?? Self.setting(StoreFile.schemaEnvironmentVariable, in: environment) ?? StoreFile.defaultSchema
            server = ServerAddress(uri: address, schema: schema)
            // Without the server support, opening fails first; the URI may hold a password.
            path = InstalledServerStores.current?.location(of: address, schema: schema) ?? "a PostgreSQL server"
        } else {
            server = nil
            path = address
        }
        schemaOption = storeFile.schema
    }

    /// The store a command uses without `--db`.
    static func usualPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        setting(StoreFile.environmentVariable, in: environment) ?? StoreFile.defaultPath
    }

    private static func setting(_ variable: String, in environment: [String: String]) -> String? {
        environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens the store for a command that writes. Only commands that create trackers create
    /// the file: the others would fail on an empty store anyway, and should leave no file behind.
    /// (A server's schema is created by any command that writes, as the library does.)
    func openForWriting(creatingFile: Bool = false) throws -> ProgressStore {
        if let server { return try InstalledServerStores.required().open(server.uri, schema: server.schema, readOnly: false) }
        try refuseSchemaOption()
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
        if let server { return try InstalledServerStores.required().open(server.uri, schema: server.schema, readOnly: true) }
        try refuseSchemaOption()
        try checkExists()
        return try ProgressStore(path: path, readOnly: true)
    }

    /// `--schema` with a file would be ignored: refused instead, since it shows a mistake.
    private func refuseSchemaOption() throws {
        if let schemaOption { throw CommandError.schemaOfAFile(schemaOption, path: path) }
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
