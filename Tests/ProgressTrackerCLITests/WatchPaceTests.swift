import Foundation
import Testing

/// `watch` ends each line with the set's rate and estimated time left, once two counts tell them,
/// or with how long the set has not changed once it went quiet.
struct WatchPaceTests {
    @Test func aLineShowsTheRateAndEstimateOnceKnown() throws {
        let cli = try CLI()
        try cli.run("create", "import", "a", "--total", "10")
        try cli.run("increment", "import", "a")
        // Quiet for an hour before the note replaces the rate: however slow the machine, it is live.
        let watch = try cli.start("watch", "import", "--interval", "0.02", "--stale-after", "3600")
        // One count: no rate yet.
        #expect(try #require(watch.nextLine()).hasSuffix(" overall 10.0% | a 1/10 10.0%"))
        try cli.run("increment", "import", "a")
        let line = try #require(watch.nextLine())
        #expect(line.wholeMatch(of: #/\S+ overall 20\.0% \| a 2/10 20\.0% \| rate \d+\.\d\d%/s, eta \d\S*( \d+\S+)*/#) != nil, "\(line)")
        watch.process.interrupt()
        #expect(watch.waitForExit() == 130)
    }

    @Test func aSetThatStoppedChangingSaysForHowLongInsteadOfARate() throws {
        let cli = try CLI()
        try cli.run("create", "import", "a", "--total", "10")
        try cli.run("increment", "import", "a")
        try cli.run("increment", "import", "a")
        // Quiet from the first moment: the last change is already --stale-after ago.
        let watch = try cli.start("watch", "import", "--interval", "0.02", "--stale-after", "0")
        let line = try #require(watch.nextLine())
        #expect(line.wholeMatch(of: #/\S+ overall 20\.0% \| a 2/10 20\.0% \| no change for \d\S*( \d+\S+)*/#) != nil, "\(line)")
        try cli.run("set", "import", "a", "10")
        #expect(try #require(watch.nextLine()).hasSuffix(" overall 100.0% | a 10/10 100.0%"))  // done: no note
        #expect(watch.waitForExit() == 0)
    }
}
