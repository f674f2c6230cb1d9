/// What a cell shows in place of a value.
package enum Placeholder {
    /// The value is not a number (NaN): something upstream went wrong, and it is shown, not hidden.
    package static let unknown = "?"
    /// There is no value yet: a time before the event, a duration before the start.
    package static let none = "-"
    /// The row is the set's own, not one tracker's: a pause, a resume, a cancel in the history.
    package static let wholeSet = "*"
}
