import CPostgresBaseline
import Foundation

/// The server of the PostgreSQL rows: what it is (printed above their table and written to
/// the JSON, since fsync and the way in change what a commit costs), the schemas the sides work in, and, when it runs on
/// this machine, how much CPU its processes used.
final class PostgresServer {
    let uri: String
    private let db: OpaquePointer?
    /// The postmaster's process id, when the server runs on this machine; nil otherwise.
    private let postmaster: Int32?
    /// Every schema a row made, dropped by `dropSchemas()`.
    private var schemas: [String] = []

    /// The server `--postgres` names, else `$PROGRESS_TRACKER_TEST_POSTGRES`; nil when neither
    /// is set. Under `CI=true` a missing server is an error, as it is for the tests.
    static func configured(_ options: Options) throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let uri = options.postgres ?? environment["PROGRESS_TRACKER_TEST_POSTGRES"], !uri.isEmpty { return uri }
        guard environment["CI"] != "true" else {
            throw BenchError("CI=true and no PostgreSQL server: set PROGRESS_TRACKER_TEST_POSTGRES or pass --postgres URI")
        }
        return nil
    }

    init(uri: String) throws {
        self.uri = uri
        var db: OpaquePointer?
        let rc = pgb_open(uri, nil, &db)
        self.db = db
        guard rc == 0 else {
            let message = String(cString: pgb_error(db))
            pgb_close(db)
            throw BenchError("PostgreSQL server: \(message)")
        }
        postmaster = Self.parent(of: pgb_backend_pid(db))
    }

    deinit { pgb_close(db) }

    /// `current_setting(name)`.
    func setting(_ name: String) throws -> String {
        var value = [CChar](repeating: 0, count: 256)
        guard pgb_setting(db, name, &value, Int32(value.count)) == 0 else { throw BenchError(String(cString: pgb_error(db))) }
        return String(decoding: value.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What the rows ran on: the JSON's `server` field and the line above their table.
    struct Description: Encodable {
        /// `server_version`.
        let version: String
        /// The settings that decide what a commit costs, by their PostgreSQL names.
        let settings: [String: String]
        /// The way in: "Unix socket DIR", "TCP loopback HOST:PORT" or "TCP HOST:PORT".
        let connection: String
        /// Whether the server runs on the benchmark's machine, sharing its cores.
        let onThisMachine: Bool

        static let settingNames = ["fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers"]

        var summary: String {
            let settings = Self.settingNames.compactMap { name in self.settings[name].map { "\(name) \($0)" } }
            return "PostgreSQL \(version) \(onThisMachine ? "on this machine" : "on another machine"), over \(connection); "
                + settings.joined(separator: ", ")
        }
    }

    func description() throws -> Description {
        let settings = try Description.settingNames.map { ($0, try setting($0)) }
        return Description(
            version: try setting("server_version"),
            settings: Dictionary(uniqueKeysWithValues: settings),
            connection: connection(),
            onThisMachine: postmaster != nil
        )
    }

    private func connection() -> String {
        let host = String(cString: pgb_host(db)), port = String(cString: pgb_port(db))
        if host.hasPrefix("/") { return "Unix socket \(host)" }
        let loopback = host == "localhost" || host.hasPrefix("127.") || host == "::1"
        return "TCP \(loopback ? "loopback " : "")\(host):\(port)"
    }

    /// A new schema's name for `side` in `row`, unique to this run: dropped at the end.
    func schema(row: String, side: SideKind) -> String {
        let name = "progress_bench_\(getpid())_\(side.rawValue)_\(row.replacingOccurrences(of: ".", with: "_"))"
        schemas.append(name)
        return name
    }

    func dropSchemas() throws {
        for schema in schemas where pgb_drop_schema(db, schema) != 0 {
            throw BenchError("dropping \(schema): \(String(cString: pgb_error(db)))")
        }
        schemas = []
    }

    // MARK: - CPU

    /// CPU seconds the server's processes have used: the postmaster's, its live children's,
    /// and those of its children that exited (which the kernel adds to the postmaster's
    /// `cutime` and `cstime` when it reaps them). Nil when the server is not on this machine.
    func cpuSeconds() -> Double? {
        guard let postmaster, let own = Self.ticks(of: postmaster, withChildren: true) else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(postmaster)/task/\(postmaster)/children", encoding: .utf8)) ?? ""
        let live = children.split(separator: " ").compactMap { Int32($0).flatMap { Self.ticks(of: $0, withChildren: false) } }
        return Double(own + live.reduce(0, +)) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The fields of /proc/PID/stat after the command's closing parenthesis (which may hold spaces).
    private static func statFields(of pid: Int32) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")")
        else { return nil }
        return stat[stat.index(after: end)...].split(separator: " ")
    }

    /// utime + stime (fields 14 and 15), and with `withChildren` cutime + cstime (16 and 17).
    private static func ticks(of pid: Int32, withChildren: Bool) -> Int? {
        guard let fields = statFields(of: pid), fields.count > 15 else { return nil }
        // fields[0] is field 3 (state).
        let used = (withChildren ? 11...14 : 11...12).compactMap { Int(fields[$0]) }
        return used.reduce(0, +)
    }

    /// The parent of a server process, if it is a process of this machine named postgres.
    private static func parent(of pid: Int32) -> Int32? {
        guard let command = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8), command.hasPrefix("postgres"),
              let fields = statFields(of: pid), fields.count > 1
        else { return nil }
        return Int32(fields[1])
    }
}

/// CPU seconds (user and system) of this process, or of its children that have been waited for.
func cpuSeconds(children: Bool = false) -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue), &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
