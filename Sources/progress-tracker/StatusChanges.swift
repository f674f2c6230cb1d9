import ProgressTracking

/// The one place where `watch` learns that a set changed. It compares the store's change
/// token, an O(1) check, and reads the whole status only when the token moved.
struct StatusChanges {
    let trackerSet: ProgressTrackerSet
    private var lastToken: ChangeToken?
    private var lastStatus: TrackerSetStatus?

    init(_ trackerSet: ProgressTrackerSet) {
        self.trackerSet = trackerSet
    }

    /// The status if it differs from the one returned last (the first call always returns it), else nil.
    mutating func next() throws -> TrackerSetStatus? {
        // The token is read before the status, so a change committed in between is seen next time.
        let token = try trackerSet.store.changeToken()
        guard token != lastToken else { return nil }
        lastToken = token
        let status = try trackerSet.getStatus()
        // Another set of the same file may have changed, or a write may have changed nothing.
        guard status != lastStatus else { return nil }
        lastStatus = status
        return status
    }
}
