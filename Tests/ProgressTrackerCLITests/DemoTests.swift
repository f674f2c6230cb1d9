import Foundation
import ProgressTracking
import Testing

/// `demo`: a fresh run that fails some records and retries them, a hard crash, and a resume
/// that ends with exact totals and cursors that agree with the counts.
struct DemoTests {
    static let stages = ["extract", "transform", "validate", "load"]

    /// The demo on the test's store: it ignores `$PROGRESS_TRACKER_DB`, so it is given `--db`.
    static func demo(_ cli: CLI, _ arguments: String...) throws -> CLI.Output {
        try cli.run(["demo", "--db", cli.db] + arguments)
    }

    /// Each stage's place, as its cursor says.
    static func positions(_ status: TrackerSetStatus) throws -> [Int] {
        try stages.map { stage in
            let cursor = try #require(status.trackers[stage]?.cursor)
            let match = try #require(try #/^progress-tracker demo v1: after record (\d+) of \d+$/#.wholeMatch(in: cursor))
            return try #require(Int(match.output.1))
        }
    }

    /// The cursors and the counts agree: every stage has counted the records it passed, but
    /// for load's failures not retried yet.
    static func expectCursorsAgreeWithCounts(_ status: TrackerSetStatus, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (stage, position) in zip(stages, try positions(status)) {
            let tracker = try #require(status.trackers[stage])
            #expect(tracker.current + tracker.failed == position, "\(stage)", sourceLocation: sourceLocation)
        }
    }

    static func expectComplete(_ status: TrackerSetStatus, items: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(status.order == stages, sourceLocation: sourceLocation)
        for stage in stages {
            #expect(status.trackers[stage]?.current == items, "\(stage)", sourceLocation: sourceLocation)
            #expect(status.trackers[stage]?.total == items, "\(stage)", sourceLocation: sourceLocation)
        }
        #expect(try positions(status) == Array(repeating: items, count: stages.count), sourceLocation: sourceLocation)
        #expect(status.failed == 0, sourceLocation: sourceLocation)
        #expect(status.overall == 100, sourceLocation: sourceLocation)
    }

    /// `extract 100/100, transform 40/100, …`, as the demo describes where it is.
    static func described(_ positions: [Int], of items: Int) -> String {
        zip(stages, positions).map { "\($0) \($1)/\(items)" }.joined(separator: ", ")
    }

