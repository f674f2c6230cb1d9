/// Values from the store quoted in a one-line message: `created "import/rows"`, the "already
/// counted" note, a log line.
///
/// The rule: a value is escaped (`TerminalEscape`) and cut (`Truncation`) to
/// `maximumValueWidth` columns, so no value, not even a 100 KB item key, takes over the line.
package enum MessageText {
    /// The most columns one value takes in a message.
    package static let maximumValueWidth = 80

    /// `value` escaped and cut, ready to stand in a message.
    package static func value(_ value: String) -> String {
        Truncation.cut(TerminalEscape.escaped(value), toWidth: maximumValueWidth)
    }

    /// `value` escaped, cut and in double quotes.
    package static func quoted(_ value: String) -> String {
        "\"" + self.value(value) + "\""
    }
}
