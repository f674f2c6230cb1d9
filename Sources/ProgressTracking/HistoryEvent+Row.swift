#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import ProgressTrackingStorage

extension HistoryEvent {
    /// The event of a stored row; nil for a kind this code does not know.
    init?(set: String, _ row: EventRow) {
        guard let kind = Kind(rawValue: row.kind) else { return nil }
        self.init(
            set: set, tracker: row.tracker, kind: kind, at: Date(timeIntervalSince1970: row.at),
            current: row.current, total: row.total, failed: row.failed, skipped: row.skipped
        )
    }
}
