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
    /// `0.01 to 3600.0 seconds`, for the help text and the error.
    let description: String

    /// The values of `range`; `unit` is what they count, after the number: "seconds", "records".
    init(option: String, range: ClosedRange<Value>, unit: String) {
        self.option = option
        self.range = range
        description = "\(range.lowerBound) to \(range.upperBound) \(unit)"
    }

    /// Throws a usage error unless `value` is in the range (NaN is in no range).
    func check(_ value: Value) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be \(description): \(value)")
        }
    }
}

extension OptionRange where Value == Int {
    /// The values from `lowerBound` up, `1 or more failures`: an upper bound that only the
    /// type sets (a limit, which any number can be) is not worth its 19 digits in the help.
    init(option: String, atLeast lowerBound: Int, unit: String) {
        self.option = option
        range = lowerBound...Int.max
        description = "\(lowerBound) or more \(unit)"
    }
}
