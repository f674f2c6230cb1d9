#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import ProgressTrackingStorage

extension TrackerSetSummary {
    init(name: String, _ row: SetSummaryRow) {
        let elapsed = row.timing.elapsed
        self.init(
            name: name,
            trackerCount: row.trackerCount,
            overall: row.overall,
            createdAt: Date(timeIntervalSince1970: row.createdAt),
            updatedAt: Date(timeIntervalSince1970: row.updatedAt),
            startedAt: row.timing.startedAt.map(Date.init(timeIntervalSince1970:)),
            completedAt: row.timing.completedAt.map(Date.init(timeIntervalSince1970:)),
            elapsed: elapsed,
            items: row.items,
            meanRate: elapsed > 0 ? Double(row.items) / elapsed : nil,
            state: ControlState(rawValue: row.state) ?? .running
        )
    }
}
