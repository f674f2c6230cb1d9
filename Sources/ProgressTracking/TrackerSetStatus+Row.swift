#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import ProgressTrackingStorage

extension TrackerSetStatus {
    /// The status of a stored set: its trackers' statuses in creation order, the overall
    /// progress as stored, and the set's timing, rate and ETA.
    init(_ row: SetStatusRow) {
        let run = SetRun(row.trackers, pausedSeconds: row.pausedSeconds)
        self.init(
            overall: row.overall,
            state: ControlState(rawValue: row.state) ?? .running,
            startedAt: run.startedAt.map(Date.init(timeIntervalSince1970:)),
            updatedAt: run.changedAt.map(Date.init(timeIntervalSince1970:)),
            completedAt: run.completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: run.elapsed
        )
        trackers.reserveCapacity(row.trackers.count)
        order.reserveCapacity(row.trackers.count)
        var overallRate = Pace.OverallRate()
        for tracker in row.trackers {
            let status = TrackerStatus(tracker)
            overallRate.add(status.rate, of: tracker)
            append(tracker.name, status)
        }
        rate = overallRate.value
        eta = Pace.eta(remaining: 100 - overall, rate: rate)
    }
}
