internal import ProgressTracking
internal import ProgressTrackerRendering

/// What the demo shows while it runs: on a terminal, the status table redrawn in place a few
/// times a second; into a pipe or a file, a line at every tenth of the overall progress.
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

    /// Shows the progress if it is time to.
    mutating func update() throws {
        if interactive {
            let now = ContinuousClock.now
            guard lastDraw.map({ now - $0 >= Self.redrawInterval }) ?? true else { return }
            lastDraw = now
            show(StatusTable.lines(try trackerSet.getStatus(), width: TerminalCapabilities.standardOutput().columns))
        } else {
            let status = try trackerSet.getStatus()
            let tenth = Int(status.overall / 10)
            guard tenth > lastTenth, tenth < 10 else { return }
            lastTenth = tenth
            StandardOutput.write(StatusLine.of(status) + "\n")
        }
    }

    /// Shows the status now, in full: at the end, or when interrupted.
    mutating func finish() throws {
        let table = StatusTable.lines(try trackerSet.getStatus(), width: TerminalCapabilities.standardOutput().columns)
        if interactive {
            show(table)
        } else {
            StandardOutput.write(table.map { $0 + "\n" }.joined())
        }
    }

    private mutating func show(_ lines: [String]) {
        StandardOutput.write(display.frame(lines, for: TerminalCapabilities.standardOutput()))
    }
}
