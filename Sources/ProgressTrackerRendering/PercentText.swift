/// A percentage as tables and lines show it: one decimal, `57.5%`.
///
/// The rule: it is total, and it never claims completion early. Any Double gives a text at
/// most `width` wide: 0 and below (-0 and -infinity too) show `0.0%`, 100 and above (the
/// library keeps percentages within 0...100, so that is exactly 100) show `100.0%`, and NaN
/// shows `Placeholder.unknown`. Between, the value is rounded down to the tenth, so anything
/// below 100 shows at most `99.9%`. Rounding down forgives binary rounding noise of a
/// millionth of a percent, so 58 computed as 57.99999999999999 still shows `58.0%`, but it
/// never lifts a value to 100.
package enum PercentText {
    /// The widest text, `100.0%`.
    package static let width = 6

    /// `percent` with one decimal and a percent sign.
    package static func of(_ percent: Double) -> String {
        if percent.isNaN { return Placeholder.unknown }
        if percent >= 100 { return "100.0%" }
        guard percent > 0 else { return "0.0%" }
        let tenths = min(Int((percent * 10 + 1e-6).rounded(.down)), 999)
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
