/// A block of lines redrawn in place on a terminal: each frame moves the cursor up over the
/// block drawn last, to column 1, clears to the end of the screen and draws the new block.
///
/// The rule: moving up by the number of lines drawn is right only if each drawn line took one
/// row and the whole block is on the screen. So every line is cut to the terminal's width
/// (`Truncation`) and nothing wraps; a block taller than the terminal keeps its first lines
/// and says how many it left out; and after the terminal became narrower than a line drawn
/// last, which a terminal that reflows may have wrapped onto several rows, the new block is
/// drawn below the old one instead of over it, since no count of rows to go up is then sure.
///
/// It computes what to write and writes nothing itself: the caller sends the frame to a
/// terminal whose capabilities `redraws`.
package struct LiveDisplay: Sendable {
    private var drawnLineCount = 0
    private var widestDrawnLine = 0

    /// A display that has drawn nothing yet.
    package init() {}

    /// The text that replaces the block drawn last with `lines` on `terminal`.
    package mutating func frame(_ lines: [String], for terminal: TerminalCapabilities) -> String {
        let columns = max(1, terminal.columns)
        var shown = lines
        if let rows = terminal.rows, shown.count > max(1, rows - 1) {
            // The last row stays free for the cursor, so the block's first line stays on screen.
            let kept = max(1, rows - 1) - 1
            shown = Array(shown.prefix(kept)) + ["… \(lines.count - kept) more lines"]
        }
        shown = shown.map { Truncation.cut($0, toWidth: columns) }
        let overwrites = drawnLineCount > 0 && widestDrawnLine <= columns
        // Up over the old block, to column 1, then clear to the end of the screen.
        let erase = overwrites ? "\u{1B}[\(drawnLineCount)A\r\u{1B}[J" : ""
        drawnLineCount = shown.count
        widestDrawnLine = shown.map(DisplayWidth.of).max() ?? 0
        return erase + shown.map { $0 + "\n" }.joined()
    }
}