    @Test func aFreshRunFailsEvery97thRecordOnceRetriesItAndEndsAtExactly100() throws {
        let cli = try CLI()
        let output = try Self.demo(cli, "--items", "300")
        #expect(output.status == 0)
        #expect(Array(output.lines.prefix(4)) == [
            "starting fresh: 300 records, set \"demo\" of \(cli.db)",
            "load fails every 97th record once (\"simulated timeout\", 3 of 300) and retries them at the end",
            "watch it from another terminal: progress-tracker watch demo",
            "pause it there: progress-tracker pause demo (then resume, or cancel to stop it, the same way)",
        ])
        #expect(output.lines.contains("retry pass: load retries its 3 failed records"))
        #expect(output.lines.contains { $0.hasPrefix("overall ") && $0.contains("| load ") && $0.hasSuffix(", 1 failed") })
        #expect(output.lines.dropLast().last == "failures: 3 records failed their first attempt in load, 3 retried and counted")
        #expect(output.lines.last?.hasPrefix("done: 1200 counted by this run in ") == true)
        #expect(!output.stdout.contains("\u{1B}"))  // no control codes into a pipe
        try Self.expectComplete(try cli.status(of: "demo"), items: 300)

        let resolved = try cli.run("failures", "demo", "--resolved", "--csv").lines.dropFirst()
        #expect(resolved.map { $0.split(separator: ",").prefix(3).joined(separator: ",") } == ["load,record-97,1", "load,record-194,1", "load,record-291,1"])
        #expect(resolved.allSatisfy { $0.contains(",simulated timeout,counted,") })
        #expect(try cli.run("failures", "demo", "--csv").lines.count == 1)  // none left unresolved
    }

    @Test func onATerminalTheTableIsRedrawnInPlaceWithWhatTheRunDoes() throws {
        let cli = try CLI()
        let output = try cli.runOnTerminal("demo", "--db", cli.db, "--items", "300")
        #expect(output.status == 0)
        // Up six lines (four stages, the overall and the line under them), to column 1, clear to the end of the screen.
        let redraw = "\u{1B}[6A\r\u{1B}[J"
        let frames = output.stdout.components(separatedBy: redraw)
        #expect(frames.count > 2)
        // The first frame is drawn at the first step; the retry pass is drawn as it begins.
        #expect(frames.first?.hasSuffix("\nload: 0 records failed so far, retried at the end\n") == true)
        #expect(frames.contains { $0.hasSuffix("\nload's retry pass: 3 failed records left to retry\n") })
        let lastFrame = try #require(frames.last).split(separator: "\n")
        #expect(lastFrame.count == 7)
        #expect(lastFrame[4].hasPrefix("overall    ████████████████████████████████████████"))
        #expect(lastFrame[4].hasSuffix("100.0%"))
        #expect(lastFrame[5] == "failures: 3 records failed their first attempt in load, 3 retried and counted")
        #expect(lastFrame[6].hasPrefix("done: 1200 counted by this run in "))
    }

    @Test func onADumbTerminalItPrintsPlainLines() throws {
        let cli = try CLI()
        let output = try cli.runOnTerminal("demo", "--db", cli.db, "--items", "50", environment: ["TERM": "dumb"])
        #expect(output.status == 0)
        #expect(!output.stdout.contains("\u{1B}"))
        #expect(output.lines.contains { $0.hasPrefix("overall  ") && $0.hasSuffix("100.0%") })
    }

    @Test(arguments: [150, 250, 398, 399])
    func aRunAfterACrashResumesFromItsCursorsAndCountsNoRecordTwice(crashAfter: Int) throws {
        let cli = try CLI()
        let crashed = try Self.demo(cli, "--items", "100", "--crash-after", "\(crashAfter)")
        #expect(crashed.reason == .uncaughtSignal)
        #expect(crashed.status == SIGKILL)

        // Committed steps survive, their cursors with them; the step open at the crash is lost whole.
        let afterCrash = try cli.status(of: "demo")
        try Self.expectCursorsAgreeWithCounts(afterCrash)
        let counts = Self.stages.map { afterCrash.trackers[$0]?.current ?? -1 }
        let positions = try Self.positions(afterCrash)
        #expect(counts.reduce(0, +) > 0)
        #expect(counts.reduce(0, +) < crashAfter)
        #expect(positions == positions.sorted(by: >))  // a stage never passes the one before it

        let resumed = try Self.demo(cli, "--items", "100")
        #expect(resumed.status == 0)
        let waiting = afterCrash.failed == 0 ? "" : "; 1 failed record waiting for the retry pass"
        #expect(resumed.lines.first == "resuming set \"demo\" of \(cli.db) from its cursors: \(Self.described(positions, of: 100))\(waiting)")
        #expect(resumed.lines.dropLast().last == "failures: 1 record failed their first attempt in load, 1 retried and counted")
        #expect(resumed.lines.last?.hasPrefix("done: \(400 - counts.reduce(0, +)) counted by this run in ") == true)
        try Self.expectComplete(try cli.status(of: "demo"), items: 100)
        // Record 97 failed once, in whichever run reached it, and was counted once.
        #expect(try cli.run("failures", "demo", "--all", "--csv").lines.dropFirst().map { $0.split(separator: ",").prefix(4).joined(separator: ",") }
            .allSatisfy { $0.hasPrefix("load,record-97,1,") })
        #expect(try cli.run("failures", "demo", "--all", "--csv").lines.count == 2)
    }

    @Test func aFinishedDemoOrOneForAnotherSizeStartsAfresh() throws {
        let cli = try CLI()
        _ = try Self.demo(cli, "--items", "20")
        let again = try Self.demo(cli, "--items", "30")
        #expect(again.status == 0)
        #expect(again.lines.first == "starting fresh: 30 records, set \"demo\" of \(cli.db) (the demo's earlier run was finished or for another --items)")
        try Self.expectComplete(try cli.status(of: "demo"), items: 30)
    }

    @Test func controlCStopsAfterACommittedStepAndTheNextRunFinishes() throws {
        let cli = try CLI()
        let demo = try cli.start("demo", "--db", cli.db, "--items", "100000")
        while let line = demo.nextLine(), !line.hasPrefix("overall ") {}  // the first progress line: the demo is counting
        demo.process.interrupt()
        #expect(demo.waitForExit() == 130)
        let stopped = try cli.status(of: "demo")
        #expect(stopped.overall > 0 && stopped.overall < 100)
        try Self.expectCursorsAgreeWithCounts(stopped)
        #expect(try cli.run("remove", "demo").status == 0)  // the store is consistent and writable
    }
}
