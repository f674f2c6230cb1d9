import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

/// `sets` and `status`: what they print, at any width, and that they never change the file.
struct ReadCommandTests {
    private func makeImport(_ cli: CLI) throws {
        try cli.run("create", "import", "download", "--total", "100")
        try cli.run("create", "import", "process", "--total", "100")
        try cli.run("increment", "import", "download", "--by", "50")
        try cli.run("increment", "import", "process", "--by", "30")
    }

    @Test func statusPrintsARowPerTrackerInCreationOrderThenTheOverall() throws {
        let cli = try CLI()
        try makeImport(cli)
        let output = try cli.run("status", "import")
        #expect(output.status == 0)
        #expect(output.lines.count == 3)
        #expect(output.lines[0].hasPrefix("download  █"))
        #expect(output.lines[0].hasSuffix("  50/100   50.0%"))
        #expect(output.lines[1].hasPrefix("process   █"))
        #expect(output.lines[1].hasSuffix("  30/100   30.0%"))
        #expect(output.lines[2].hasPrefix("overall   █"))
        #expect(output.lines[2].hasSuffix("           40.0%"))
        #expect(output.lines.allSatisfy { $0.count <= 80 })
    }

    @Test func statusJSONDecodesToTheLibrarysStatus() throws {
        let cli = try CLI()
        try makeImport(cli)
        let output = try cli.run("status", "import", "--json")
        #expect(output.status == 0)
        let status = try CLI.decodeStatus(output.stdout)
        let stored = try #require(try ProgressStore(path: cli.db, readOnly: true).getTrackerSet(named: "import")?.getStatus())
        #expect(status.trackers.mapValues(\.current) == ["download": 50, "process": 30])
        #expect(status.trackers.mapValues(\.percent) == ["download": 50, "process": 30])
        #expect(status.overall == 40)
        #expect(status.order == ["download", "process"])
        // ISO 8601 text keeps whole seconds.
        let updatedAt = try #require(status.updatedAt)
        #expect(abs(updatedAt.timeIntervalSince(try #require(stored.updatedAt))) < 1)
        #expect(output.stdout.contains(#/"updatedAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/#))
    }

    @Test(arguments: [40, 200])
    func statusFitsTheWidthAndCutsLongNames(columns: Int) throws {
        let cli = try CLI()
        let longName = "a tracker with a name far longer than forty columns"
        try cli.run("create", "import", longName, "--total", "3")
        try cli.run("create", "import", "rows", "--total", "20000")
        let output = try cli.run("status", "import", environment: ["COLUMNS": "\(columns)"])
        #expect(output.status == 0)
        #expect(output.lines.allSatisfy { $0.count <= columns })
        if columns == 40 {
            #expect(output.lines[0].hasPrefix("a tracker wit…  "))
        } else {
            #expect(output.lines[0].hasPrefix(longName + "  "))
        }
        #expect(output.lines[1].hasSuffix("0/20000    0.0%"))
    }

    @Test func columnsLineUpForWideAndCombiningNames() throws {
        let cli = try CLI()
        for name in ["数据导入", "rows", "e\u{301}tape", "🇯🇵👨‍👩‍👧"] {
            try cli.run("create", "import", name, "--total", "10")
        }
        for command in [["status", "import"], ["history", "import"]] {
            let lines = try cli.run(command).lines
            // Every line is as wide as the others in columns, whatever its count of characters.
            #expect(Set(lines.dropFirst().map(DisplayWidth.of)).count == 1, "\(lines)")
        }
    }

    @Test func percentagesHaveOneDecimalAndShow100OnlyWhenDone() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "3000")
        try cli.run("create", "import", "pages", "--total", "100")
        try cli.run("set", "import", "rows", "2999")
        try cli.run("set", "import", "pages", "58")  // 100 × 0.58 is 57.999…: still 58.0%
        let output = try cli.run("status", "import")
        #expect(output.lines[0].hasSuffix("2999/3000   99.9%"))
        #expect(output.lines[1].hasSuffix("58/100   58.0%"))
    }

    @Test func setsListsEverySetWithItsCountsAndTimes() throws {
        let cli = try CLI()
        try makeImport(cli)
        try cli.run("create", "nightly", "files", "--total", "4")
        let output = try cli.run("sets")
        #expect(output.status == 0)
        #expect(output.lines.count == 3)
        #expect(output.lines[0] == "SET       TRACKERS  OVERALL  DURATION  STARTED              FINISHED")
        let time = #/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/#
        let started = try #require(try #/^import {4,}2 {3,}40\.0% +\S+  (?<started>.+)  -$/#.wholeMatch(in: output.lines[1]))
        #expect(started.output.started.wholeMatch(of: time) != nil)
        // Not started: no duration, start or finish yet.
        #expect(output.lines[2] == "nightly          1     0.0%         -  -                    -")
    }

    @Test(arguments: [40, 200])
    func setsFitsTheWidth(columns: Int) throws {
        let cli = try CLI()
        try cli.run("create", "a set whose name is longer than the terminal is wide", "t", "--total", "1")
        let output = try cli.run("sets", environment: ["COLUMNS": "\(columns)"])
        #expect(output.lines.allSatisfy { $0.count <= columns })
        #expect(output.lines[1].contains("…") == (columns == 40))
        #expect(output.lines[0].hasSuffix("FINISHED") == (columns == 200))
    }

    @Test func readingCommandsLeaveTheFileUnchanged() throws {
        let cli = try CLI()
        try makeImport(cli)
        let before = try Data(contentsOf: URL(filePath: cli.db))
        try cli.run("sets")
        try cli.run("status", "import")
        try cli.run("status", "import", "--json")
        #expect(try Data(contentsOf: URL(filePath: cli.db)) == before)
    }

    @Test func dbIsTakenBeforeOrAfterTheCommandThenFromTheEnvironmentThenTheDefault() throws {
        let cli = try CLI()
        let other = cli.directory.appending(path: "other.sqlite").path
        try cli.run("--db", other, "create", "before", "t", "--total", "1")
        try cli.run("create", "after", "t", "--total", "1", "--db", other)
        try cli.run("create", "environment", "t", "--total", "1")
        try cli.run("create", "default", "t", "--total", "1", environment: ["PROGRESS_TRACKER_DB": ""])
        #expect(try cli.run("sets", "--db", other).lines.dropFirst().map { $0.prefix { $0 != " " } } == ["before", "after"])
        #expect(try cli.run("sets").lines.dropFirst().map { $0.prefix { $0 != " " } } == ["environment"])
        let defaultFile = cli.directory.appending(path: "progress.sqlite").path
        #expect(try cli.run("--db", defaultFile, "sets").lines.dropFirst().map { $0.prefix { $0 != " " } } == ["default"])
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        let cli = try CLI()
        for command in [
            "sets", "status", "watch", "history", "failures", "create", "open", "increment", "fail", "skip", "set", "total", "cursor",
            "remove", "pause", "resume", "cancel", "demo",
        ] {
            let output = try cli.run(command, "--help")
            #expect(output.status == 0, "\(command)")
            #expect(output.stdout.contains("Example"), "\(command)")
            #expect(output.stdout.contains("progress-tracker \(command) "), "\(command)")
        }
        #expect(try cli.run("--help").stdout.contains("progress-tracker demo"))
    }
}
