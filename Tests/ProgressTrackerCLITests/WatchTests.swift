import Foundation
import Testing

/// `watch` into a pipe: a plain line per change made by other processes, exit 0 at 100%.
/// (`--stale-after 86400`: no test waits long enough for a quiet note to replace the pace.)
struct WatchTests {
    /// `2026-11-25T12:30:05Z overall 33.3% | a 1/2 50.0% | b 0/1 0.0%` → the part after the time.
    private func status(of line: String?) throws -> Substring {
        let line = try #require(line)
        let match = try #require(try #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (?<status>.*)$/#.wholeMatch(in: line))
        return match.output.status
    }

    @Test func printsALinePerChangeByAnotherProcessAndExitsAt100() throws {
        let cli = try CLI()
        try cli.run("create", "import", "a", "--total", "2")
        try cli.run("create", "import", "b", "--total", "1")
        let watch = try cli.start("watch", "import", "--interval", "0.02", "--stale-after", "86400")
        // Each change is made only after the line for the previous state was read, so every
        // change has its own line, whatever the timing.
        #expect(try status(of: watch.nextLine()) == "overall 0.0% | a 0/2 0.0% | b 0/1 0.0%")
        try cli.run("increment", "import", "a")
        #expect(try status(of: watch.nextLine()) == "overall 33.3% | a 1/2 50.0% | b 0/1 0.0%")
        try cli.run("increment", "import", "b", "--item", "x")
        #expect(try status(of: watch.nextLine()) == "overall 66.6% | a 1/2 50.0% | b 1/1 100.0%")
        try cli.run("increment", "import", "a")
        #expect(try status(of: watch.nextLine()) == "overall 100.0% | a 2/2 100.0% | b 1/1 100.0%")
        #expect(watch.nextLine() == nil)
        #expect(watch.waitForExit() == 0)
    }

    @Test func aWriteThatChangesNothingPrintsNothing() throws {
        let cli = try CLI()
        try cli.run("create", "import", "a", "--total", "2")
        try cli.run("increment", "import", "a", "--item", "x")
        let watch = try cli.start("watch", "import", "--interval", "0.02", "--stale-after", "86400")
        #expect(try status(of: watch.nextLine()) == "overall 50.0% | a 1/2 50.0%")
        try cli.run("increment", "import", "a", "--item", "x")  // already counted
        try cli.run("create", "other", "t", "--total", "1")  // another set of the file
        try cli.run("increment", "import", "a", "--item", "y")
        #expect(try status(of: watch.nextLine()) == "overall 100.0% | a 2/2 100.0%")
        #expect(watch.waitForExit() == 0)
    }

    @Test func aFinishedSetPrintsOnceAndExits() throws {
        let cli = try CLI()
        try cli.run("create", "import", "a", "--total", "1")
        try cli.run("set", "import", "a", "1")
        let output = try cli.run("watch", "import")
        #expect(output.status == 0)
        #expect(output.lines.count == 1)
        #expect(try status(of: output.lines.first) == "overall 100.0% | a 1/1 100.0%")
        #expect(!output.stdout.contains("\u{1B}"))  // no control codes into a pipe
    }

    @Test func controlCStopsWatchingWithStatus130() throws {
        let cli = try CLI()
        try cli.run("create", "import", "a", "--total", "2")
        let watch = try cli.start("watch", "import", "--interval", "0.02", "--stale-after", "86400")
        _ = watch.nextLine()  // the first state: watch is now in its loop
        watch.process.interrupt()
        #expect(watch.waitForExit() == 130)
    }
}
