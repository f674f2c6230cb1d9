package import ProgressTracking

/// The failed and skipped items as lines and tables add them after a count: `2 failed, 1 skipped`.
///
/// The rule: a count at 0 is left out, and with both at 0 there is no note, so a tracker that
/// no failure or skip touched shows as it always did.
package enum CountNotes {
    /// `2 failed, 1 skipped`, `2 failed`, `1 skipped`, or nil when both are 0.
    package static func of(failed: Int, skipped: Int) -> String? {
        let notes = [(failed, "failed"), (skipped, "skipped")].filter { $0.0 != 0 }.map { "\($0.0) \($0.1)" }
        return notes.isEmpty ? nil : notes.joined(separator: ", ")
    }

    /// The note as it follows a count on a line, `, 2 failed, 1 skipped`, or "" when there is none.
    package static func following(failed: Int, skipped: Int) -> String {
        of(failed: failed, skipped: skipped).map { ", " + $0 } ?? ""
    }

    /// The note of one tracker.
    package static func of(_ status: TrackerStatus) -> String? {
        of(failed: status.failed, skipped: status.skipped)
    }

    /// The note of a whole set: its trackers' failed and skipped items added up.
    package static func of(_ status: TrackerSetStatus) -> String? {
        of(failed: status.failed, skipped: status.skipped)
    }
}
