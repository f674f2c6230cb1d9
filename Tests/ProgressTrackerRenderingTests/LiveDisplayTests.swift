import ProgressTrackerRendering
import Testing

@Suite struct LiveDisplayTests {
    private func terminal(columns: Int, rows: Int? = 24) -> TerminalCapabilities {
        TerminalCapabilities(isTerminal: true, environment: ["TERM": "xterm"], size: (columns, rows ?? 0))
    }

    private func erase(_ lines: Int) -> String { "\u{1B}[\(lines)A\r\u{1B}[J" }

    @Test func redrawsOverTheLinesDrawnLast() {
        var display = LiveDisplay()
        #expect(display.frame(["a", "b", "c"], for: terminal(columns: 20)) == "a\nb\nc\n")
        #expect(display.frame(["d", "e"], for: terminal(columns: 20)) == erase(3) + "d\ne\n")
        #expect(display.frame(["f"], for: terminal(columns: 20)) == erase(2) + "f\n")
    }

    @Test func aLineWiderThanTheTerminalIsCutSoNothingWraps() {
        var display = LiveDisplay()
        let frame = display.frame(["数据导入数据导入", String(repeating: "x", count: 30), "ok"], for: terminal(columns: 10))
        #expect(frame == "数据导入…\nxxxxxxxxx…\nok\n")
        for width in 1...12 {
            let lines = display.frame(RandomText.samples(5, seed: UInt64(width)).map(TerminalEscape.escaped), for: terminal(columns: width))
            let drawn = lines.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(drawn.allSatisfy { DisplayWidth.of(String($0.replacing(/\x{1B}\[\d+A\r\x{1B}\[J/, with: ""))) <= width })
        }
    }

    @Test func afterTheTerminalNarrowedBelowADrawnLineTheNewBlockGoesBelow() {
        var display = LiveDisplay()
        _ = display.frame(["0123456789", "abc"], for: terminal(columns: 40))
        // Still wide enough for every line drawn: no line can have been rewrapped.
        #expect(display.frame(["0123456789", "abc"], for: terminal(columns: 10)).hasPrefix(erase(2)))
        // Narrower than a line drawn last: it may now take two rows, so no count to go up is sure.
        #expect(display.frame(["01234", "abc"], for: terminal(columns: 5)) == "01234\nabc\n")
        // From then on, as before.
        #expect(display.frame(["x"], for: terminal(columns: 5)) == erase(2) + "x\n")
        // Wider again: nothing drawn can have been rewrapped.
        #expect(display.frame(["y"], for: terminal(columns: 80)) == erase(1) + "y\n")
    }

    @Test func aBlockTallerThanTheTerminalKeepsItsFirstLines() {
        var display = LiveDisplay()
        let lines = (1...30).map { "line \($0)" }
        let frame = display.frame(lines, for: terminal(columns: 40, rows: 10))
        #expect(frame == (1...8).map { "line \($0)\n" }.joined() + "… 22 more lines\n")
        #expect(display.frame(lines, for: terminal(columns: 40, rows: 10)).hasPrefix(erase(9)))
        #expect(display.frame(lines, for: terminal(columns: 40, rows: nil)).hasPrefix(erase(9) + "line 1\n"))
    }
}
