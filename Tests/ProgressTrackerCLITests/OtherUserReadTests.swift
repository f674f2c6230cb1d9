import Foundation
import ProgressTracking
import Testing

/// Readers who are other users, with real uids (issue 10, section 6). The rule: a user who may
/// read the store file (and search its directory) can always run every read command, whether
/// or not a writer is running, and never leaves anything that stops the owner from writing.
///
/// The owner (`OtherUser.owner`, not root) writes the store with the command in a directory
/// of its own (mode 0755) or in a world-writable sticky one (1777, as /tmp); the reader
/// (`OtherUser.reader`) runs `sets`, `status`, `status --json`, `history` and `watch`, and the
/// test worker's read-only `ProgressStore`.
@Suite(.enabled(if: OtherUser.testsRun, "needs root, to run commands as other users with setpriv"))
struct OtherUserReadTests {
    /// Where the owner keeps the store.
    enum Place: String, CaseIterable, CustomTestStringConvertible {
        /// The owner's directory, mode 0755: the reader may not create files there.
        case ownersDirectory
        /// A world-writable sticky directory, mode 1777, owned by root: the reader may.
        case stickyDirectory

        var testDescription: String { rawValue }

        func make(in cli: CLI, named name: String = "shared") throws -> SharedDirectory {
            switch self {
            case .ownersDirectory: try SharedDirectory(in: cli, named: name, owner: .owner, mode: 0o755)
            case .stickyDirectory: try SharedDirectory(in: cli, named: name, owner: nil, mode: 0o1777)
            }
        }
    }

    /// What the owner's writer left beside the store after a clean exit.
    enum LogFiles: String, CaseIterable, CustomTestStringConvertible {
        /// `-wal` and `-shm`, kept (empty) by the writer.
        case keptByTheWriter
        /// None: removed after the exit, as a writer that predates persistent logs leaves it.
        case removed
        /// None: the store file was copied alone into another directory.
        case copiedAlone

        var testDescription: String { rawValue }
    }

    static let worker = CLI.executable.deletingLastPathComponent().appending(path: "progress-test-worker")

    let cli: CLI

    init() throws {
        try OtherUser.requireAvailable()
        cli = try CLI()
        try OtherUser.requireEveryoneMay(.run, cli.runnableByOthers(CLI.executable).path)
        try OtherUser.requireEveryoneMay(.run, cli.runnableByOthers(Self.worker).path)
    }

    // MARK: - A store at rest

    @Test(arguments: Place.allCases, LogFiles.allCases)
    func theReaderRunsEveryReadCommandLeavesNoFileAndTheOwnerWritesOn(place: Place, logFiles: LogFiles) throws {
        var directory = try place.make(in: cli)
        try makeOwnersStore(in: directory)
        switch logFiles {
        case .keptByTheWriter:
            #expect(Set(try directory.owners().keys) == ["progress.sqlite", "progress.sqlite-wal", "progress.sqlite-shm"])
        case .removed:
            try directory.removeLogFiles()
        case .copiedAlone:
            let copy = try place.make(in: cli, named: "copy")
            try directory.copyStore(to: copy, owner: .owner)
            directory = copy
        }
        let files = try directory.owners()

        try expectTheReaderReadsEverything(in: directory, countOfA: 4)
        #expect(try directory.owners() == files, "the reader left files behind")

        try require(run(.owner, on: directory, "increment", "work", "a"), "the owner's increment after the reader")
        #expect(try readersCounts(in: directory) == ["a": 5, "b": 1])
        #expect(!(try directory.owners().values.contains(OtherUser.reader.uid)))
    }

    /// A log without its index (`-shm` removed, `-wal` kept), or an index without its log:
    /// what a user who deletes or copies some of the files leaves.
    enum TornLog: String, CaseIterable, CustomTestStringConvertible {
        case logWithoutIndex
        case indexWithoutLog

        var testDescription: String { rawValue }
    }

