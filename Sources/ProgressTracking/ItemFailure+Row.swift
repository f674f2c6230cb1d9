#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import ProgressTrackingStorage

extension ItemFailure {
    init(_ row: FailureRow) {
        self.init(
            tracker: row.tracker, key: row.key, reason: row.reason, attempts: row.attempts,
            firstFailedAt: Date(timeIntervalSince1970: row.firstAt), lastFailedAt: Date(timeIntervalSince1970: row.lastAt),
            resolvedAt: row.resolvedAt.map(Date.init(timeIntervalSince1970:)), resolution: row.resolution.flatMap(Resolution.init)
        )
    }
}

extension FailureFilter {
    /// The storage's filter: false for unresolved, true for resolved, nil for all.
    var resolved: Bool? {
        switch self {
        case .unresolved: false
        case .resolved: true
        case .all: nil
        }
    }
}
