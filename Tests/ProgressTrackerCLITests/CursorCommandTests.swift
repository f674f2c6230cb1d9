import Foundation
import ProgressTracking
import Testing

/// `cursor`: a tracker's resume cursor, printed (escaped, or exact with --json), set or cleared,
/// each write saying what it replaced.
struct CursorCommandTests {
    @Test func printsSetsAndClearsTheCursor() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "10")
        #expect(try cli.run("cursor", "import", "rows").stdout == "import/rows: no cursor\n")
        #expect(try cli.run("cursor", "import", "rows", "--json").stdout == "null\n")
        let set = try cli.run("cursor", "import", "rows", "page-42")
        #expect(set.status == 0)
        #expect(set.stdout == "import/rows: cursor \"page-42\" (was none)\n")
        #expect(try cli.run("cursor", "import", "rows", "page-43").stdout == "import/rows: cursor \"page-43\" (was \"page-42\")\n")
        #expect(try cli.run("cursor", "import", "rows", "page-43").stdout == "import/rows: cursor \"page-43\" (unchanged)\n")
        #expect(try cli.run("cursor", "import", "rows").stdout == "import/rows: cursor \"page-43\"\n")
        #expect(try cli.run("cursor", "import", "rows", "--json").stdout == "\"page-43\"\n")
        #expect(try cli.status(of: "import").trackers["rows"]?.cursor == "page-43")
        #expect(try cli.run("cursor", "import", "rows", "--clear").stdout == "import/rows: no cursor (was \"page-43\")\n")
        #expect(try cli.run("cursor", "import", "rows", "--clear").stdout == "import/rows: no cursor (unchanged)\n")
        #expect(try cli.run("cursor", "import", "rows", "--", "-1").stdout == "import/rows: cursor \"-1\" (was none)\n")
        #expect(try cli.run("cursor", "import", "rows", "").stdout == "import/rows: cursor \"\" (was \"-1\")\n")
        #expect(try ProgressStore(path: cli.db).getTrackerSet(named: "import")?.getTracker("rows")?.cursor == "")
    }

    @Test func theCursorIsShownEscapedAndCutButJSONIsExact() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "10")
        let cursor = "\u{1B}]0;owned\u{7}" + String(repeating: "c", count: 200)
        let set = try cli.run("cursor", "import", "rows", cursor)
        #expect(set.stdout == #"import/rows: cursor "\e]0;owned\u{7}"# + String(repeating: "c", count: 64) + "…\" (was none)\n")
        let json = try cli.run("cursor", "import", "rows", "--json").stdout
        #expect(!json.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
        #expect(try JSONDecoder().decode(String.self, from: Data(json.utf8)) == cursor)
    }

    @Test func refusesBadArgumentsAndUnknownTrackers() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "10")
        let both = try cli.run("cursor", "import", "rows", "x", "--clear")
        #expect(both.status == 64)
        #expect(both.stderr.hasPrefix("Error: give a new cursor or --clear, not both\n"))
        let json = try cli.run("cursor", "import", "rows", "x", "--json")
        #expect(json.status == 64)
        #expect(json.stderr.hasPrefix("Error: --json prints the cursor; it cannot set or clear it\n"))
        let long = try cli.run("cursor", "import", "rows", String(repeating: "x", count: 70_000))
        #expect(long.status == 1)
        #expect(long.stderr.hasPrefix("Error: cursor is 70000 UTF-8 bytes long, more than the limit of 65536: \"xxx"))
        for arguments in [["cursor", "import", "nope"], ["cursor", "import", "nope", "x"]] {
            let unknown = try cli.run(arguments)
            #expect(unknown.status == 1)
            #expect(unknown.stderr == "Error: no tracker named \"nope\" in set \"import\"\n")
        }
        #expect(try cli.run("cursor", "import", "rows").stdout == "import/rows: no cursor\n")
    }

    @Test func readingTheCursorLeavesTheFileUnchanged() throws {
        let cli = try CLI()
        try cli.run("create", "import", "rows", "--total", "10")
        try cli.run("cursor", "import", "rows", "page-1")
        let before = try Data(contentsOf: URL(filePath: cli.db))
        try cli.run("cursor", "import", "rows")
        try cli.run("cursor", "import", "rows", "--json")
        #expect(try Data(contentsOf: URL(filePath: cli.db)) == before)
    }
}
