#if canImport(Glibc)
internal import Glibc
#endif

/// `progress-tracker-postgres`, the same tool linked with libpq, installed beside
/// `progress-tracker`, which hands it every command that may name a server.
enum SiblingTool {
    static let name = "progress-tracker-postgres"

    /// Replaces this process with the sibling when an argument or `$PROGRESS_TRACKER_DB` may
    /// name a server and the sibling is beside this executable; otherwise returns, and a
    /// command that does name a server fails saying what to build.
    ///
    /// `execv` keeps the process (its id, its terminal, its signals), so that to the shell and
    /// to a test it is still the command it started.
    static func handOverIfAServerMayBeNamed() {
        // One variable, not ProcessInfo's whole environment: this runs before every command.
        let environmentStore = getenv(StoreFile.environmentVariable).map { String(cString: $0) }
        guard CommandLine.arguments.dropFirst().contains(where: ServerAddress.mayNameAServer)
            || environmentStore.map(ServerAddress.isURI) == true
        else { return }
        guard let sibling = path() else { return }
        execv(sibling, CommandLine.unsafeArgv)
    }

    /// The sibling's path, beside this executable, if it is there and executable.
    private static func path() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        let sibling = String(executable[...slash]) + name
        return access(sibling, X_OK) == 0 ? sibling : nil
    }
}
