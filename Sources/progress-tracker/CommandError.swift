/// Failures the command line itself detects; the library's own are `ProgressTrackingError`s.
/// Each description is the one line printed after "Error: " (escaped there, by `ErrorText`).
enum CommandError: Error, CustomStringConvertible {
    case noStore(path: String)
    case directory(path: String)
    case unknownSet(String, path: String)
    case unknownTracker(String, set: String)

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
        }
    }
}
