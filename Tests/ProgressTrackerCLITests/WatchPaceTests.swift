import Foundation
import Testing

/// `watch` ends each line with the set's rate and estimated time left, once two counts tell them.
struct WatchPaceTests {
    @Test func aLineShowsTheRateAndEstimateOnceKnown() throws {
        let cli = try CLI()
        try cli.run("create", "import", "a", "--total", "10")
        try cli.run("increment", "import", "a")
        let watch = try cli.start("watch", "import", "--interval", "0.02")
        // One count: no rate yet.
        #expect(try #require(watch.nextLine()).hasSuffix(" overall 10.0% | a 1/10 10.0%"))
        try cli.run("increment", "import", "a")
        let line = try #require(watch.nextLine())
        #expect(line.wholeMatch(of: #/\S+ overall 20\.0% \| a 2/10 20\.0% \| rate \d+\.\d\d%/s, eta \d\S*( \d+\S+)*/#) != nil, "\(line)")
        watch.process.interrupt()
        #expect(watch.waitForExit() == 130)
    }
}
