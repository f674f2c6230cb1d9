#if canImport(FoundationEssentials)
package import FoundationEssentials
#else
package import Foundation
#endif
package import ProgressTracking

/// What `watch` shows of a set: on a terminal the status table and a pace line below it, in a
/// log one line per state.
///
/// The pace is the set's rate and estimated time left while it is live: `rate 0.52%/s, eta
/// 1m 20s` (the estimate counts from the last change). The rule for a set that went quiet (a
/// writer died, or waits): once it has not changed for `staleAfter` seconds, measured from
/// its `updatedAt` to `now`, the pace line says so instead, `no change for 2m 10s`, rather than
/// show the last rate and estimate as if they were live. A set that is paused or cancelled
/// says that instead (`StateText`): its workers wait or stopped, so neither a rate nor a quiet
/// time means anything. A finished set has no pace line.
package struct WatchText: Sendable {
    /// How long without a change before the set counts as quiet.
    package var staleAfter: Duration

    /// What `watch` shows, counting the set quiet after `staleAfter` without a change.
    package init(staleAfter: Duration) {
        self.staleAfter = staleAfter
    }

    /// The table for a terminal `width` columns wide, and the pace line if there is one.
    package func frame(_ status: TrackerSetStatus, now: Date, width: Int) -> [String] {
        StatusTable.lines(status, width: width) + [pace(status, now: now)].compactMap { $0 }
    }

    /// `2026-11-25T12:30:05Z overall 62.5% | a 5/8 62.5% | rate 0.52%/s, eta 1m 20s`.
    package func logLine(_ status: TrackerSetStatus, now: Date) -> String {
        let pace = pace(status, now: now).map { " | \($0)" } ?? ""
        return "\(now.formatted(.iso8601)) \(StatusLine.of(status))\(pace)"
    }

    /// The rate and estimate, how long the set has been quiet, or that it is paused or
    /// cancelled; nil when it is done, or while its rate is not known yet.
    package func pace(_ status: TrackerSetStatus, now: Date) -> String? {
        guard status.overall < 100 else { return nil }
        if let state = StateText.line(status.state) { return state }
        if let quiet = quietTime(status, now: now) {
            return "no change for \(DurationText.of(quiet))"
        }
        guard let rate = status.rate, rate.isFinite, let eta = status.eta else { return nil }
        return "rate \(DecimalText.of(rate, decimals: 2))%/s, eta \(DurationText.of(eta))"
    }

    /// Whether the set has gone quiet: running, not done, and unchanged for `staleAfter` or longer.
    package func isQuiet(_ status: TrackerSetStatus, now: Date) -> Bool {
        status.overall < 100 && status.state == .running && quietTime(status, now: now) != nil
    }

    /// Seconds since the set last changed, once that is `staleAfter` or more.
    private func quietTime(_ status: TrackerSetStatus, now: Date) -> Double? {
        guard let updatedAt = status.updatedAt else { return nil }
        let quiet = now.timeIntervalSince(updatedAt)
        return quiet >= staleAfter / .seconds(1) ? quiet : nil
    }
}
