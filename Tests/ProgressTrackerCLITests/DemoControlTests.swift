import Foundation
import ProgressTracking
import Testing

/// The demo obeys `pause`, `resume` and `cancel` from another process, and never touches a set
/// named `demo` that it did not make, nor a store it was not given.
struct DemoControlTests {
    /// A demo of 100,000 records, stopped hard early on: a set to resume. Long enough that no
    /// test step can outrun it (it would take over a minute to finish).
    private func makeUnfinishedDemo(_ cli: CLI) throws -> TrackerSetStatus {
        let crashed = try DemoTests.demo(cli, "--items", "100000", "--crash-after", "500")
        #expect(crashed.status == SIGKILL)
        return try cli.status(of: "demo")
    }

    private func counts(_ status: TrackerSetStatus) -> [Int] {
        DemoTests.stages.map { status.trackers[$0]?.current ?? -1 }
    }

    /// Reads the demo's output up to the line that starts with `prefix`, and returns that line.
    private func line(startingWith prefix: String, of demo: RunningCommand) throws -> String {
        while let line = demo.nextLine() {
            if line.hasPrefix(prefix) { return line }
        }
        throw PseudoTerminal.Failure(description: "the demo ended without a line starting with \(prefix.debugDescription)")
    }

    @Test func aPausedDemoWaitsUntilResumedAndACancelStopsItCleanlyUntilResumedAgain() throws {
        let cli = try CLI()
        let crashed = try makeUnfinishedDemo(cli)
        let at = DemoTests.described(try DemoTests.positions(crashed), of: 100_000)
        #expect(try cli.run("pause", "demo").status == 0)

        // Paused before it starts: it says so before its first step, and counts nothing.
        let demo = try cli.start("demo", "--db", cli.db, "--items", "100000")
        #expect(try line(startingWith: "resuming ", of: demo).hasSuffix("from its cursors: \(at)"))
        #expect(try line(startingWith: "paused ", of: demo) == "paused at \(at): waiting for progress-tracker resume demo")
        for _ in 0..<3 {
            #expect(counts(try cli.status(of: "demo")) == counts(crashed))
        }

        try cli.run("resume", "demo")
        #expect(try line(startingWith: "resumed ", of: demo) == "resumed at \(at)")
        _ = try line(startingWith: "overall ", of: demo)  // a step committed after the resume
        let counting = try cli.status(of: "demo")
        #expect(counts(counting).reduce(0, +) > counts(crashed).reduce(0, +))

        try cli.run("cancel", "demo")
        let cancelled = try line(startingWith: "cancelled at ", of: demo)
        #expect(demo.nextLine() == "to go on: progress-tracker resume demo, then run the same command again")
        #expect(demo.nextLine() == nil)
        #expect(demo.waitForExit() == 75)
        let stopped = try cli.status(of: "demo")
        #expect(stopped.state == .cancelled)
        try DemoTests.expectCursorsAgreeWithCounts(stopped)
        let stoppedAt = DemoTests.described(try DemoTests.positions(stopped), of: 100_000)
        #expect(cancelled.hasPrefix("cancelled at \(stoppedAt)"))
        #expect(cancelled.hasSuffix("; the set stays cancelled"))

        // A cancelled set stays stopped until it is resumed: the next run says so and counts nothing.
        let refused = try DemoTests.demo(cli, "--items", "100000")
        #expect(refused.status == 75)
        #expect(refused.lines.suffix(2) == [cancelled, "to go on: progress-tracker resume demo, then run the same command again"])
        #expect(counts(try cli.status(of: "demo")) == counts(stopped))

        try cli.run("resume", "demo")
        let next = try cli.start("demo", "--db", cli.db, "--items", "100000")
        #expect(try line(startingWith: "resuming ", of: next).contains("from its cursors: \(stoppedAt)"))
        _ = try line(startingWith: "overall ", of: next)
        next.process.interrupt()
        #expect(next.waitForExit() == 130)
        let history = try cli.run("history", "demo", "--csv").lines.filter { $0.contains(",,") }.map { $0.split(separator: ",")[1] }
        #expect(history == ["paused", "resumed", "cancelled", "resumed"])
    }

