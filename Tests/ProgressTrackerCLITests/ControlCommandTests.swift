import Foundation
import ProgressTracking
import Testing

/// `pause`, `resume` and `cancel`, and how the reading commands show a set that is not running.
struct ControlCommandTests {
    private func makeImport(_ cli: CLI) throws {
        try cli.run("create", "import", "rows", "--total", "10")
        try cli.run("increment", "import", "rows", "--by", "4")
    }

    @Test func eachSaysWhatItDidOrThatNothingChanged() throws {
        let cli = try CLI()
        try makeImport(cli)
        let outputs = try [
            "pause", "pause", "cancel", "pause", "cancel", "resume", "resume",
        ].map { try cli.run($0, "import") }
        #expect(outputs.map(\.status) == [0, 0, 0, 0, 0, 0, 0])
        #expect(outputs.map(\.stdout) == [
            "paused set \"import\": its workers wait until it is resumed\n",
            "nothing changed: set \"import\" is already paused\n",
            "cancelled set \"import\": its workers stop after their current step, until it is resumed\n",
            "nothing changed: set \"import\" is cancelled, and stays so until it is resumed\n",
            "nothing changed: set \"import\" is already cancelled\n",
            "resumed set \"import\": its workers go on (a demo that stopped: run it again)\n",
            "nothing changed: set \"import\" is already running\n",
        ])
        let history = try cli.run("history", "import", "--csv").lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1...2].joined(separator: ",") }
        #expect(history == ["rows,created", "rows,started", ",paused", ",cancelled", ",resumed"])
    }

    @Test func unknownSetsAndMissingStoresAreRefused() throws {
        let cli = try CLI()
        for command in ["pause", "resume", "cancel"] {
            let missing = try cli.run(command, "import")
            #expect(missing.status == 1)
            #expect(missing.stderr == "Error: no progress store at \(cli.db) (give the file with --db or $PROGRESS_TRACKER_DB)\n")
        }
        #expect(!FileManager.default.fileExists(atPath: cli.db))
        try makeImport(cli)
        let unknown = try cli.run("pause", "nope")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: no tracker set named \"nope\" in \(cli.db)\n")
    }

    @Test func statusSetsAndHistoryShowASetThatIsNotRunning() throws {
        let cli = try CLI()
        try makeImport(cli)
        try cli.run("create", "nightly", "files", "--total", "2")
        let running = try cli.run("status", "import")
        #expect(running.lines.count == 2)
        #expect(try cli.status(of: "import").state == .running)
        #expect(try cli.run("status", "import", "--json").stdout.contains(#""state":"running""#))
        #expect(try cli.run("sets").lines.first?.contains("STATE") == false)

        try cli.run("pause", "import")
        let paused = try cli.run("status", "import")
        #expect(paused.lines.count == 3)
        #expect(paused.lines.last == "paused: its workers wait until the set is resumed")
        #expect(try cli.status(of: "import").state == .paused)
        let sets = try cli.run("sets").lines
        #expect(sets[0].hasPrefix("SET       TRACKERS  OVERALL  STATE    DURATION"))
        #expect(sets[1].hasPrefix("import           1    40.0%  paused   "))
        #expect(sets[2].hasPrefix("nightly          1     0.0%  running"))

        try cli.run("cancel", "import")
        #expect(try cli.run("status", "import").lines.last == "cancelled: its workers stop until the set is resumed")
        let history = try cli.run("history", "import").lines.suffix(2).map { $0.dropFirst(21) }
        #expect(history == ["*        paused        4/10", "*        cancelled     4/10"])
    }

    @Test func watchShowsAPausedSetAsSuchAndGoesOnAfterTheResume() throws {
        let cli = try CLI()
        try makeImport(cli)
        // --stale-after 0: a running set is quiet at once, so the line says which it is.
        let watch = try cli.start("watch", "import", "--interval", "0.02", "--stale-after", "0")
        #expect(try #require(watch.nextLine()).contains(" overall 40.0% | rows 4/10 40.0% | no change for "))
        try cli.run("pause", "import")
        #expect(try #require(watch.nextLine()).hasSuffix(" overall 40.0% | rows 4/10 40.0% | paused: its workers wait until the set is resumed"))
        try cli.run("cancel", "import")
        #expect(try #require(watch.nextLine()).hasSuffix(" | cancelled: its workers stop until the set is resumed"))
        try cli.run("resume", "import")
        #expect(try #require(watch.nextLine()).contains(" overall 40.0% | rows 4/10 40.0% | no change for "))
        try cli.run("set", "import", "rows", "10")
        #expect(try #require(watch.nextLine()).hasSuffix(" overall 100.0% | rows 10/10 100.0%"))
        #expect(watch.waitForExit() == 0)
    }

    @Test func aPausedSetIsDrawnWithItsStateOnATerminal() throws {
        let cli = try CLI()
        try makeImport(cli)
        try cli.run("pause", "import")
        let terminal = try PseudoTerminal(columns: 80, rows: 24)
        let watch = try cli.start(onTerminal: terminal, ["watch", "import", "--interval", "0.02", "--stale-after", "0"])
        try terminal.read { $0.contains("paused: its workers wait until the set is resumed\n") }
        try cli.run("resume", "import")
        try terminal.read { $0.contains(/\nno change for [^\n]+\n/) }
        try cli.run("set", "import", "rows", "10")
        let text = try terminal.read()
        watch.waitUntilExit()
        #expect(watch.terminationStatus == 0)
        let drawn = LiveFrames(text)
        #expect(drawn.frames.first?.lines.last == "paused: its workers wait until the set is resumed")
        #expect(drawn.frames.contains { $0.lines.last?.hasPrefix("no change for ") == true })
        #expect(drawn.frames.last?.lines.last?.hasSuffix("100.0%") == true)
    }
}
