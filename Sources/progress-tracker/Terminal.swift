import Foundation

/// What the command knows about where its output goes.
enum Terminal {
    /// Whether standard output is a terminal (rather than a pipe or a file).
    static var isInteractive: Bool { isatty(STDOUT_FILENO) != 0 }

    /// The width to render for: `$COLUMNS` if set, else the terminal's width, else 80.
    static var columns: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        var size = winsize()
        if isInteractive, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }

    /// Prints `text` and flushes it: a pipe's reader (a log, a test) sees each line as it
    /// happens, in order with what `print` wrote before.
    static func write(_ text: String) {
        print(text, terminator: "")
        fflush(nil)
    }
}

/// A block of lines redrawn in place on a terminal, with ANSI cursor movement.
struct LiveDisplay {
    private var drawnLineCount = 0

    /// Replaces the lines shown last with `lines`.
    mutating func show(_ lines: [String]) {
        // Cursor up over the old block, to column 1, then clear to the end of the screen.
        let erase = drawnLineCount > 0 ? "\u{1B}[\(drawnLineCount)A\r\u{1B}[J" : ""
        Terminal.write(erase + lines.map { $0 + "\n" }.joined())
        drawnLineCount = lines.count
    }
}
