import Foundation
import ProgressTracking
import ProgressTrackingTestSupport
import Testing

/// The commands on a store on the PostgreSQL test server: the URI in `$PROGRESS_TRACKER_DB`
/// or `--db`, the schema in `$PROGRESS_TRACKER_SCHEMA` or `--schema`. The URI is the one with
/// a password, which must appear in no output, nor in this test's log: a leak is reported
/// by name, never by the text that holds it.
@Suite(.requiresTestPostgres) struct PostgresCommandTests {
    let server: TestPostgres
    let schema: String
    let cli: CLI
    /// The password role's URI and the schema, added to every command's environment.
    let store: [String: String]

    init() throws {
        server = try TestPostgres.server()
        schema = TestSchemas.make("cli")
        // Made by the test role, which drops it at exit; the password role is one of its members.
        try StoreSchema(schema).create()
        cli = try CLI()
        store = ["PROGRESS_TRACKER_DB": server.passwordURI, "PROGRESS_TRACKER_SCHEMA": schema]
    }

    /// How messages name the store: the server, the user and the schema.
    private var location: String {
        "\(server.host):\(server.port)/\(server.database) as \(server.passwordUser), schema \(schema)"
    }

    @discardableResult
    private func run(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI.Output {
        let output = try cli.run(arguments, environment: store)
        expectNoPassword(in: output, "`\(arguments.joined(separator: " "))`", sourceLocation: sourceLocation)
        return output
    }

    private func expectNoPassword(in output: CLI.Output, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let encoded = server.passwordURI.split(separator: "@")[0].split(separator: ":", maxSplits: 2)[2]
        for (stream, text) in [("output", output.stdout), ("error output", output.stderr)] {
            let leaks = text.contains(server.password) || text.contains(encoded)
            #expect(!leaks, "the \(stream) of \(what) shows the password", sourceLocation: sourceLocation)
        }
    }

    @Test func progressTrackerDoesNotLinkLibpqAndHandsServersToItsSibling() throws {
        let libraries = try Command.run("/usr/bin/ldd", [CLI.executable.path])
        #expect(libraries.contains("libsqlite3"))
        #expect(!libraries.contains("libpq"), "progress-tracker links libpq:\n\(libraries)")
        // The process the test started is the sibling by the time it prints: execv keeps it.
        #expect(try run("create", "import", "rows", "--total", "2").stdout == "import/rows 0/2 0.0%\n")

        let alone = cli.directory.appending(path: "progress-tracker")
        try FileManager.default.copyItem(at: CLI.executable, to: alone)
        let refused = try cli.run(["status", "import"], environment: store, executable: alone)
        expectNoPassword(in: refused, "`status` without the sibling")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("progress-tracker-postgres, and that is not installed beside it"), "\(refused.stderr)")
        // A file store needs no sibling.
        #expect(try cli.run(["create", "import", "rows", "--total", "2"], environment: [:], executable: alone).status == 0)
    }

    @Test func writeCommandsCountOnTheServerAndReadCommandsShowIt() throws {
        #expect(try run("open", "import", "rows", "--total", "4").stdout == "import/rows 0/4 0.0%\n")
        #expect(try run("increment", "import", "rows", "--item", "a").stdout == "import/rows 1/4 25.0%\n")
        #expect(try run("increment", "import", "rows", "--item", "a").stdout.contains("import/rows 1/4 25.0%"))
        try run("fail", "import", "rows", "--item", "b", "--reason", "timeout")
        try run("cursor", "import", "rows", "page-2")

        let status = try CLI.decodeStatus(try run("status", "import", "--json").stdout)
        #expect(status.trackers["rows"]?.current == 1)
        #expect(status.trackers["rows"]?.failed == 1)
        #expect(status.trackers["rows"]?.cursor == "page-2")
        #expect(try run("sets").lines.dropFirst().first?.hasPrefix("import ") == true)
        // Each row: date, time, tracker, event, count.
        let history = try run("history", "import").lines.dropFirst().map { $0.split(separator: " ").dropFirst(2).joined(separator: " ") }
        #expect(history == ["rows created 0/4", "rows started 1/4", "rows failed 1/4, 1 failed"])
        #expect(try run("failures", "import", "--csv").stdout.contains("\nrows,b,1,"))
        #expect(try run("report", "import").stdout.contains("<title>import · progress report</title>"))
    }

    @Test func everyOtherWriteCommandChangesTheServersStore() throws {
        #expect(try run("create", "import", "rows", "--total", "10").status == 0)
        #expect(try run("create", "import", "pages", "--total", "3").status == 0)
        #expect(try run("skip", "import", "rows", "--item", "r-1", "--reason", "duplicate").stdout == "import/rows 1/10 10.0%, 1 skipped\n")
        #expect(try run("set", "import", "rows", "4").stdout.hasPrefix("import/rows 4/10 40.0%"))
        #expect(try run("total", "import", "rows", "8").stdout.hasPrefix("import/rows 4/8 50.0%"))
        #expect(try run("pause", "import").stdout.hasPrefix("paused set \"import\""))
        #expect(try run("cancel", "import").stdout.hasPrefix("cancelled set \"import\""))
        #expect(try run("resume", "import").stdout.hasPrefix("resumed set \"import\""))
        #expect(try run("remove", "import", "pages").status == 0)

        let status = try CLI.decodeStatus(try run("status", "import", "--json").stdout)
        #expect(status.trackers.keys.sorted() == ["rows"])
        #expect(status.trackers["rows"].map { [$0.current, $0.total, $0.skipped] } == [4, 8, 1])
        #expect(status.state == .running)
        #expect(try run("remove", "import").status == 0)
        #expect(try run("sets").stdout.contains("import") == false)
    }

