/// A named group of trackers whose overall progress is their weighted average.
///
/// A handle: cheap to copy and `Sendable`. Every read goes to the file, so a handle shows
/// what other processes write.
public struct ProgressTrackerSet: Sendable {
    /// The store the set lives in.
    public let store: ProgressStore
    /// The set's name, unique in its store.
    public let name: String
    let id: Int

    init(store: ProgressStore, id: Int, name: String) {
        self.store = store
        self.id = id
        self.name = name
    }

    // MARK: - Trackers

    /// Creates a tracker expecting `total` items.
    /// - Parameter weight: Its share of the overall progress; nil weighs it by its total.
    /// - Throws: `.trackerExists` if the set has a tracker of that name; `.emptyName`,
    ///   `.nameTooLong`, `.negativeTotal`, `.invalidWeight`, `.trackerSetRemoved`.
    @discardableResult
    public func createTracker(_ name: String, total: Int, weight: Double? = nil) throws -> ProgressTracker {
        try writeTracker(name, total: total, weight: weight) {
            try $0.insertTracker(setID: id, setName: self.name, name: name, total: total, weight: weight)
        }
    }

    /// Creates the tracker, or returns the existing one with its count intact: the resume path.
    ///
    /// On an existing tracker, `total` replaces the stored total, and a given `weight` the
    /// stored weight (nil keeps it). Processes opening the same name at once get one tracker.
    /// - Throws: as `createTracker`, except `.trackerExists`.
    @discardableResult
    public func openTracker(_ name: String, total: Int, weight: Double? = nil) throws -> ProgressTracker {
        try writeTracker(name, total: total, weight: weight) {
            try $0.openTracker(setID: id, setName: self.name, name: name, total: total, weight: weight)
        }
    }

    /// Checks the arguments, then runs `write`, which stores the tracker and returns its id.
    private func writeTracker(
        _ name: String, total: Int, weight: Double?,
        _ write: (TrackerRepository) throws -> Int
    ) throws -> ProgressTracker {
        try Validation.checkName(name, of: .tracker)
        try Validation.checkTotal(total)
        try Validation.checkWeight(weight)
        return ProgressTracker(trackerSet: self, id: try store.database.perform(write), name: name)
    }

    /// The tracker of that name, or nil.
    public func getTracker(_ name: String) throws -> ProgressTracker? {
        try Validation.checkName(name, of: .tracker)
        return try store.database.perform { try $0.trackerID(setID: id, name: name) }
            .map { ProgressTracker(trackerSet: self, id: $0, name: name) }
    }

    /// Removes the tracker and its item keys; handles to it throw `.trackerRemoved` from now on.
    /// - Returns: Whether a tracker of that name existed.
    @discardableResult
    public func removeTracker(_ name: String) throws -> Bool {
        try Validation.checkName(name, of: .tracker)
        return try store.database.perform { try $0.deleteTracker(setID: id, name: name) }
    }

    /// The set's trackers in creation order.
    public func getAllTrackers() throws -> [ProgressTracker] {
        try store.database.perform { try $0.trackers(setID: id) }
            .map { ProgressTracker(trackerSet: self, id: $0.id, name: $0.name) }
    }

    // MARK: - Progress

    /// The weighted overall progress in percent, 0...100:
    /// Σ weightᵢ·fractionᵢ / Σ weightᵢ with fractionᵢ = min(currentᵢ, totalᵢ) / totalᵢ.
    ///
    /// An empty set is at 0; when the weights add up to 0, the set is at 100 if every tracker
    /// is complete and at 0 otherwise.
    /// - Complexity: one SQL aggregate, O(n) in the set's trackers.
    /// - Throws: `.trackerSetRemoved`, or a file error.
    public func getOverallProgress() throws -> Double {
        guard let overall = try store.database.perform({ try $0.overall(setID: id) }) else {
            throw ProgressTrackingError.trackerSetRemoved(set: name)
        }
        return overall
    }

    /// Every tracker's status and the overall progress, read in one snapshot.
    /// - Complexity: one SQL query, O(n log n) in the set's trackers.
    /// - Throws: `.trackerSetRemoved`, or a file error.
    public func getStatus() throws -> TrackerSetStatus {
        guard let status = try store.database.perform({ try $0.status(setID: id) }) else {
            throw ProgressTrackingError.trackerSetRemoved(set: name)
        }
        return status
    }

    /// The set's tracker count, overall progress, and creation and last-change times.
    /// - Throws: `.trackerSetRemoved`, or a file error.
    public func summary() throws -> TrackerSetSummary {
        guard let summary = try store.database.perform({ try $0.setSummary(id: id, name: name) }) else {
            throw ProgressTrackingError.trackerSetRemoved(set: name)
        }
        return summary
    }
}