    @Test func aPausedDemoSaysSoOnATerminalAndCtrlCStillStopsIt() throws {
        let cli = try CLI()
        _ = try makeUnfinishedDemo(cli)
        try cli.run("pause", "demo")
        let terminal = try PseudoTerminal(columns: 100, rows: 24)
        let demo = try cli.start(onTerminal: terminal, ["demo", "--db", cli.db, "--items", "100000"])
        try terminal.read { $0.contains("paused: waiting for progress-tracker resume demo (Ctrl-C stops the demo)\n") }
        terminal.type("\u{3}")
        let text = try terminal.read()
        demo.waitUntilExit()
        #expect(demo.terminationStatus == 130)
        #expect(text.contains("\ninterrupted at extract "))
        #expect(try cli.status(of: "demo").state == .paused)
    }

    @Test(arguments: [
        [["create", "demo", "rows", "--total", "5"], ["increment", "demo", "rows", "--item", "mine"]],
        // The shape of the demo's set, but not its cursors: as an older demo, or a person, would leave it.
        DemoTests.stages.map { ["create", "demo", $0, "--total", "20"] } + [["cursor", "demo", "load", "page 3"]],
    ])
    func aSetNamedDemoThatTheDemoDidNotMakeIsLeftAlone(setup: [[String]]) throws {
        let cli = try CLI()
        for arguments in setup { #expect(try cli.run(arguments).status == 0) }
        try cli.run("fail", "demo", setup[0][2], "--item", "theirs", "--reason", "their own failure")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).sorted()
        let before = try Data(contentsOf: URL(filePath: cli.db))

        let refused = try DemoTests.demo(cli, "--items", "20")
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(refused.stderr == """
            Error: \(cli.db) has a set named "demo" that the demo did not make (its trackers are not the demo's stages with \
            cursors starting "progress-tracker demo v1:"), and the demo changes nothing it did not make: run it on another \
            store with --db, or remove that set yourself (progress-tracker remove demo --db \(cli.db))

            """)
        #expect(try Data(contentsOf: URL(filePath: cli.db)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { !$0.hasPrefix("std") }.sorted()
            == files.filter { !$0.hasPrefix("std") })
    }

    @Test func aDemoSetThatSomeoneAddedATrackerToIsNoLongerTheDemosAlone() throws {
        let cli = try CLI()
        #expect(try DemoTests.demo(cli, "--items", "20").status == 0)
        try cli.run("create", "demo", "notes", "--total", "1")
        let before = try Data(contentsOf: URL(filePath: cli.db))
        let refused = try DemoTests.demo(cli, "--items", "20")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Error: \(cli.db) has a set named \"demo\" that the demo did not make"))
        #expect(try Data(contentsOf: URL(filePath: cli.db)) == before)
    }

    @Test func theDemoIgnoresTheStoreInTheEnvironmentAndSaysHowToReachItsOwn() throws {
        let cli = try CLI()
        // $PROGRESS_TRACKER_DB (cli.db) is someone's real store, with a set named "demo" of their own.
        try cli.run("create", "demo", "rows", "--total", "5")
        let before = try Data(contentsOf: URL(filePath: cli.db))
        let output = try cli.run("demo", "--items", "20")
        #expect(output.status == 0)
        #expect(Array(output.lines.prefix(4)) == [
            "starting fresh: 20 records, set \"demo\" of ./progress.sqlite",
            "load fails every 97th record once (\"simulated timeout\", 0 of 20) and retries them at the end",
            "watch it from another terminal: progress-tracker watch demo --db ./progress.sqlite",
            "pause it there: progress-tracker pause demo --db ./progress.sqlite (then resume, or cancel to stop it, the same way)",
        ])
        #expect(try Data(contentsOf: URL(filePath: cli.db)) == before)
        let own = try cli.run("status", "demo", "--json", "--db", cli.directory.appending(path: "progress.sqlite").path)
        try DemoTests.expectComplete(try CLI.decodeStatus(own.stdout), items: 20)
        let help = try cli.run("demo", "--help").stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(help.contains("Its store is --db (a file, or a postgresql:// URI with --schema), else ./progress.sqlite in the current directory: it ignores $PROGRESS_TRACKER_DB"))
        #expect(help.contains("75 cancelled"))
    }
}
