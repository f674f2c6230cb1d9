#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import ProgressTrackingStorage

extension TrackerStatus {
    /// The status of a stored tracker: its counts and percentage as stored, and its active
    /// time, rate and ETA computed from its timing.
    init(_ row: TrackerStatusRow) {
        let rate = Pace.rate(from: row.rateBase, to: row.current, at: row.updatedAt)
        self.init(
            current: row.current,
            total: row.total,
            percent: row.percent,
            failed: row.failed,
            skipped: row.skipped,
            cursor: row.cursor,
            startedAt: row.startedAt.map(Date.init(timeIntervalSince1970:)),
            updatedAt: Date(timeIntervalSince1970: row.updatedAt),
            completedAt: row.completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: Pace.activeSeconds(from: row.startedAt, to: row.completedAt ?? row.updatedAt, paused: row.pausedSeconds),
            rate: rate,
            eta: Pace.eta(remaining: Double(max(0, row.total - row.current)), rate: rate)
        )
    }
}
