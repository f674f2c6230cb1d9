#if canImport(FoundationEssentials)
package import FoundationEssentials
#else
package import Foundation
#endif
package import ProgressTracking

/// What `progress-tracker report` shows of one set, as `read(_:at:)` reads it from the store
/// through the library's public API. The page is made from this alone (`RunReport`), so tests
/// can give it any history without a store.
package struct RunReportInput: Sendable {
    /// The set's name.
    package var setName: String
    /// The store the set was read from, as the page's footer names it.
    package var storePath: String
    /// `ProgressTrackerSet.getStatus()`: the final table.
    package var status: TrackerSetStatus
    /// `ProgressTrackerSet.summary()`: the set's times, items and mean rate.
    package var summary: TrackerSetSummary
    /// `ProgressStore.history(set:)`, oldest first: the charts and the timeline.
    package var history: [HistoryEvent]
    /// The weight of each current tracker that has one of its own (`ProgressTracker.weight`).
    /// The others, and removed trackers, weigh by their total, as the set does.
    package var weights: [String: Double]
    /// `ProgressTrackerSet.failures(.all, limit:)`, oldest first: at most `listedFailures`
    /// are listed, and one more says that there are more.
    package var failures: [ItemFailure]
    /// When the report was made.
    package var generatedAt: Date

    /// The most failed items the page lists, so that it stays small however many failed.
    package static let listedFailures = 100

    package init(
        setName: String, storePath: String, status: TrackerSetStatus, summary: TrackerSetSummary,
        history: [HistoryEvent], weights: [String: Double] = [:], failures: [ItemFailure] = [], generatedAt: Date
    ) {
        self.setName = setName
        self.storePath = storePath
        self.status = status
        self.summary = summary
        self.history = history
        self.weights = weights
        self.failures = failures
        self.generatedAt = generatedAt
    }
}
