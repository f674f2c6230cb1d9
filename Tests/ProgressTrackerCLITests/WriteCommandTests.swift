import Foundation
import ProgressTracking
import Testing

/// `create`, `open`, `increment`, `set`, `total` and `remove`: one library write each, and
/// one line saying where the tracker stands.
struct WriteCommandTests {
    @Test func createPrintsTheNewTrackerAndStoresItsWeight() throws {
        let cli = try CLI()
        let output = try cli.run("create", "import", "rows", "--total", "200", "--weight", "3")
        #expect(output.status == 0)
        #expect(output.stdout == "import/rows 0/200 0.0%\n")
        let tracker = try #require(try ProgressStore(path: cli.db).getTrackerSet(named: "import")?.getTracker("rows"))
        #expect(try tracker.total == 200)
        #expect(try tracker.weight == 3)
    }

    @Test func createRefusesATrackerThatExists() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "10")
        try cli.run("increment", "import", "rows", "--by", "4")
        let output = try cli.run("create", "import", "rows", "--total", "99")
        #expect(output.status == 1)
        #expect(output.stderr == "Error: tracker \"rows\" already exists in set \"import\"\n")
        let json = try cli.run("status", "import", "--json").stdout
        #expect(json.contains(#""current":4,"#) && json.contains(#""percent":40,"#) && json.contains(#""total":10,"#))
    }

    @Test func openResumesTheCountAndReplacesTheTotal() throws {
        let cli = try CLI()
        #expect(try cli.run("open", "import", "rows", "--total", "10").stdout == "import/rows 0/10 0.0%\n")
        try cli.run("increment", "import", "rows", "--by", "5")
        let output = try cli.run("open", "import", "rows", "--total", "20")
        #expect(output.status == 0)
        #expect(output.stdout == "import/rows 5/20 25.0%\n")
    }

    @Test func incrementAddsOneOrTheGivenAmount() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "8")
        #expect(try cli.run("increment", "import", "rows").stdout == "import/rows 1/8 12.5%\n")
        let output = try cli.run("increment", "import", "rows", "--by", "3")
        #expect(output.status == 0)
        #expect(output.stdout == "import/rows 4/8 50.0%\n")
    }

    @Test func incrementCountsAnItemOnlyOnce() throws {
        let cli = try CLI()
        try cli.run("create", "import", "files", "--total", "2")
        #expect(try cli.run("increment", "import", "files", "--item", "a.csv").stdout == "import/files 1/2 50.0%\n")
        let again = try cli.run("increment", "import", "files", "--item", "a.csv")
        #expect(again.status == 0)
        #expect(again.stdout == "import/files 1/2 50.0% (item \"a.csv\" was already counted)\n")
        #expect(try cli.run("increment", "import", "files", "--item", "b.csv").stdout == "import/files 2/2 100.0%\n")
    }

    @Test func incrementRefusesByAndItemTogether() throws {
        let cli = try CLI()
        try cli.run("create", "import", "files", "--total", "2")
        let output = try cli.run("increment", "import", "files", "--by", "2", "--item", "a.csv")
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("Error: --by and --item cannot be used together"))
        #expect(try cli.run("status", "import", "--json").stdout.contains(#""current":0"#))
    }

    @Test func setAndTotalReplaceTheValues() throws {
        let cli = try CLI()
        try cli.run("create", "download", "bytes", "--total", "1000")
        #expect(try cli.run("set", "download", "bytes", "250").stdout == "download/bytes 250/1000 25.0%\n")
        let output = try cli.run("total", "download", "bytes", "500")
        #expect(output.status == 0)
        #expect(output.stdout == "download/bytes 250/500 50.0%\n")
    }

    @Test func removeDeletesATrackerThenTheSet() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "1")
        try cli.run("create", "import", "files", "--total", "1")
        let tracker = try cli.run("remove", "import", "rows")
        #expect(tracker.status == 0)
        #expect(tracker.stdout == "removed tracker \"rows\" from set \"import\"\n")
        #expect(try cli.run("status", "import", "--json").stdout.contains(#""order":["files"]"#))
        let set = try cli.run("remove", "import")
        #expect(set.stdout == "removed tracker set \"import\"\n")
        #expect(try cli.run("sets").lines.count == 1)  // the header alone
    }

    @Test func aShellLoopCountsItsWork() throws {
        let cli = try CLI()
        try cli.run("create", "nightly", "files", "--total", "5")
        for file in ["a", "b", "c", "b", "d"] {
            #expect(try cli.run("increment", "nightly", "files", "--item", file).status == 0)
        }
        let status = try cli.status(of: "nightly")
        #expect(status.trackers["files"]?.current == 4)
        #expect(status.trackers["files"]?.total == 5)
    }
}
