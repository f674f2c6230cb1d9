internal import ProgressTracking

/// A duration as tables and lines show it: `850ms`, `4.2s`, `2m 3s`, `1h 2m 3s`, in the
/// library's words (`TrackerStatus.durationText`).
///
/// The rule: it is total. NaN shows `Placeholder.unknown`, a negative duration (a clock set
/// back) shows as 0, and an endless one as the longest the library writes.
package enum DurationText {
    /// `seconds` in words.
    package static func of(_ seconds: Double) -> String {
        if seconds.isNaN { return Placeholder.unknown }
        return TrackerStatus.durationText(min(max(seconds, 0), longest))
    }

    /// About 11 years: longer estimates all read the same.
    private static let longest: Double = 359_999_999
}
