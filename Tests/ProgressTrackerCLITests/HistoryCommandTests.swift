import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

/// `history`: the events of a set or a tracker, as a table, JSON or CSV, from a date on.
struct HistoryCommandTests {
    private func makeHistory(_ cli: CLI) throws {
        try cli.run("create", "import", "rows", "--total", "3")
        try cli.run("increment", "import", "rows")
        try cli.run("increment", "import", "rows", "--by", "2")
        try cli.run("create", "import", "pages, \"scanned\"", "--total", "1")
        try cli.run("remove", "import", "pages, \"scanned\"")
    }

    @Test func tableListsEveryEventOldestFirst() throws {
        let cli = try CLI()
        try makeHistory(cli)
        let output = try cli.run("history", "import")
        #expect(output.status == 0)
        #expect(output.lines.first == "TIME                 TRACKER           EVENT         COUNT")
        let rows = try output.lines.dropFirst().map { line in
            let match = try #require(try #/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  (?<rest>.*)$/#.wholeMatch(in: line))
            return String(match.output.rest)
        }
        #expect(rows == [
            "rows              created       0/3",
            "rows              started       1/3",
            "rows              completed     3/3",
            "pages, \"scanned\"  created       0/1",
            "pages, \"scanned\"  removed       0/1",
        ])
    }

    @Test func jsonAndCSVCarryTheSameEvents() throws {
        let cli = try CLI()
        try makeHistory(cli)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let json = try cli.run("history", "import", "--json")
        let events = try decoder.decode([HistoryEvent].self, from: Data(json.stdout.utf8))
        #expect(events.map(\.kind) == [.created, .started, .completed, .created, .removed])
        #expect(events.allSatisfy { $0.set == "import" })

        let csv = try cli.run("history", "import", "--csv").lines
        #expect(csv.first == "at,tracker,kind,current,total,failed,skipped")
        #expect(csv.dropFirst().map { $0.drop { $0 != "," }.dropFirst() } == [
            "rows,created,0,3,0,0",
            "rows,started,1,3,0,0",
            "rows,completed,3,3,0,0",
            "\"pages, \"\"scanned\"\"\",created,0,1,0,0",
            "\"pages, \"\"scanned\"\"\",removed,0,1,0,0",
        ])
        let times = csv.dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(times == events.map { $0.at.formatted(.iso8601) })
    }

    @Test func filtersByTrackerAndDate() throws {
        let cli = try CLI()
        try makeHistory(cli)
        #expect(try cli.run("history", "import", "rows", "--csv").lines.count == 4)
        #expect(try cli.run("history", "import", "--since", "2000-01-01", "--csv").lines.count == 6)
        #expect(try cli.run("history", "import", "--since", "2999-01-01T00:00:00Z", "--csv").lines == ["at,tracker,kind,current,total,failed,skipped"])
    }

    @Test(arguments: [60, 200])
    func tableFitsTheWidthAndCutsLongNames(columns: Int) throws {
        let cli = try CLI()
        let longName = "a tracker with a name far longer than the terminal leaves for it"
        try cli.run("create", "import", longName, "--total", "3")
        let output = try cli.run("history", "import", environment: ["COLUMNS": "\(columns)"])
        #expect(output.lines.allSatisfy { DisplayWidth.of($0) <= columns })
        #expect(output.lines[1].contains(longName + "  ") == (columns == 200))
        #expect(output.lines[1].hasSuffix("  created       0/3"))
    }

    @Test func refusesAnUnknownSetABadDateAndTwoFormats() throws {
        let cli = try CLI()
        try makeHistory(cli)
        let unknown = try cli.run("history", "nope")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: no tracker set named \"nope\" in \(cli.db)\n")
        let badDate = try cli.run("history", "import", "--since", "yesterday")
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("not a date: yesterday"))
        #expect(try cli.run("history", "import", "--json", "--csv").status == 64)
    }

    /// Local time is the C library's reading of `$TZ`: the table's times, and the day a plain
    /// `--since` date starts, both follow it.
    @Test func localTimesFollowTZ() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "1")
        let at = try Date(String(cli.run("history", "import", "--csv").lines[1].prefix { $0 != "," }), strategy: .iso8601)
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        let local = Date.VerbatimFormatStyle(
            format: "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
            timeZone: kolkata, calendar: Calendar(identifier: .gregorian)
        )
        let table = try cli.run("history", "import", environment: ["TZ": "Asia/Kolkata"])
        #expect(table.lines[1].hasPrefix(at.formatted(local) + "  rows"))

        // A day starts at its local midnight: before midnight UTC east of Greenwich, after it west.
        let since = ["history", "import", "--since", "2026-11-24", "--until", "2026-11-24T00:00:00Z", "--csv"]
        #expect(try cli.run(since, environment: ["TZ": "Asia/Kolkata"]).status == 0)
        let west = try cli.run(since, environment: ["TZ": "America/New_York"])
        #expect(west.stderr.hasPrefix("Error: --until must be later than --since: 2026-11-24T00:00:00Z is not after 2026-11-24T05:00:00Z\n"))
    }

    @Test func historyLeavesTheFileUnchanged() throws {
        let cli = try CLI()
        try makeHistory(cli)
        let before = try Data(contentsOf: URL(filePath: cli.db))
        try cli.run("history", "import", "--json")
        #expect(try Data(contentsOf: URL(filePath: cli.db)) == before)
    }

    @Test func historyOfATrackerThatNeverExistedIsRefusedButARemovedOneIsShown() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "1")
        try cli.run("create", "import", "gone", "--total", "1")
        try cli.run("remove", "import", "gone")
        let unknown = try cli.run("history", "import", "nope")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: no tracker named \"nope\" in set \"import\"\n")
        let removed = try cli.run("history", "import", "gone", "--csv")
        #expect(removed.status == 0)
        #expect(removed.lines.dropFirst().map { $0.split(separator: ",")[2] } == ["created", "removed"])
        // A tracker that exists but has no event in the range is simply empty.
        let later = try cli.run("history", "import", "rows", "--since", "2999-01-01", "--csv")
        #expect(later.status == 0)
        #expect(later.lines == ["at,tracker,kind,current,total,failed,skipped"])
    }

    @Test func historyTakesAnUntilDateAndShowsNoDefaultForItsFormatFlag() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "1")
        #expect(try cli.run("history", "import", "--until", "2000-01-01", "--csv").lines.count == 1)
        #expect(try cli.run("history", "import", "--since", "2000-01-01", "--until", "2999-01-01T00:00:00Z", "--csv").lines.count == 2)
        let backwards = try cli.run("history", "import", "--since", "2026-11-24", "--until", "2026-11-24")
        #expect(backwards.status == 64)
        #expect(backwards.stderr.hasPrefix("Error: --until must be later than --since: "))
        let help = try cli.run("history", "--help").stdout
        #expect(help.contains("--until <date>"))
        #expect(!help.contains("(default: --table)"))
    }
}
