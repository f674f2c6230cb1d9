import Foundation
import Testing

/// Bad input: one line on stderr naming the problem and the value, a non-zero exit status,
/// and nothing stored changed.
struct ErrorTests {
    private func expectError(_ output: CLI.Output, _ message: String, status: Int32 = 1) {
        #expect(output.status == status)
        #expect(output.stdout == "")
        #expect(output.stderr == "Error: \(message)\n")
    }

    @Test func unknownSetOrTracker() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "10")
        expectError(try cli.run("status", "nope"), "no tracker set named \"nope\" in \(cli.db)")
        expectError(try cli.run("watch", "nope"), "no tracker set named \"nope\" in \(cli.db)")
        expectError(try cli.run("increment", "nope", "rows"), "no tracker set named \"nope\" in \(cli.db)")
        expectError(try cli.run("increment", "import", "nope"), "no tracker named \"nope\" in set \"import\"")
        expectError(try cli.run("set", "import", "nope", "3"), "no tracker named \"nope\" in set \"import\"")
        expectError(try cli.run("total", "import", "nope", "3"), "no tracker named \"nope\" in set \"import\"")
        expectError(try cli.run("remove", "import", "nope"), "no tracker named \"nope\" in set \"import\"")
        expectError(try cli.run("remove", "nope"), "no tracker set named \"nope\" in \(cli.db)")
    }

    @Test func negativeNumbers() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "10")
        expectError(try cli.run("increment", "import", "rows", "--by", "-3"), "increment must not be negative: -3")
        expectError(try cli.run("create", "import", "more", "--total", "-5"), "total must not be negative: -5")
        expectError(try cli.run("open", "import", "rows", "--total", "-5"), "total must not be negative: -5")
        expectError(try cli.run("create", "import", "more", "--total", "5", "--weight", "-1"), "weight must be 0 or between 1e-18 and 1e18: -1.0")
        // A positional "-5" reads as an option; after "--" it reaches the command.
        expectError(try cli.run("set", "import", "rows", "--", "-5"), "current count must not be negative: -5")
        expectError(try cli.run("total", "import", "rows", "--", "-1"), "total must not be negative: -1")
        #expect(try cli.run("status", "import", "--json").stdout.contains(#""order":["rows"]"#))
        #expect(try cli.run("status", "import", "--json").stdout.contains(#""current":0,"failed":0,"percent":0,"skipped":0,"total":10"#))
    }

    @Test func aRefusedTrackerLeavesNoNewSetBehind() throws {
        let cli = try CLI()
        expectError(try cli.run("create", "fresh", "rows", "--total", "-1"), "total must not be negative: -1")
        #expect(try cli.run("sets").lines.count == 1)  // the header alone
    }

    @Test func aTextFileIsNotADatabaseAndIsLeftAlone() throws {
        let cli = try CLI()
        let path = cli.directory.appending(path: "notes.txt").path
        let text = Data("these are notes, not a progress store\n".utf8)
        try text.write(to: URL(filePath: path))
        for arguments in [["status", "import"], ["sets"], ["create", "import", "rows", "--total", "1"]] {
            expectError(try cli.run(arguments, environment: ["PROGRESS_TRACKER_DB": path]), "not a database file: \(path)")
        }
        #expect(FileManager.default.contents(atPath: path) == text)
    }

    @Test func aFileFromANewerVersionIsRefusedAndLeftAlone() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "1")
        let supported = try cli.schemaVersion(of: cli.db)
        try cli.setSchemaVersion(99, of: cli.db)
        let contents = FileManager.default.contents(atPath: cli.db)
        let message = "\(cli.db) has schema version 99, newer than this version of ProgressTracking supports (\(supported)); it was left untouched"
        expectError(try cli.run("status", "import"), message)
        expectError(try cli.run("increment", "import", "rows"), message)
        #expect(FileManager.default.contents(atPath: cli.db) == contents)
    }

    @Test func readingAMissingFileCreatesNothing() throws {
        let cli = try CLI()
        let hint = "(give the file with --db or $PROGRESS_TRACKER_DB)"
        expectError(try cli.run("sets"), "no progress store at \(cli.db) \(hint)")
        expectError(try cli.run("status", "import"), "no progress store at \(cli.db) \(hint)")
        expectError(try cli.run("increment", "import", "rows"), "no progress store at \(cli.db) \(hint)")
        expectError(try cli.run("sets", "--db", cli.directory.path), "\(cli.directory.path) is a directory, not a progress store file")
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }

    @Test func usageErrorsFollowTheArgumentParser() throws {
        let cli = try CLI()
        let output = try cli.run("create", "import", "rows")
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("Error: Missing expected argument '--total <n>'\n"))
        #expect(try cli.run("watch", "import", "--interval", "0").stderr
            .hasPrefix("Error: --interval must be 0.01 to 3600.0 seconds: 0.0\n"))
        #expect(try cli.run("demo", "--items", "-4").stderr.hasPrefix("Error: --items must be 1 to 1000000 records: -4\n"))
    }
}
