import Foundation
import ProgressTracking
import ProgressTrackerRendering
import Testing

/// Names, item keys and arguments are other people's data: no human-readable output passes a
/// control character (C0, DEL, C1, bidirectional controls) through as itself; each shows
/// escaped. `--json` and `--csv` keep them exact.
struct TerminalEscapingTests {
    /// Clear the screen, set the window title, turn red with a one-byte CSI, reverse the text,
    /// break the line.
    static let set = "\u{1B}[2Jclear"
    static let trackers = ["\u{1B}]0;owned\u{7}", "\u{9B}31mred", "abc\u{202E}fed", "tab\there\nnew\rline", "del\u{7F}\u{2066}iso"]
    static let shown = [#"\e]0;owned\u{7}"#, #"\u{9B}31mred"#, #"abc\u{202E}fed"#, #"tab\there\nnew\rline"#, #"del\u{7F}\u{2066}iso"#]

    /// Whether `text`, apart from its line breaks, holds anything a terminal acts on.
    private func expectSafe(_ output: CLI.Output, _ command: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (stream, text) in [("stdout", output.stdout), ("stderr", output.stderr)] {
            let unsafe = text.unicodeScalars.filter { $0 != "\n" && TerminalEscape.isUnsafe($0) }
            #expect(unsafe.isEmpty, "\(command) \(stream): \(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    private func makeSet(_ cli: CLI) throws -> [CLI.Output] {
        try Self.trackers.map { try cli.run("create", Self.set, $0, "--total", "4") }
    }

    @Test func writeCommandsEchoNamesEscaped() throws {
        let cli = try CLI()
        let created = try makeSet(cli)
        for (output, shown) in zip(created, Self.shown) {
            expectSafe(output, "create")
            #expect(output.stdout == #"\e[2Jclear/"# + shown + " 0/4 0.0%\n")
        }
        let tracker = Self.trackers[0]
        for arguments in [
            ["open", Self.set, tracker, "--total", "5"], ["increment", Self.set, tracker], ["set", Self.set, tracker, "2"],
            ["total", Self.set, tracker, "4"], ["increment", Self.set, tracker, "--item", "\u{1B}[31mkey\u{9D}"],
            ["increment", Self.set, tracker, "--item", "\u{1B}[31mkey\u{9D}"], ["remove", Self.set, tracker], ["remove", Self.set],
        ] {
            let output = try cli.run(arguments)
            #expect(output.status == 0, "\(arguments)")
            expectSafe(output, arguments[0])
            #expect(output.stdout.contains(#"\e[2Jclear"#), "\(arguments)")
        }
    }

    @Test func theAlreadyCountedNoteShowsTheKeyEscapedAndCut() throws {
        let cli = try CLI()
        _ = try makeSet(cli)
        let key = "\u{1B}[31m" + String(repeating: "k", count: 60_000)
        try cli.run("increment", Self.set, "\u{9B}31mred", "--item", key)
        let again = try cli.run("increment", Self.set, "\u{9B}31mred", "--item", key)
        expectSafe(again, "increment --item")
        #expect(again.stdout == #"\e[2Jclear/\u{9B}31mred 1/4 25.0% (item "\e[31m"# + String(repeating: "k", count: 73) + "…\" was already counted)\n")
    }

    @Test func readCommandsShowNamesEscaped() throws {
        let cli = try CLI()
        _ = try makeSet(cli)
        try cli.run("increment", Self.set, "abc\u{202E}fed")
        let sets = try cli.run("sets")
        expectSafe(sets, "sets")
        #expect(sets.lines[1].hasPrefix(#"\e[2Jclear  "#))
        for arguments in [["status", Self.set], ["history", Self.set]] {
            let output = try cli.run(arguments)
            expectSafe(output, arguments[0])
            for shown in Self.shown {
                #expect(output.stdout.contains(shown + "  "), "\(arguments): \(shown)")
            }
        }
        try cli.run("set", Self.set, "abc\u{202E}fed", "4")
        for tracker in Self.trackers where tracker != "abc\u{202E}fed" {
            try cli.run("remove", Self.set, tracker)
        }
        let watch = try cli.run("watch", Self.set)  // complete: one line, then it exits
        expectSafe(watch, "watch")
        #expect(watch.stdout.hasSuffix(#" overall 100.0% | abc\u{202E}fed 4/4 100.0%"# + "\n"))
    }

    @Test func failuresCursorsAndControlShowKeysAndReasonsEscaped() throws {
        let cli = try CLI()
        _ = try makeSet(cli)
        let tracker = Self.trackers[2]
        let key = "\u{1B}[31mkey\u{9D}"
        let reason = "time\u{1B}]0;out\u{7}\u{202E}"
        for arguments in [
            ["fail", Self.set, tracker, "--item", key, "--reason", reason], ["fail", Self.set, tracker, "--item", key, "--reason", reason],
            ["skip", Self.set, tracker, "--item", "k\u{2028}2", "--reason", reason], ["cursor", Self.set, tracker, key],
            ["cursor", Self.set, tracker], ["cursor", Self.set, tracker, "--clear"],
            ["failures", Self.set], ["failures", Self.set, tracker, "--all"], ["pause", Self.set], ["pause", Self.set],
            ["status", Self.set], ["sets"], ["history", Self.set], ["cancel", Self.set], ["resume", Self.set],
        ] {
            let output = try cli.run(arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            expectSafe(output, arguments[0])
            if !["failures", "status", "sets", "history"].contains(arguments[0]) {  // the listings show no set name
                #expect(output.stdout.contains(#"\e[2Jclear"#), "\(arguments)")
            }
        }
        let failures = try cli.run("failures", Self.set, environment: ["COLUMNS": "200"]).stdout
        #expect(failures.contains(#"abc\u{202E}fed  \e[31mkey\u{9D}  "#))
        #expect(failures.hasSuffix(#"time\e]0;out\u{7}\u{202E}"# + "\n"))
        let note = try cli.run("fail", Self.set, tracker, "--item", key, "--reason", reason).stdout
        #expect(note.hasSuffix(#"(item "\e[31mkey\u{9D}" failed, attempt 3)"# + "\n"))
        // Machine output keeps them exact.
        #expect(try cli.run("failures", Self.set, "--csv").stdout.contains(",\(key),3,"))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let json = try cli.run("failures", Self.set, "--json")
        expectSafe(json, "failures --json")
        #expect(try decoder.decode([ItemFailure].self, from: Data(json.stdout.utf8)).map(\.reason) == [reason])
    }

    @Test func errorMessagesShowNamesAndArgumentsEscaped() throws {
        let cli = try CLI()
        _ = try makeSet(cli)
        let exists = try cli.run("create", Self.set, Self.trackers[1], "--total", "1")  // the library's message
        #expect(exists.stderr == #"Error: tracker "\u{9B}31mred" already exists in set "\e[2Jclear""# + "\n")
        let unknown = try cli.run("increment", Self.set, "no\u{1B}[8mpe")  // the command line's own
        #expect(unknown.stderr == #"Error: no tracker named "no\e[8mpe" in set "\e[2Jclear""# + "\n")
        let badDate = try cli.run("history", Self.set, "--since", "\u{1B}[31m\nyesterday")  // the argument parser's
        #expect(badDate.stderr.hasPrefix(#"Error: The value '\e[31m\nyesterday' is invalid for '--since <date>'"#))
        let badOption = try cli.run("status", Self.set, "--\u{1B}[2J")
        for output in [exists, unknown, badDate, badOption] {
            #expect(output.status != 0)
            expectSafe(output, "error")
        }
    }

    @Test func jsonAndCSVKeepNamesExact() throws {
        let cli = try CLI()
        _ = try makeSet(cli)
        let json = try cli.run("status", Self.set, "--json")
        expectSafe(json, "status --json")  // JSON's own \u escapes
        #expect(try CLI.decodeStatus(json.stdout).order == Self.trackers)
        let csv = try cli.run("history", Self.set, "--csv").stdout
        #expect(csv.contains(",\u{1B}]0;owned\u{7},created,"))
        #expect(csv.contains(",\"tab\there\nnew\rline\",created,"))
        let events = try cli.run("history", Self.set, "--json").stdout
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode([HistoryEvent].self, from: Data(events.utf8)).map(\.tracker) == Self.trackers)
    }
}
