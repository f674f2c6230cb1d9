import ProgressTrackerRendering

/// What `watch` drew on a terminal, read back from the terminal's transcript: the frames of
/// its live display, each with the number of lines it moved up over before it.
struct LiveFrames {
    struct Frame {
        /// The lines the frame went up over, or nil when it was drawn below what was there.
        let up: Int?
        let lines: [String]

        var widest: Int { lines.map(DisplayWidth.of).max() ?? 0 }
    }

    /// The line before the frames: `watching set "…" of …; Ctrl-C to stop`.
    let banner: String?
    let frames: [Frame]

    /// Splits the transcript at each "up N lines, column 1, clear" and, within a part, after
    /// each status table (its `overall` row and the pace line under it, if any). So tracker
    /// names must not start with "overall" or a pace line's first word.
    init(_ transcript: String) {
        let erase = /\x{1B}\[(\d+)A\r\x{1B}\[J/
        var frames: [Frame] = []
        var up: Int?
        var lines: [String] = []
        var banner: String?
        func endFrame() {
            frames.append(Frame(up: up, lines: lines))
            up = nil
            lines = []
        }
        var rest = Substring(transcript)
        while !rest.isEmpty {
            if let match = rest.prefixMatch(of: erase) {
                up = Int(match.output.1)
                rest = rest[match.range.upperBound...]
                continue
            }
            let line = String(rest.prefix { $0 != "\n" })
            rest = rest.dropFirst(line.count + 1)
            if frames.isEmpty, lines.isEmpty, line.hasPrefix("watching set ") {
                banner = line
                continue
            }
            lines.append(line)
            let paceFollows = Self.paceStarts.contains { rest.hasPrefix($0) }
            if Self.paceStarts.contains(where: line.hasPrefix) || (line.hasPrefix("overall") && !paceFollows) {
                endFrame()
            }
        }
        if !lines.isEmpty { endFrame() }
        self.banner = banner
        self.frames = frames
    }

    /// How the line under the table starts: the rate, the quiet time, or the set's state.
    private static let paceStarts = ["rate ", "no change", "paused: ", "cancelled: "]
}
