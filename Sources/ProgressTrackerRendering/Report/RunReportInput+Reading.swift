#if canImport(FoundationEssentials)
package import FoundationEssentials
#else
package import Foundation
#endif
package import ProgressTracking

extension RunReportInput {
    /// Reads what the report shows of `set` through the library's public API: its history,
    /// status, summary, failures (as many as are listed, and one more), and its trackers' own
    /// weights.
    ///
    /// A read-only store cannot take a transaction, so these are separate reads: a set that
    /// is being written shows as of about now, and the report copes with the few events one
    /// read may have that another has not.
    /// - Throws: `ProgressTrackingError` from any read (`.trackerSetRemoved` if the set goes
    ///   meanwhile, a store error).
    package static func read(_ set: ProgressTrackerSet, at generatedAt: Date = Date()) throws(ProgressTrackingError) -> RunReportInput {
        let history = try set.store.history(set: set.name)
        let status = try set.getStatus()
        let summary = try set.summary()
        let failures = try set.failures(.all, limit: listedFailures + 1)
        var weights: [String: Double] = [:]
        for tracker in try set.getAllTrackers() {
            do throws(ProgressTrackingError) {
                if let weight = try tracker.weight { weights[tracker.name] = weight }
            } catch .trackerRemoved {
                continue  // removed since the list was read: the history still has it
            }
        }
        return RunReportInput(
            setName: set.name, storePath: set.store.path, status: status, summary: summary, history: history,
            weights: weights, failures: failures, generatedAt: generatedAt
        )
    }
}
