#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// What the output is and can do: whether it is a terminal, whether that terminal takes
/// cursor movement, and its size.
///
/// The rule: output is redrawn in place only when it is a terminal and `TERM` is not `dumb`;
/// anything else (a pipe, a file, a dumb terminal) gets plain lines and no control codes.
/// No output is coloured, so `NO_COLOR` has nothing to turn off.
///
/// The width is `$COLUMNS` when it is a positive number (up to `maximumColumns`), else the
/// terminal's own width, read anew each time (so a resize counts), else 80.
package struct TerminalCapabilities: Sendable, Equatable {
    /// Whether the output is a terminal.
    package var isTerminal: Bool
    /// Whether `TERM` is `dumb`: a terminal that shows text and moves no cursor.
    package var isDumb: Bool
    /// The columns to render for.
    package var columns: Int
    /// The terminal's rows, when the output is a terminal that says.
    package var rows: Int?

    /// The width when neither `$COLUMNS` nor the terminal tells one.
    package static let defaultColumns = 80
    /// A larger `$COLUMNS` is taken as this: no terminal is wider.
    package static let maximumColumns = 10_000

    /// Whether the output may be redrawn in place.
    package var redraws: Bool { isTerminal && !isDumb }

    /// The capabilities of an output with this environment and, if it is a terminal, this size
    /// (a size of 0 means unknown, as the kernel reports it).
    package init(isTerminal: Bool, environment: [String: String], size: (columns: Int, rows: Int)?) {
        self.isTerminal = isTerminal
        isDumb = environment["TERM"] == "dumb"
        let size = isTerminal ? size : nil
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            self.columns = min(columns, Self.maximumColumns)
        } else if let columns = size?.columns, columns > 0 {
            self.columns = columns
        } else {
            columns = Self.defaultColumns
        }
        rows = size.flatMap { $0.rows > 0 ? $0.rows : nil }
    }

    /// Standard output's capabilities now.
    package static func standardOutput() -> TerminalCapabilities {
        let isTerminal = isatty(STDOUT_FILENO) != 0
        var size = winsize()
        let known = isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0
        return TerminalCapabilities(
            isTerminal: isTerminal,
            environment: ProcessInfo.processInfo.environment,
            size: known ? (Int(size.ws_col), Int(size.ws_row)) : nil
        )
    }
}
