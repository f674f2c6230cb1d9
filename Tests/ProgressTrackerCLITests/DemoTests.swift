import Foundation
import ProgressTracking
import Testing

/// `demo`: a fresh run, a hard crash, and a resume that ends with exact totals.
struct DemoTests {
    private let stages = ["extract", "transform", "validate", "load"]

    private func expectComplete(_ status: TrackerSetStatus, items: Int) {
        #expect(status.order == stages)
        for stage in stages {
            #expect(status.trackers[stage]?.current == items, "\(stage)")
            #expect(status.trackers[stage]?.total == items, "\(stage)")
        }
        #expect(status.overall == 100)
    }

    @Test func aFreshRunCountsEveryRecordInEveryStage() throws {
        let cli = try CLI()
        let output = try cli.run("demo", "--items", "50")
        #expect(output.status == 0)
        #expect(output.lines.first == "starting fresh: 50 records, set \"demo\" of \(cli.db)")
        #expect(output.lines.last?.hasPrefix("done: 200 counted by this run in ") == true)
        #expect(!output.stdout.contains("\u{1B}"))  // no control codes into a pipe
        expectComplete(try cli.status(of: "demo"), items: 50)
    }

    @Test func onATerminalTheTableIsRedrawnInPlace() throws {
        let cli = try CLI()
        let output = try cli.runOnTerminal("demo", "--items", "300")
        #expect(output.status == 0)
        // Up five lines (four stages and the overall), to column 1, clear to the end of the screen.
        let redraw = "\u{1B}[5A\r\u{1B}[J"
        #expect(output.stdout.contains(redraw))
        let lastFrame = try #require(output.stdout.components(separatedBy: redraw).last).split(separator: "\n")
        #expect(lastFrame.count == 6)
        #expect(lastFrame[4].hasPrefix("overall    ████████████████████████████████████████"))
        #expect(lastFrame[4].hasSuffix("100.0%"))
        #expect(lastFrame[5].hasPrefix("done: 1200 counted by this run in "))
    }

    @Test func onADumbTerminalItPrintsPlainLines() throws {
        let cli = try CLI()
        let output = try cli.runOnTerminal("demo", "--items", "50", environment: ["TERM": "dumb"])
        #expect(output.status == 0)
        #expect(!output.stdout.contains("\u{1B}"))
        #expect(output.lines.contains { $0.hasPrefix("overall  ") && $0.hasSuffix("100.0%") })
    }

    @Test func aRunAfterACrashResumesAndCountsNoRecordTwice() throws {
        let cli = try CLI()
        let crashed = try cli.run("demo", "--items", "100", "--crash-after", "250")
        #expect(crashed.reason == .uncaughtSignal)
        #expect(crashed.status == SIGKILL)

        // Committed steps survive; the step open at the crash is lost whole.
        let afterCrash = try cli.status(of: "demo")
        let counts = stages.map { afterCrash.trackers[$0]?.current ?? -1 }
        #expect(counts.reduce(0, +) > 0)
        #expect(counts.reduce(0, +) < 250)
        #expect(counts == counts.sorted(by: >))  // a stage never passes the one before it

        let resumed = try cli.run("demo", "--items", "100")
        #expect(resumed.status == 0)
        let from = zip(stages, counts).map { "\($0) \($1)/100" }.joined(separator: ", ")
        #expect(resumed.lines.first == "resuming set \"demo\" of \(cli.db) from \(from)")
        #expect(resumed.lines.last?.hasPrefix("done: \(400 - counts.reduce(0, +)) counted by this run in ") == true)
        expectComplete(try cli.status(of: "demo"), items: 100)
    }

    @Test func aFinishedDemoOrOneForAnotherSizeStartsAfresh() throws {
        let cli = try CLI()
        try cli.run("demo", "--items", "20")
        let again = try cli.run("demo", "--items", "30")
        #expect(again.status == 0)
        #expect(again.lines.first == "starting fresh: 30 records, set \"demo\" of \(cli.db) (the earlier demo was finished or for another --items)")
        expectComplete(try cli.status(of: "demo"), items: 30)
    }

    @Test func controlCStopsAfterACommittedStepAndTheNextRunFinishes() throws {
        let cli = try CLI()
        let demo = try cli.start("demo", "--items", "100000")
        _ = demo.nextLine()  // "starting fresh: …"
        _ = demo.nextLine()  // the first progress line: the demo is counting
        demo.process.interrupt()
        #expect(demo.waitForExit() == 130)
        let stopped = try cli.status(of: "demo")
        #expect(stopped.overall > 0 && stopped.overall < 100)
        #expect(try cli.run("remove", "demo").status == 0)  // the store is consistent and writable
    }
}
