#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import ProgressTrackingStorage

extension TrackerSetSummary {
    /// The summary of a stored set's status.
    init(name: String, _ row: SetStatusRow) {
        let run = SetRun(row.trackers, pausedSeconds: row.pausedSeconds)
        self.init(
            name: name,
            trackerCount: row.trackers.count,
            overall: row.overall,
            createdAt: Date(timeIntervalSince1970: row.createdAt),
            updatedAt: Date(timeIntervalSince1970: max(row.updatedAt, run.changedAt ?? row.updatedAt)),
            startedAt: run.startedAt.map(Date.init(timeIntervalSince1970:)),
            completedAt: run.completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: run.elapsed,
            items: run.items,
            meanRate: run.elapsed > 0 ? Double(run.items) / run.elapsed : nil,
            state: ControlState(rawValue: row.state) ?? .running
        )
    }
}
