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
        self.init(
            overall: row.overall,
            state: ControlState(rawValue: row.state) ?? .running,
            startedAt: row.timing.startedAt.map(Date.init(timeIntervalSince1970:)),
            updatedAt: row.timing.changedAt.map(Date.init(timeIntervalSince1970:)),
            completedAt: row.timing.completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: row.timing.elapsed
        )
        var trackerRates: [(rate: Double?, row: TrackerStatusRow)] = []
        for tracker in row.trackers {
            let status = TrackerStatus(tracker)
            append(tracker.name, status)
            trackerRates.append((status.rate, tracker))
        }
        rate = Pace.overallRate(trackerRates)
        eta = Pace.eta(remaining: 100 - overall, rate: rate)
    }
}

extension SetTimingRow {
    /// Active seconds from the first start to the completion, or else to the last change.
    var elapsed: Double {
        Pace.activeSeconds(from: startedAt, to: completedAt ?? changedAt, paused: pausedSeconds)
    }
}
