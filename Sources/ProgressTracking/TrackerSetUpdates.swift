extension ProgressTrackerSet {
    /// The set's status now and after every change to it, by this process or another: the
    /// replacement for polling `getStatus()` on a timer.
    ///
    /// ```swift
    /// for try await status in set.updates(every: .milliseconds(100)) {
    ///     overalls.append(status.overall)
    ///     if status.overall == 100 { break } // exactly 100 once every tracker is complete
    /// }
    /// ```
    ///
    /// The store is checked at most once every `interval`, however often it changes, with an
    /// O(1) read (``ProgressStore/changeToken()``), and the status read only when it changed;
    /// statuses equal to the last one are skipped. The sequence ends when the task iterating it
    /// is cancelled. Iterating it throws ``ProgressTrackingError/trackerSetRemoved(set:)`` when
    /// the set is removed, or a store error.
    /// - Parameter interval: The time between two checks of the store; the first status comes
    ///   at once.
    public func updates(every interval: Duration = .milliseconds(250)) -> TrackerSetUpdates {
        TrackerSetUpdates(trackerSet: self, interval: interval)
    }
}

/// The statuses of a set as it changes; see ``ProgressTrackerSet/updates(every:)``.
public struct TrackerSetUpdates: AsyncSequence, Sendable {
    /// A status of the whole set, read in one snapshot.
    public typealias Element = TrackerSetStatus
    /// What iterating can throw: `.trackerSetRemoved`, or a store error.
    public typealias Failure = ProgressTrackingError

    let trackerSet: ProgressTrackerSet
    let interval: Duration

    /// An iterator that reads the set's first status at once, then one status per change.
    public func makeAsyncIterator() -> Iterator {
        Iterator(trackerSet: trackerSet, interval: interval)
    }

    /// Reads the set's statuses, at most one check of the store per interval.
    public struct Iterator: AsyncIteratorProtocol {
        /// A status of the whole set, read in one snapshot.
        public typealias Element = TrackerSetStatus
        /// What `next()` can throw: `.trackerSetRemoved`, or a store error.
        public typealias Failure = ProgressTrackingError

        let trackerSet: ProgressTrackerSet
        let interval: Duration
        private var lastToken: ChangeToken?
        private var lastStatus: TrackerSetStatus?
        /// When the store may be checked again: one check per interval, however busy the
        /// writers are. A reader that never pauses would also keep SQLite from ever restarting
        /// its write-ahead log, which then grows without bound.
        private var nextCheck: ContinuousClock.Instant?

        init(trackerSet: ProgressTrackerSet, interval: Duration) {
            self.trackerSet = trackerSet
            self.interval = interval
        }

        /// The next status that differs from the last one, or nil once the task is cancelled.
        /// The first comes at once; each later one at least `interval` after the check before.
        /// - Throws: `.trackerSetRemoved` when the set is removed, or a store error.
        public mutating func next() async throws(ProgressTrackingError) -> TrackerSetStatus? {
            while !Task.isCancelled {
                if let nextCheck {
                    do {
                        try await Task.sleep(until: nextCheck, clock: .continuous)
                    } catch {
                        return nil
                    }
                }
                nextCheck = .now + interval
                // The token before the status: a change between the two reads shows up again
                // at the next check, where reading in the other order would lose it.
                let token = try trackerSet.store.changeToken()
                guard token != lastToken else { continue }
                lastToken = token
                let status = try trackerSet.getStatus()
                if status != lastStatus {
                    lastStatus = status
                    return status
                }
            }
            return nil
        }
    }
}
