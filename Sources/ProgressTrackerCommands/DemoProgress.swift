internal import ProgressTracking
internal import ProgressTrackerRendering

/// What the demo shows while it runs: on a terminal, the status table and a line under it
/// (what the run is doing) redrawn in place a few times a second; into a pipe or a file, a
/// line at every tenth of the overall progress, and one for each change of course (paused,
/// resumed, the retry pass).
struct DemoProgress {
    let trackerSet: ProgressTrackerSet
    private let interactive = TerminalCapabilities.standardOutput().redraws
    private var display = LiveDisplay()
    private var lastDraw: ContinuousClock.Instant?
    private var lastTenth = -1
    private static let redrawInterval = Duration.milliseconds(100)

    init(trackerSet: ProgressTrackerSet) {
        self.trackerSet = trackerSet
    }

    /// Shows the progress if it is time to, with `phase` under the table on a terminal.
    mutating func update(phase: String) throws {
        if interactive {
            guard lastDraw.map({ ContinuousClock.now - $0 >= Self.redrawInterval }) ?? true else { return }
            try draw(phase)
        } else {
            let status = try trackerSet.getStatus()
            let tenth = Int(status.overall / 10)
            guard tenth > lastTenth, tenth < 10 else { return }
            lastTenth = tenth
            StandardOutput.write(StatusLine.of(status) + "\n")
        }
    }

    /// Tells of a change of course: on a terminal, the table is drawn now with `phase` under
    /// it; elsewhere `event` is written as a line.
    mutating func tell(_ event: String, phase: String) throws {
        if interactive {
            try draw(phase)
        } else {
            StandardOutput.write(event + "\n")
        }
    }

    /// Shows the status now, in full: at the end, or when stopped.
    mutating func finish() throws {
        let table = StatusTable.lines(try trackerSet.getStatus(), width: TerminalCapabilities.standardOutput().columns)
        if interactive {
            show(table)
        } else {
            StandardOutput.write(table.map { $0 + "\n" }.joined())
        }
    }

    private mutating func draw(_ phase: String) throws {
        lastDraw = ContinuousClock.now
        show(StatusTable.lines(try trackerSet.getStatus(), width: TerminalCapabilities.standardOutput().columns) + [phase])
    }

    private mutating func show(_ lines: [String]) {
        StandardOutput.write(display.frame(lines, for: TerminalCapabilities.standardOutput()))
    }
}
