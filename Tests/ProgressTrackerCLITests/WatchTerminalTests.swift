import Foundation
import ProgressTrackerRendering
import Testing

/// `watch` on a real (pseudo-)terminal: the redraw stays in place whatever the width, a resize
/// included; a dumb terminal gets plain lines; Ctrl-C leaves the prompt on a line of its own.
/// Each test ends by finishing the set, so that watch exits and its whole output is read.
struct WatchTerminalTests {
    private let longName = "数据导入 and a name far too long for a narrow terminal"

    /// Makes a set, runs `watch` on it on a terminal `columns` wide, waits for its first
    /// drawing, lets `act` do what the test does meanwhile, then finishes the set (if watch is
    /// still running, that ends it) and returns all watch printed and how it exited.
    private func watch(
        columns: Int, _ options: [String] = ["--stale-after", "86400"], environment: [String: String] = [:],
        while act: (CLI, PseudoTerminal) throws -> Void = { _, _ in }
    ) throws -> (text: String, status: Int32) {
        let cli = try CLI()
        try cli.run("create", "import", longName, "--total", "1000")
        try cli.run("create", "import", "rows", "--total", "1000")
        let terminal = try PseudoTerminal(columns: columns, rows: 24)
        let watch = try cli.start(onTerminal: terminal, ["watch", "import", "--interval", "0.02"] + options, environment: environment)
        try terminal.read { $0.contains(/overall[^\n]*%\n/) }
        try act(cli, terminal)
        try cli.run("set", "import", longName, "1000")
        try cli.run("set", "import", "rows", "1000")
        let text = try terminal.read()
        watch.waitUntilExit()
        return (text, watch.terminationStatus)
    }

    @Test func linesWiderThanTheTerminalAreCutAndEachRedrawGoesUpOverTheLastFrame() throws {
        let (text, status) = try watch(columns: 30) { cli, _ in
            try cli.run("increment", "import", "rows", "--by", "10")
            try cli.run("increment", "import", "rows", "--by", "10")
        }
        #expect(status == 0)
        let drawn = LiveFrames(text)
        #expect(drawn.banner?.hasPrefix("watching set \"import\" of ") == true)
        #expect(drawn.banner.map { DisplayWidth.of($0) == 30 && $0.hasSuffix("…") } == true)  // the path is long
        #expect(drawn.frames.count >= 2)
        #expect(drawn.frames.first?.up == nil)
        for (previous, frame) in zip(drawn.frames, drawn.frames.dropFirst()) {
            #expect(frame.up == previous.lines.count)
        }
        #expect(drawn.frames.allSatisfy { $0.widest <= 30 })
        #expect(drawn.frames.last?.lines.last?.hasSuffix("100.0%") == true)
    }

    @Test func afterTheTerminalNarrowsTheNextFrameIsDrawnBelowAtTheNewWidth() throws {
        let (text, status) = try watch(columns: 70) { cli, terminal in
            terminal.resize(columns: 30, rows: 24)
            try cli.run("increment", "import", "rows")
        }
        #expect(status == 0)
        let drawn = LiveFrames(text)
        let first = try #require(drawn.frames.first)
        #expect(first.widest > 30)  // drawn for 70 columns: a terminal that reflows rewraps these lines
        // Exactly one frame after the first is drawn below: the first one for 30 columns.
        let below = try #require(drawn.frames.indices.dropFirst().first { drawn.frames[$0].up == nil })
        #expect(drawn.frames.indices.dropFirst().filter { drawn.frames[$0].up == nil } == [below])
        #expect(drawn.frames[below - 1].widest > 30)
        for (previous, frame) in zip(drawn.frames, drawn.frames.dropFirst()) where frame.up != nil {
            #expect(frame.up == previous.lines.count)
        }
        #expect(drawn.frames[..<below].allSatisfy { $0.widest <= 70 })
        #expect(drawn.frames[below...].allSatisfy { $0.widest <= 30 })
    }

    @Test func aDumbTerminalGetsPlainLinesWithoutControlCodes() throws {
        let (text, status) = try watch(columns: 30, environment: ["TERM": "dumb"])
        #expect(status == 0)
        #expect(!text.contains("\u{1B}"))
        let lines = text.split(separator: "\n").dropFirst()  // the banner: watching set …
        #expect(lines.allSatisfy { $0.contains(#/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ overall /#) }, "\(text)")
        #expect(lines.last?.hasSuffix(" rows 1000/1000 100.0%") == true)
    }

    @Test(arguments: ["xterm-256color", "dumb"])
    func controlCEndsTheLineSoThePromptStartsOnANewOne(term: String) throws {
        let (text, status) = try watch(columns: 80, environment: ["TERM": term]) { _, terminal in
            terminal.type("\u{3}")
            try terminal.read()  // to its end: watch has exited before the set is finished
        }
        #expect(status == 130)
        // The terminal echoes ^C where the cursor is; watch then ends that line.
        #expect(text.hasSuffix("^C\n"), "\(text.suffix(40).debugDescription)")
    }

    @Test func aQuietSetShowsHowLongItHasNotChanged() throws {
        let (text, status) = try watch(columns: 80, ["--stale-after", "0"]) { _, terminal in
            try terminal.read { $0.contains(/\nno change for [^\n]+\n/) }
        }
        #expect(status == 0)
        let drawn = LiveFrames(text)
        #expect(drawn.frames.first?.lines.last?.wholeMatch(of: /no change for \d\S*( \d+\S+)*/) != nil)
        #expect(drawn.frames.last?.lines.last?.hasPrefix("overall") == true)  // done: no note
    }
}
