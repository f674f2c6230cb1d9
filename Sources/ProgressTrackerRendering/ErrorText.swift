/// An error as the command line prints it: `Error: ` and the message, then, for a usage
/// error, how to call the command.
///
/// The rule: an error message is text from elsewhere (the library's messages name sets,
/// trackers and paths, the argument parser's quote the arguments given), so it is escaped
/// whole (`TerminalEscape`, line breaks included) and cut to `maximumMessageWidth` columns
/// (`Truncation`). The usage text that follows it is the command's own and keeps its lines.
package enum ErrorText {
    /// The most columns an error message takes.
    package static let maximumMessageWidth = 1_000
    private static let prefix = "Error: "

    /// What to print for an error whose message is `message`, given the argument parser's
    /// full report (`Error: <message>\n` then the usage), ending with a line break; nothing
    /// for an error without a message (an exit status alone).
    package static func report(message: String, fullReport: String) -> String {
        guard !message.isEmpty else { return "" }
        let head = prefix + message
        let usage = fullReport.hasPrefix(head) ? String(fullReport.dropFirst(head.count)) : ""
        let shown = prefix + Truncation.cut(TerminalEscape.escaped(message), toWidth: maximumMessageWidth)
        let text = shown + usage
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
