/// Failures the command line itself detects; the library's own are `ProgressTrackingError`s.
/// Each description is the one line printed after "Error: " (escaped there, by `ErrorText`).
enum CommandError: Error, CustomStringConvertible {
    case noStore(path: String)
    case directory(path: String)
    case unknownSet(String, path: String)
    case unknownTracker(String, set: String)
    /// `--schema` given for a store that is a file.
    case schemaOfAFile(String, path: String)
    /// The store has a set named `demo` that the demo did not make (see `DemoImport`);
    /// `removal` is the command that removes it.
    case notTheDemos(path: String, removal: String)
    /// A server named to the tool built without libpq, whose sibling `tool` is not beside it.
    case noServerSupport(tool: String)

    var description: String {
        switch self {
        case let .noStore(path):
            "no progress store at \(path) (give the file with --db or $\(StoreFile.environmentVariable))"
        case let .directory(path):
            "\(path) is a directory, not a progress store file"
        case let .unknownSet(name, path):
            "no tracker set named \"\(name)\" in \(path)"
        case let .unknownTracker(name, set):
            "no tracker named \"\(name)\" in set \"\(set)\""
        case let .schemaOfAFile(schema, path):
            "--schema \"\(schema)\" names a PostgreSQL schema, but the store is the file \(path): give a postgresql:// URI with --db"
        case let .notTheDemos(path, removal):
            """
            \(path) has a set named "\(DemoImport.setName)" that the demo did not make (its trackers are not the \
            demo's stages with cursors starting "\(DemoCursor.mark)"), and the demo changes nothing it did not make: \
            run it on another store with --db, or remove that set yourself (\(removal))
            """
        case let .noServerSupport(tool):
            """
            the store is on a PostgreSQL server, which this progress-tracker hands to \(tool), and that is not \
            installed beside it: build it with `swift build --product \(tool)` and copy it next to progress-tracker
            """
        }
    }
}
