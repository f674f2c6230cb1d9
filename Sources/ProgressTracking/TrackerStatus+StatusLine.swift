extension TrackerStatus {
    /// A sentence about the tracker, in the spirit of the JavaScript service's status log;
    /// one form per state:
    ///
    /// - not started: `rows has not started: 0 / 100 items.`
    /// - started, nothing done: `rows has started and completed no items in 5s.`
    /// - in progress: `rows is 45.000% complete - 45 / 100 items over 2m 3s (0.37/s). Estimated completion: 2m 28s`
    /// - done: `rows is done: 100 / 100 items in 4m 31s (0.37/s).`
    ///
    /// The rate in parentheses is the mean over `elapsed`; the estimate uses the recent `rate`
    /// and reads `unknown` without one.
    /// - Parameter name: The tracker's name, which the sentence starts with, as it is: escape
    ///   it before it reaches a terminal.
    public func statusLine(name: String) -> String {
        let items = "\(current) / \(total) items"
        guard startedAt != nil else {
            return "\(name) has not started: \(items)."
        }
        let meanRate = elapsed > 0 ? " (\(Self.rateText(Double(current) / elapsed)))" : ""
        if current >= total {
            return "\(name) is done: \(items) in \(Self.durationText(elapsed))\(meanRate)."
        }
        if current == 0 {
            return "\(name) has started and completed no items in \(Self.durationText(elapsed))."
        }
        let estimate = eta.map(Self.durationText) ?? "unknown"
        return "\(name) is \(Self.fixed(percent, decimals: 3))% complete - \(items) over "
            + "\(Self.durationText(elapsed))\(meanRate). Estimated completion: \(estimate)"
    }

    /// Seconds as the status line writes them: `850ms`, `4.2s`, `2m 3s` or `1h 2m 3s`.
    public static func durationText(_ seconds: Double) -> String {
        // Total for any Double: NaN and negatives read as 0, infinity as the clamp below.
        let seconds = seconds.isNaN ? 0 : max(0, seconds)
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 10 { return "\(fixed(seconds, decimals: 1))s" }
        // Clamped so that an estimate at a crawling rate still prints.
        let whole = Int(min(seconds, 359_999_999).rounded())
        let (hours, minutes, secs) = (whole / 3600, whole / 60 % 60, whole % 60)
        if hours > 0 { return "\(hours)h \(minutes)m \(secs)s" }
        if minutes > 0 { return "\(minutes)m \(secs)s" }
        return "\(secs)s"
    }

    /// A rate as the status line writes it, with two decimals for slow rates: `0.37/s`,
    /// `8.2/s`, `1250/s`.
    public static func rateText(_ perSecond: Double) -> String {
        let decimals = perSecond >= 100 ? 0 : perSecond >= 10 ? 1 : 2
        return "\(fixed(perSecond, decimals: decimals))/s"
    }

    /// `value` rounded to `decimals` places, written with exactly that many (no Foundation formatting).
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let value = value.isNaN ? 0 : min(max(value, 0), 1e12)
        let scaled = Int((value * Double(scale)).rounded())
        guard decimals > 0 else { return "\(scaled)" }
        let fraction = String(scaled % scale)
        return "\(scaled / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}

extension ProgressTracker {
    /// The tracker's status as a sentence; see ``TrackerStatus/statusLine(name:)``.
    /// - Complexity: one read of the tracker's row, as ``status()``.
    /// - Throws: `.trackerRemoved`, or a store error.
    public func statusLine() throws(ProgressTrackingError) -> String {
        try status().statusLine(name: name)
    }
}