    /// With only one of `-wal` and `-shm` beside the file, and no frames in the log (the
    /// owner's writer leaves the log empty when it closes), everything is in the file: the
    /// reader reads it as it is, creates neither file, and the owner writes on.
    @Test(arguments: Place.allCases, TornLog.allCases)
    func theReaderOfATornLogReadsAndLeavesNothingBehind(place: Place, tornLog: TornLog) throws {
        let directory = try place.make(in: cli)
        try makeOwnersStore(in: directory)
        try directory.removeLogFiles([tornLog == .logWithoutIndex ? "-shm" : "-wal"])
        let files = try directory.owners()

        // A reader that works ends in well under a second.
        let status = try cli.run(["--db", directory.storePath, "status", "work", "--json"], as: .reader, giveUpAfter: .seconds(10))
        let counts = try? CLI.decodeStatus(status.stdout).trackers.mapValues(\.current)
        let ownersIncrement = try run(.owner, on: directory, "increment", "work", "a")
        let filesAfter = try directory.owners()
        #expect(status.status == 0 && status.reason == .exit, "status as the reader: \(status.reason) \(status.status) \(status.stderr)")
        #expect(counts == ["a": 4, "b": 1])
        // What the owner's writer creates, and nothing of the reader's.
        #expect(filesAfter == files.merging(Self.ownersLogFiles) { $1 }, "the reader left files behind")
        #expect(ownersIncrement.status == 0, "the owner's increment after the reader: \(ownersIncrement.stderr)")
    }

    // MARK: - While the owner writes

    /// Two writers of the owner's at once: a long-running process counting items (the test
    /// worker) and a loop of `increment` commands, each a process that opens the store,
    /// counts and exits. Meanwhile the reader runs 200 `status --json` and, every 20th time,
    /// `sets`, `history` and `status`: every run succeeds and no count ever goes down. Then the
    /// worker is killed mid-count; the reader still reads, and the owner still writes.
    ///
    /// In the sticky directory, where the reader could create files; it can write the owner's
    /// `-shm` in neither, so this is also where a reader meets a writer recovering the log.
    @Test func theReaderWhileTheOwnerWritesNeverFailsNorSeesACountGoDown() throws {
        let directory = try Place.stickyDirectory.make(in: cli)
        try require(run(.owner, on: directory, "create", "work", "b", "--total", "1000000000"), "create")
        // Both writers count until they are stopped; the 200 reads may take a minute on a busy machine.
        let items = try cli.start(
            ["items", directory.storePath, "a", "1000000000", "0", "1000000000"], as: .owner, executable: Self.worker, input: "go\n",
            giveUpAfter: .seconds(300)
        )
        #expect(items.nextLine() == "ready")
        #expect(items.nextLine() == "progress 100")  // counting
        let stop = cli.directory.appending(path: "stop").path
        let increments = try cli.start(
            ["-c", #""$1" --db "$2" increment work b > /dev/null || exit 1; echo counting; "#
                + #"while [ ! -e "$3" ]; do "$1" --db "$2" increment work b > /dev/null || exit 1; done; echo stopped"#,
             "sh", try cli.runnableByOthers(CLI.executable).path, directory.storePath, stop],
            as: .owner, executable: URL(filePath: "/bin/sh"), giveUpAfter: .seconds(300)
        )
        #expect(increments.nextLine() == "counting")

        var first: [String: Int]?
        var last: [String: Int] = [:]
        for run in 0..<200 {
            let counts = try readersCounts(in: directory)
            for (name, count) in counts {
                #expect(count >= last[name] ?? 0, "run \(run): \(name) went down from \(last[name] ?? 0) to \(count)")
            }
            first = first ?? counts
            last = counts
            if run.isMultiple(of: 20) {
                for command in [["sets"], ["history", "work"], ["status", "work"]] {
                    let output = try cli.run(["--db", directory.storePath] + command, as: .reader)
                    #expect(output.status == 0, "run \(run): \(command) as the reader: \(output.stderr)")
                }
            }
        }
        // The reads overlapped the writes: both writers counted while the reader read.
        #expect(last["a"]! > first!["a"]!)
        #expect(last["b"]! > first!["b"]!)

        try FileManager.default.createDirectory(atPath: stop, withIntermediateDirectories: false)
        #expect(increments.nextLine() == "stopped")
        #expect(increments.waitForExit() == 0)
        items.killNow()
        let afterTheCrash = try readersCounts(in: directory)
        #expect(afterTheCrash["a"]! >= last["a"]! && afterTheCrash["b"]! >= last["b"]!)
        #expect(!(try directory.owners().values.contains(OtherUser.reader.uid)), "the reader left files behind")
        try require(run(.owner, on: directory, "increment", "work", "b"), "the owner's increment after the reader")
        #expect(try readersCounts(in: directory)["b"] == afterTheCrash["b"]! + 1)
    }