    @Test func thePostgresSchemeWorksAsWellInTheEnvironment() throws {
        let uri = server.passwordURI.replacingOccurrences(of: "postgresql://", with: "postgres://")
        let output = try cli.run(["create", "import", "rows", "--total", "2"], environment: store.merging(["PROGRESS_TRACKER_DB": uri]) { $1 })
        expectNoPassword(in: output, "create through postgres://")
        #expect(output.stdout == "import/rows 0/2 0.0%\n")
        #expect(try CLI.decodeStatus(try run("status", "import", "--json").stdout).trackers["rows"]?.total == 2)
    }

    /// Other users see a process's arguments (`ps`, /proc/PID/cmdline): the command hides the
    /// password there as soon as it has read them, in both spellings of the option.
    @Test(arguments: [["--db"], ["--db="]])
    func theProcessListDoesNotShowThePassword(option: [String]) throws {
        try run("create", "import", "rows", "--total", "2")
        let db = option == ["--db"] ? ["--db", server.passwordURI] : ["--db=" + server.passwordURI]
        let watch = try cli.start(["watch", "import", "--interval", "0.05"] + db + ["--schema", schema])
        // Its first line comes after it has parsed its arguments and opened the store.
        #expect(watch.nextLine()?.hasSuffix(" overall 0.0% | rows 0/2 0.0%") == true)
        let shown = try String(contentsOfFile: "/proc/\(watch.process.processIdentifier)/cmdline", encoding: .utf8)
        watch.killNow()
        let encoded = server.passwordURI.split(separator: "@")[0].split(separator: ":", maxSplits: 2)[2]
        #expect(!shown.contains(server.password) && !shown.contains(encoded), "the process list shows the password")
        let masked = String(repeating: "*", count: encoded.utf8.count)
        #expect(shown.contains("\(server.passwordUser):\(masked)@\(server.host):\(server.port)/\(server.database)"))
    }

    @Test func helpAndUsageErrorsDoNotShowThePassword() throws {
        for arguments in [["--help"], ["status", "--help"], ["watch", "--help"], ["status", "import", "--db", server.passwordURI, "--bogus"]] {
            let output = try cli.run(arguments, environment: store)
            expectNoPassword(in: output, "`\(arguments.first!)`")
            #expect(!output.stdout.isEmpty || !output.stderr.isEmpty)
        }
    }

    @Test func dbAndSchemaOptionsNameTheStoreBeforeOrAfterTheCommand() throws {
        // The test role's URI, without a password: options are on the command line.
        try cli.run(["--db", server.uri, "--schema", schema, "create", "import", "rows", "--total", "2"])
        let output = try cli.run(["status", "import", "--db", server.uri, "--schema", schema, "--json"])
        #expect(output.status == 0)
        #expect(try CLI.decodeStatus(output.stdout).trackers["rows"]?.total == 2)
        // Not the file $PROGRESS_TRACKER_DB names: it was never created.
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }

    @Test func watchFollowsChangesMadeFromElsewhereAndExitsAt100() throws {
        try run("create", "import", "rows", "--total", "2")
        let watch = try cli.start(["watch", "import", "--interval", "0.02", "--stale-after", "86400"], environment: store)
        #expect(watch.nextLine()?.hasSuffix(" overall 0.0% | rows 0/2 0.0%") == true)
        try run("increment", "import", "rows")
        #expect(watch.nextLine()?.hasSuffix(" overall 50.0% | rows 1/2 50.0%") == true)
        try run("increment", "import", "rows")
        #expect(watch.nextLine()?.hasSuffix(" overall 100.0% | rows 2/2 100.0%") == true)
        #expect(watch.waitForExit() == 0)
        // A set already finished: one line, and done.
        let finished = try run("watch", "import")
        #expect(finished.status == 0)
        #expect(finished.lines.last?.hasSuffix(" overall 100.0% | rows 2/2 100.0%") == true)
    }

    @Test func errorsNameTheServerAndTheUserButNotThePassword() throws {
        try run("create", "import", "rows", "--total", "2")
        #expect(try run("status", "nope").stderr == "Error: no tracker set named \"nope\" in \(location)\n")

        let missing = try cli.run(["sets"], environment: store.merging(["PROGRESS_TRACKER_SCHEMA": "no_such_schema"]) { $1 })
        expectNoPassword(in: missing, "sets in a missing schema")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot open \(server.host):\(server.port)/\(server.database) as \(server.passwordUser), schema no_such_schema"))

        let wrongPort = server.passwordURI.replacingOccurrences(of: ":\(server.port)/", with: ":1/")
        let unreachable = try cli.run(["sets"], environment: store.merging(["PROGRESS_TRACKER_DB": wrongPort]) { $1 })
        expectNoPassword(in: unreachable, "sets on a port nothing listens on")
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.hasPrefix("Error: cannot open \(server.host):1/\(server.database) as \(server.passwordUser), schema "))

        let schemaOfAFile = try cli.run("sets", "--schema", "imports")
        #expect(schemaOfAFile.stderr.contains("--schema \"imports\" names a PostgreSQL schema, but the store is the file"))
    }

    @Test func theDemoRunsOnTheServerAndSuggestsCommandsWithoutThePassword() throws {
        // The demo ignores $PROGRESS_TRACKER_DB: the URI goes on its command line.
        let output = try cli.run(["demo", "--items", "100", "--db", server.passwordURI, "--schema", schema])
        expectNoPassword(in: output, "the demo")
        #expect(output.status == 0)
        #expect(output.stdout.contains("watch it from another terminal: progress-tracker watch demo --db "))
        #expect(output.stdout.contains(":********@\(server.host):\(server.port)/\(server.database)' --schema \(schema)"))
        let status = try CLI.decodeStatus(try run("status", "demo", "--json").stdout)
        #expect(status.overall == 100)
    }
}
