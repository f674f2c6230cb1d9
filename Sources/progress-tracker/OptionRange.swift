internal import ArgumentParser

/// The values a numeric option accepts, written once for both its check and its help text.
///
/// The rule: every numeric option has a range that no value inside can make the command
/// crash or spin (a `Duration` from 1e19 seconds traps; an interval of a nanosecond keeps a
/// core busy), states it in its help, and refuses a value outside it, NaN included, with a
/// usage error that names the option, the range and the value.
struct OptionRange<Value: Comparable & CustomStringConvertible & Sendable>: Sendable, CustomStringConvertible {
    let option: String
    let range: ClosedRange<Value>
    /// What the values count, after the number: "seconds", "records".
    let unit: String

    /// `0.01 to 3600.0 seconds`, for the help text.
    var description: String { "\(range.lowerBound) to \(range.upperBound) \(unit)" }

    /// Throws a usage error unless `value` is in the range (NaN is in no range).
    func check(_ value: Value) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be \(description): \(value)")
        }
    }
}