    /// The reader's `watch` and the worker's read-only store follow the set from 0 to 100 %
    /// while the owner's writer counts it to its total.
    @Test(arguments: Place.allCases)
    func theReadersWatchFollowsTheSetTo100WhileTheOwnerFinishesIt(place: Place) throws {
        let directory = try place.make(in: cli)
        try require(run(.owner, on: directory, "create", "work", "a", "--total", "3000"), "create")
        let watch = try cli.start(
            ["--db", directory.storePath, "watch", "work", "--interval", "0.02", "--stale-after", "86400"], as: .reader
        )
        var overall = try #require(try Self.overall(watch.nextLine()), "watch printed no status")
        #expect(overall == 0)
        let libraryReader = try cli.start(["watch", directory.storePath, "read-only", "3000"], as: .reader, executable: Self.worker, input: "go\n")
        #expect(libraryReader.nextLine() == "ready")

        let writer = try cli.start(["increment", directory.storePath, "a", "3000", "3000"], as: .owner, executable: Self.worker, input: "go\n")
        #expect(writer.nextLine() == "ready")
        #expect(writer.nextLine() == "done 3000")
        #expect(writer.waitForExit() == 0)

        while let line = watch.nextLine() {
            let next = try #require(try Self.overall(line), "not a status line: \(line)")
            #expect(next >= overall, "watch went back from \(overall) to \(next)")
            overall = next
        }
        #expect(overall == 100)
        #expect(watch.waitForExit() == 0)
        #expect(libraryReader.nextLine()?.hasPrefix("done reads=") == true, "the read-only store failed, or saw a count go down")
        #expect(libraryReader.waitForExit() == 0)
        #expect(!(try directory.owners().values.contains(OtherUser.reader.uid)), "the reader left files behind")
    }

    // MARK: - Helpers

    /// Runs the command as `user` on the store in `directory`.
    func run(_ user: OtherUser, on directory: SharedDirectory, _ arguments: String...) throws -> CLI.Output {
        try cli.run(["--db", directory.storePath] + arguments, as: user)
    }

    /// Fails the test unless the command succeeded.
    func require(_ output: CLI.Output, _ what: String) throws {
        try #require(output.status == 0 && output.reason == .exit, "\(what): status \(output.status), \(output.stderr)")
    }

    /// The owner's store: set "work" with a at 4 of 10 and b at 1 of 5, and set "done" complete.
    func makeOwnersStore(in directory: SharedDirectory) throws {
        let commands = [
            ["create", "work", "a", "--total", "10"], ["create", "work", "b", "--total", "5"],
            ["increment", "work", "a", "--by", "4"], ["increment", "work", "b", "--item", "x"],
            ["create", "done", "t", "--total", "1"], ["increment", "done", "t"],
        ]
        for arguments in commands {
            try require(try cli.run(["--db", directory.storePath] + arguments, as: .owner), "\(arguments) as the owner")
        }
    }

    /// Every read command, run as the reader, succeeds and shows the owner's counts.
    func expectTheReaderReadsEverything(in directory: SharedDirectory, countOfA: Int) throws {
        let sets = try run(.reader, on: directory, "sets")
        #expect(sets.status == 0, "sets as the reader: \(sets.stderr)")
        #expect(sets.lines.contains { $0.hasPrefix("work ") } && sets.lines.contains { $0.hasPrefix("done ") }, "\(sets.stdout)")

        let status = try run(.reader, on: directory, "status", "work")
        #expect(status.status == 0, "status as the reader: \(status.stderr)")
        #expect(status.lines.first { $0.hasPrefix("a ") }?.contains(" \(countOfA)/10 ") == true, "\(status.stdout)")

        #expect(try readersCounts(in: directory) == ["a": countOfA, "b": 1])

        let history = try run(.reader, on: directory, "history", "work")
        #expect(history.status == 0, "history as the reader: \(history.stderr)")
        #expect(history.lines.filter { $0.contains(" created ") }.count == 2, "\(history.stdout)")

        // A finished set: watch prints it once and exits.
        let watch = try run(.reader, on: directory, "watch", "done")
        #expect(watch.status == 0, "watch as the reader: \(watch.stderr)")
        #expect(watch.lines.count == 1 && watch.lines.first?.contains("overall 100.0%") == true, "\(watch.stdout)")
    }

    /// The counts of set "work" as the reader's `status --json` prints them.
    func readersCounts(in directory: SharedDirectory) throws -> [String: Int] {
        let output = try run(.reader, on: directory, "status", "work", "--json")
        try require(output, "status --json as the reader")
        return try CLI.decodeStatus(output.stdout).trackers.mapValues(\.current)
    }

    /// The files the owner's writer keeps beside the store, which its increment creates.
    static let ownersLogFiles = ["progress.sqlite-wal": OtherUser.owner.uid, "progress.sqlite-shm": OtherUser.owner.uid]

    /// The overall percentage of a line `watch` prints into a pipe; nil for another line.
    static func overall(_ line: String?) throws -> Double? {
        guard let line, let match = try #/ overall (?<percent>[0-9.]+)% /#.firstMatch(in: line) else { return nil }
        return Double(match.output.percent)
    }
}
