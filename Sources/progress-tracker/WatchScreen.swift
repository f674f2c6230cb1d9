#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
internal import ProgressTracking
internal import ProgressTrackerRendering

/// What `watch` has on standard output, shared by the task that follows the set, the one that
/// refreshes the view between changes and the one that waits for Ctrl-C: one at a time writes.
///
/// On a terminal that `redraws`, the table is redrawn in place after each change, and between
/// changes whenever what it shows differs (the quiet time counts up, the terminal was
/// resized). Elsewhere a plain line is written for each change, and one when the set goes quiet.
actor WatchScreen {
    /// How often the view is refreshed between changes.
    static let refreshInterval = Duration.seconds(1)

    private let text: WatchText
    /// Decided once: what standard output is does not change while the command runs.
    private let output = TerminalCapabilities.standardOutput()
    private var display = LiveDisplay()
    private var status: TrackerSetStatus?
    /// The frame drawn last, and the width it was drawn for.
    private var drawn: (lines: [String], columns: Int)?
    private var wasQuiet = false

    init(text: WatchText) {
        self.text = text
    }

    /// Says on a terminal what is watched and how to stop.
    func announce(set: String, path: String) {
        guard output.isTerminal else { return }
        let line = "watching set \(MessageText.quoted(set)) of \(MessageText.value(path)); Ctrl-C to stop"
        StandardOutput.write(Truncation.cut(line, toWidth: TerminalCapabilities.standardOutput().columns) + "\n")
    }

    /// Shows a new status of the set.
    func show(_ status: TrackerSetStatus) {
        self.status = status
        draw(isNew: true)
    }

    /// Shows the last status again if the view of it changed since.
    func refresh() {
        draw(isNew: false)
    }

    /// Ends the line after Ctrl-C: the terminal echoed `^C` at the start of the line below the
    /// output, and the shell's prompt must not follow it there.
    func interrupted() {
        if output.isTerminal { StandardOutput.write("\n") }
    }

    private func draw(isNew: Bool) {
        guard let status else { return }
        let now = Date.now
        if output.redraws {
            let terminal = TerminalCapabilities.standardOutput()
            let lines = text.frame(status, now: now, width: terminal.columns)
            guard isNew || drawn.map({ $0.lines != lines || $0.columns != terminal.columns }) ?? true else { return }
            StandardOutput.write(display.frame(lines, for: terminal))
            drawn = (lines, terminal.columns)
        } else {
            let quiet = text.isQuiet(status, now: now)
            if isNew || (quiet && !wasQuiet) {
                StandardOutput.write(text.logLine(status, now: now) + "\n")
            }
            wasQuiet = quiet
        }
    }
}
