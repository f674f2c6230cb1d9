import Foundation
import ProgressTracking
import Testing

/// What the command line accepts: a store path that is a file, and numbers within the ranges
/// their help states; anything else is refused with a message, never a crash.
struct InputRuleTests {
    @Test func anEmptyDbIsRefusedAndNothingIsWritten() throws {
        let cli = try CLI()
        for arguments in [["--db", "", "create", "import", "rows", "--total", "1"], ["create", "import", "rows", "--total", "1", "--db", ""],
                          ["demo", "--items", "10", "--db", ""], ["sets", "--db", ""]] {
            let output = try cli.run(arguments)
            #expect(output.status == 64, "\(arguments)")
            #expect(output.stdout == "")
            #expect(output.stderr.hasPrefix("Error: --db must name a file: an empty path would write to a temporary database that vanishes on exit\n"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).allSatisfy { !$0.hasSuffix(".sqlite") })
    }

    @Test func anEmptyEnvironmentVariableMeansUnsetAndTheHelpSaysSo() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "1", environment: ["PROGRESS_TRACKER_DB": ""])
        #expect(FileManager.default.fileExists(atPath: cli.directory.appending(path: "progress.sqlite").path))
        let help = { (command: [String]) in try cli.run(command).stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression) }
        #expect(try help(["--help"]).contains("An empty --db is refused; an empty $PROGRESS_TRACKER_DB counts as unset."))
        #expect(try help(["status", "--help"]).contains("(default: $PROGRESS_TRACKER_DB when set and not empty, else ./progress.sqlite)"))
    }

    @Test(arguments: [
        (["watch", "import", "--interval"], ["1e19", "1e300", "1e-9", "nan", "-1", "inf", "0", "3601"], "--interval must be 0.01 to 3600.0 seconds"),
        (["watch", "import", "--stale-after"], ["-1", "86401", "1e300", "nan", "-inf"], "--stale-after must be 0.0 to 86400.0 seconds"),
        (["demo", "--items"], ["0", "-4", "1000001", "\(Int.max)"], "--items must be 1 to 1000000 records"),
        (["demo", "--items", "100", "--crash-after"], ["0", "-1", "401", "\(Int.max)"], "--crash-after must be 1 to 400 counts"),
        (["failures", "import", "--limit"], ["0", "-1", "\(Int.min)"], "--limit must be 1 or more failures"),
    ])
    func numbersOutsideTheirRangeAreRefused(command: [String], values: [String], message: String) throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "1")
        for value in values {
            let output = try cli.run(command + [value])
            #expect(output.reason == .exit)
            #expect(output.status == 64, "\(value)")
            #expect(output.stderr.hasPrefix("Error: \(message): "), "\(value): \(output.stderr)")
        }
    }

    @Test func theRangeOfEveryNumberIsInItsHelp() throws {
        let cli = try CLI()
        let help = { (command: String) in try cli.run(command, "--help").stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression) }
        #expect(try help("watch").contains("Seconds between two checks for changes: 0.01 to 3600.0 seconds."))
        #expect(try help("watch").contains("has not changed: 0.0 to 86400.0 seconds."))
        #expect(try help("demo").contains("How many records to import: 1 to 1000000 records."))
        #expect(try help("demo").contains("across the stages: 1 to 4 × --items."))
        for command in ["create", "open"] {
            #expect(try help(command).contains("How many items the tracker expects: 0 or more."))
            #expect(try help(command).contains("0, or from 1e-18 to 1e18"))
        }
        #expect(try help("failures").contains("At most this many, the oldest: 1 or more failures (default: all)."))
        #expect(try help("increment").contains("How much to add: 0 or more, as long as the count stays within \(Int.max)"))
        #expect(try help("set").contains("The new count: 0 or more."))
        #expect(try help("total").contains("The new total: 0 or more."))
    }

    @Test func numbersTheParserTakesNeverCrashTheCommand() throws {
        let cli = try CLI()
        for arguments in [
            ["create", "import", "huge", "--total", "\(Int.max)", "--weight", "1e18"],
            ["create", "import", "heavy", "--total", "1", "--weight", "1e308"],
            ["create", "import", "nan", "--total", "1", "--weight", "nan"],
            ["create", "import", "inf", "--total", "1", "--weight", "1e400"],
            ["create", "import", "big", "--total", "99999999999999999999"],
            ["increment", "import", "huge", "--by", "\(Int.max)"],
            ["increment", "import", "huge", "--by", "1"],
            ["set", "import", "huge", "\(Int.max - 1)"],
            ["total", "import", "huge", "--", "\(Int.min)"],
            ["status", "import"], ["sets"], ["history", "import"], ["watch", "import", "--interval", "0.01", "--stale-after", "0"],
        ] where arguments[0] != "watch" {
            let output = try cli.run(arguments)
            #expect(output.reason == .exit, "\(arguments)")
            #expect([0, 1, 64].contains(output.status), "\(arguments): \(output.stderr)")
        }
        // Counts at Int.max and the largest weight crash no renderer.
        let status = try cli.run("status", "import")
        #expect(status.status == 0)
        #expect(status.lines.first?.contains("/\(Int.max)") == true)
    }

    @Test func openTakesAWeightAndKeepsTheStoredOneWithoutIt() throws {
        let cli = try CLI()
        #expect(try cli.run("open", "import", "rows", "--total", "10", "--weight", "3").stdout == "import/rows 0/10 0.0%\n")
        try cli.run("open", "import", "rows", "--total", "20")
        #expect(try ProgressStore(path: cli.db).getTrackerSet(named: "import")?.getTracker("rows")?.weight == 3)
        try cli.run("open", "import", "rows", "--total", "20", "--weight", "0.5")
        #expect(try ProgressStore(path: cli.db).getTrackerSet(named: "import")?.getTracker("rows")?.weight == 0.5)
        #expect(try cli.run("open", "import", "rows", "--total", "20", "--weight", "-1").stderr == "Error: weight must be 0 or between 1e-18 and 1e18: -1.0\n")
    }
}
